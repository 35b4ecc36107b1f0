package org.encore.training.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.training.Histogram;
import org.encore.training.LayerStatistics;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Gathers {@link LayerStatistics} on the training thread from what training already has, on a fixed sample of each
 * layer's parameters so that the cost does not grow with the network (ml-32m's first layer has 89.7M weights):
 * <ul>
 *   <li>the update ratio: after a sampled mini-batch ({@link #samples}) the layer's gradient view, which after
 *       {@code fit} holds the update the optimizer applied (DL4J's updater transforms the gradient in place before
 *       the step), against its parameters, mean |update| / mean |parameter| over the layer's parameter sample;</li>
 *   <li>the weight histogram: after the epoch, over the layer's weight sample;</li>
 *   <li>the activation histogram: on the activations the validation pass computed anyway (its first mini-batch,
 *       inference mode), handed to {@link #epochFinished}; no extra forward pass.</li>
 * </ul>
 * A sample is every parameter (weight) of a layer that has at most {@value #SAMPLE} of them; otherwise
 * {@value #SAMPLE} of them, one drawn at a seeded random position inside each of {@value #SAMPLE} equal strides of
 * the layer's flat parameter (weight) vector, the same positions every epoch of the run. The histograms and ratios
 * of larger layers are therefore estimates (a histogram's min and max are those of the sample).
 */
final class LayerStatisticsCollector {
    /** Bins per histogram. */
    static final int BINS = 40;
    /** Parameters (and weights) of a layer read for its statistics, at most. */
    static final int SAMPLE = 65_536;
    private static final long SEED = 0x5EED_57A7L;

    private final List<String> names;
    private final int[][] parameterSamples;
    private final int[][] weightSamples;
    private final double[] ratioSums;
    private final int[] ratioCounts;

    LayerStatisticsCollector(MultiLayerNetwork network) {
        List<String> layerNames = new ArrayList<>();
        int layers = network.getnLayers();
        parameterSamples = new int[layers][];
        weightSamples = new int[layers][];
        for (int i = 0; i < layers; i++) {
            Layer layer = network.getLayer(i);
            layerNames.add(layer.conf().getLayer().getLayerName());
            parameterSamples[i] = sample(layer.numParams(), SEED + 2L * i);
            INDArray weights = layer.getParam("W");
            weightSamples[i] = sample(weights == null ? 0 : weights.length(), SEED + 2L * i + 1);
        }
        this.names = List.copyOf(layerNames);
        this.ratioSums = new double[layers];
        this.ratioCounts = new int[layers];
    }

    /**
     * The positions read of a vector of {@code length} values: null for all of them when there are at most
     * {@value #SAMPLE}, else {@value #SAMPLE} ascending positions, one at a seeded random offset in each stride.
     */
    static int[] sample(long length, long seed) {
        if (length <= SAMPLE) {
            return null;
        }
        Random random = new Random(seed);
        int[] positions = new int[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            long from = length * i / SAMPLE;
            long to = length * (i + 1) / SAMPLE;
            positions[i] = Math.toIntExact(from + (long) (random.nextDouble() * (to - from)));
        }
        return positions;
    }

    /** Steps of an epoch whose update ratio is read: about this many, evenly spaced, the last one always. */
    static final int SAMPLED_STEPS = 8;

    /**
     * Whether step {@code batch} (0-based) of {@code batches} is one whose update ratio is read: about
     * {@link #SAMPLED_STEPS} evenly spaced steps an epoch (the ratio changes slowly).
     */
    static boolean samples(int batch, int batches) {
        int stride = Math.max(1, batches / SAMPLED_STEPS);
        return batch == batches - 1 || (batch + 1) % stride == 0;
    }

    /** After a sampled {@code fit} ({@link #samples}): adds this step's mean |update| / mean |parameter| of every layer. */
    void afterBatch(MultiLayerNetwork network) {
        for (int i = 0; i < names.size(); i++) {
            Layer layer = network.getLayer(i);
            INDArray update = layer.getGradientsViewArray();
            INDArray params = layer.params();
            if (update == null || params == null || params.length() == 0) {
                continue;
            }
            double parameterSum = absoluteSum(params, parameterSamples[i]);
            double updateSum = absoluteSum(update, parameterSamples[i]);
            double ratio = updateSum / parameterSum;
            if (parameterSum > 0 && Double.isFinite(ratio)) {
                ratioSums[i] += ratio;
                ratioCounts[i]++;
            }
        }
    }

    private static double absoluteSum(INDArray values, int[] positions) {
        if (positions == null) {
            return values.norm1Number().doubleValue();
        }
        FloatBuffer buffer = HostArrays.readOnlyValues(values);
        double sum = 0;
        for (int p : positions) {
            sum += Math.abs(buffer.get(p));
        }
        return sum;
    }

    /**
     * The epoch's statistics; starts the next epoch's ratios.
     *
     * @param activations per layer, the histogram of its activations on one mini-batch, in inference mode
     */
    List<LayerStatistics> epochFinished(MultiLayerNetwork network, List<Histogram> activations) {
        List<LayerStatistics> statistics = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            statistics.add(new LayerStatistics(names.get(i),
                    weightHistogram(network.getLayer(i).getParam("W"), weightSamples[i]),
                    activations.get(i),
                    ratioCounts[i] == 0 ? Double.NaN : ratioSums[i] / ratioCounts[i]));
            ratioSums[i] = 0;
            ratioCounts[i] = 0;
        }
        return List.copyOf(statistics);
    }

    private static Histogram weightHistogram(INDArray weights, int[] positions) {
        FloatBuffer all = HostArrays.readOnlyValues(weights);
        if (positions == null) {
            return Histogram.of(all, BINS);
        }
        float[] sample = new float[positions.length];
        for (int k = 0; k < positions.length; k++) {
            sample[k] = all.get(positions[k]);
        }
        return Histogram.of(sample, 0, sample.length, BINS);
    }
}
