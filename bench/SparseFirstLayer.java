import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.encore.model.Presets;
import org.encore.training.dl4j.NetworkFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

/**
 * Model 1's sparse first layer alone: the forward pass of a 512-row batch (inference) and the backward pass (weight
 * gradient) after a training forward, at a given width, synthetic rows of 160 ratings, seeded. Process CPU and wall
 * milliseconds of each call, and a checksum of the outputs (equal across builds when the arithmetic is).
 * Usage: java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=8g -cp CLASSPATH bench/SparseFirstLayer.java [WIDTH=87585] [REPS=6]
 */
public class SparseFirstLayer {
    public static void main(String[] args) {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 87_585;
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int batch = 512;
        float[] dense = new float[batch * width];
        Random random = new Random(7);
        for (int r = 0; r < batch; r++) {
            for (int k = 0; k < 160; k++) {
                dense[r * width + random.nextInt(width)] = (1 + random.nextInt(5)) / 5f;
            }
        }
        INDArray x = Nd4j.create(dense, new long[]{batch, width}, 'c');
        MultiLayerNetwork net = NetworkFactory.build(Presets.model1(), width, true);
        net.initGradientsView();
        Layer first = net.getLayer(0);
        LayerWorkspaceMgr none = LayerWorkspaceMgr.noWorkspaces();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double checksum = 0;
        for (int i = 0; i < reps; i++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            first.setInput(x, none);
            INDArray out = first.activate(false, none);
            System.out.printf(Locale.ROOT, "forward  cpu %4.0f ms wall %4.0f ms%n", (os.getProcessCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6);
            checksum += out.sumNumber().doubleValue();
        }
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, batch, first.getParam("W").size(1));
        for (int i = 0; i < reps; i++) {
            first.setInput(x, none);
            first.activate(true, none);
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            INDArray gradient = first.backpropGradient(epsilon, none).getFirst().getGradientFor("W");
            System.out.printf(Locale.ROOT, "backward cpu %4.0f ms wall %4.0f ms%n", (os.getProcessCpuTime() - cpu) / 1e6, (System.nanoTime() - wall) / 1e6);
            checksum += gradient.sumNumber().doubleValue();
        }
        System.out.println("checksum " + checksum);
    }
}
