import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.dl4j.NetworkFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * Where one Model 1 training step spends its time at ml-32m's width (87,585 columns, batch 512, about 160 ratings
 * a user as in ml-32m): the whole fit, the output layer's backward pass (its three products and the loss) and
 * Adam over all parameters. Synthetic rows, seeded. Wall and process CPU milliseconds, median of REPS.
 * Usage: java -cp CLASSPATH bench/WideStep.java [WIDTH] [REPS] [loss|step]   (loss: only the loss A/B and the metrics
 * cost; step: only the whole training step and the inference forward pass, e.g. to compare two builds' classes)
 */
public class WideStep {
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    static int reps;

    public static void main(String[] args) throws Exception {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 87_585;
        reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ModelSpec spec = Presets.model1();
        int batch = spec.training().batchSize();
        float[] dense = new float[batch * width];
        Random random = new Random(7);
        for (int r = 0; r < batch; r++) {
            for (int k = 0; k < 160; k++) {
                dense[r * width + random.nextInt(width)] = (1 + random.nextInt(5)) / 5f;
            }
        }
        INDArray x = Nd4j.create(dense, new long[]{batch, width}, 'c');
        System.out.printf(Locale.ROOT, "# width %d, batch %d, OMP threads %d, load %s%n", width, batch,
                Nd4j.getEnvironment().maxMasterThreads(), java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        MultiLayerNetwork net = NetworkFactory.build(spec, width, true);
        System.out.println("# parameters " + net.numParams());
        if (args.length > 2 && args[2].equals("loss")) {
            lossOnly(x, dense, batch, width);
            return;
        }
        time("whole fit step", () -> net.fit(x, x));
        // inference as the validation pass runs it: into the workspace, read by an adapter, no detached copy
        time("inference forward of the batch (validation pass)", () -> net.output(x, null, null, outputs -> null));
        if (args.length > 2 && args[2].equals("step")) {
            return;
        }
        Layer out = net.getLayer(net.getnLayers() - 1);
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        INDArray h = Nd4j.rand(DataType.FLOAT, batch, 512);
        time("output layer backward (3 products + loss)", () -> {
            out.setInput(h, none);
            ((org.deeplearning4j.nn.api.layers.IOutputLayer) out).setLabels(x);
            out.backpropGradient(null, none);
        });
        INDArray w = Nd4j.rand(DataType.FLOAT, 512, width);
        time("one product [512x512]x[512x" + width + "]", () -> h.mmul(w));
        long n = net.numParams();
        INDArray state = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
        INDArray grad = Nd4j.rand(DataType.FLOAT, 1, n);
        INDArray params = Nd4j.rand(DataType.FLOAT, 1, n);
        GradientUpdater<?> adam = new Adam(1e-4).instantiate(state, true);
        int[] it = {0};
        time("Adam update over " + n + " parameters (in place on the gradient)", () -> adam.applyUpdater(grad, it[0]++, 0));
        time("params.subi(update) over " + n, () -> params.subi(grad));
        lossOnly(x, dense, batch, width);
        INDArray a = Nd4j.rand(DataType.FLOAT, batch, width);
        time("one element-wise pass a.subi(x) over the output", () -> a.subi(x));
        time("a.dup() over the output", a::dup);
    }

    /** The loss A/B and the cost of accumulating one batch's running metrics. */
    static void lossOnly(INDArray x, float[] dense, int batch, int width) {
        // A/B, interleaved: DL4J's LossMSE score + gradient (what the output layer did before) against the in-place
        // sequence the output layer now runs, on the same [batch, width] product and labels
        INDArray product = Nd4j.rand(DataType.FLOAT, batch, width);
        org.nd4j.linalg.lossfunctions.impl.LossMSE mse = new org.nd4j.linalg.lossfunctions.impl.LossMSE();
        org.nd4j.linalg.activations.impl.ActivationIdentity identity = new org.nd4j.linalg.activations.impl.ActivationIdentity();
        for (int round = 0; round < 3; round++) {
            time("loss A: DL4J LossMSE computeScore + computeGradient", () -> {
                mse.computeScore(x, product, identity, null, false);
                mse.computeGradient(x, product, identity, null);
            });
            INDArray work = product.dup();
            time("loss B: in place (subi, norm2, muli) on a copy", () -> {
                work.assign(product);
                INDArray d = work.subi(x);
                d.norm2Number();
                d.muli(2.0 / width);
            });
        }
        org.encore.training.RegressionMetrics metrics = new org.encore.training.RegressionMetrics(width);
        float[] predictions = product.data().asFloat();
        time("RegressionMetrics.add of one batch (running train metrics)", () -> metrics.add(dense, predictions, batch));
    }

    static void time(String what, Runnable step) {
        step.run();
        double[] wall = new double[reps];
        double[] cpu = new double[reps];
        for (int i = 0; i < reps; i++) {
            long c0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            step.run();
            wall[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (OS.getProcessCpuTime() - c0) / 1e6;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "%-70s wall %8.1f ms (min %8.1f)  cpu %8.1f ms%n", what, wall[reps / 2], wall[0], cpu[reps / 2]);
    }
}
