import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.dl4j.NetworkFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.GradientUpdater;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where one Model 1 training step (batch 512, ml-latest-small) spends its time in DL4J: the whole fit, the first
 * layer's forward and backward passes (dense DenseLayer vs the sparse-input layer), the output layer's product and
 * Adam over all parameters. Wall and process CPU milliseconds, median of several repetitions.
 * Usage: java -cp CLASSPATH bench/FitBreakdown.java DATA_DIR
 */
public class FitBreakdown {
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    static final int REPS = 5;

    public static void main(String[] args) throws Exception {
        RatingMatrix m = MovieLensLoader.load(Path.of(args[0])).ratings();
        ModelSpec spec = Presets.model1();
        int width = m.movieCount();
        int batch = spec.training().batchSize();
        int[] rows = new int[batch];
        Arrays.setAll(rows, i -> i);
        float[] dense = new float[batch * width];
        m.densify(rows, (float) spec.valueScale(), dense);
        INDArray x = Nd4j.create(dense, new long[]{batch, width}, 'c');
        System.out.printf(Locale.ROOT, "# width %d, batch %d, %.2f%% non-zero, OMP threads %d, load %s%n", width, batch,
                100.0 * Arrays.stream(rows).map(m::rowLength).sum() / ((double) batch * width),
                Nd4j.getEnvironment().maxMasterThreads(), java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim());
        for (boolean sparse : new boolean[]{false, true}) {
            MultiLayerNetwork net = NetworkFactory.build(spec, width, sparse);
            String tag = sparse ? "optimized" : "plain DL4J";
            time(tag + " whole fit step", () -> net.fit(x, x));
            net.initGradientsView();
            Layer first = net.getLayer(0);
            LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
            first.setInput(x, none);
            time(tag + " layer 0 forward", () -> first.activate(true, none));
            INDArray eps = Nd4j.rand(DataType.FLOAT, batch, 1024);
            time(tag + " layer 0 forward+backward", () -> {
                first.activate(true, none);
                first.backpropGradient(eps.dup(), none);
            });
        }
        INDArray h = Nd4j.rand(DataType.FLOAT, batch, 512);
        INDArray w = Nd4j.rand(DataType.FLOAT, 512, width);
        time("output layer product [512x512]x[512x" + width + "] (DL4J does 4 of these per step)", () -> h.mmul(w));
        long n = NetworkFactory.build(spec, width, true).numParams();
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        INDArray grad = Nd4j.rand(DataType.FLOAT, 1, n);
        GradientUpdater<?> adam = new Adam(1e-4).instantiate(state, true);
        int[] it = {0};
        time("Adam update over " + n + " parameters", () -> adam.applyUpdater(grad.dup(), it[0]++, 0));
    }

    static void time(String what, Runnable step) {
        step.run();
        double[] wall = new double[REPS];
        double[] cpu = new double[REPS];
        for (int i = 0; i < REPS; i++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            step.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (OS.getProcessCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-75s wall %8.1f ms (min %8.1f)  cpu %8.1f ms%n", what, wall[REPS / 2], wall[0], cpu[REPS / 2]);
    }
}
