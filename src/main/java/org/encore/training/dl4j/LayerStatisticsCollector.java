package org.encore.training.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.training.Histogram;
import org.encore.training.LayerStatistics;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers {@link LayerStatistics} on the training thread from what training already has: after every mini-batch
 * the layer's gradient view, which after {@code fit} holds the update the optimizer applied (DL4J's updater
 * transforms the gradient in place before the step), against its parameters, two reductions per layer; after the
 * epoch one histogram pass over each weight matrix and one inference pass over one mini-batch for the activations.
 */
final class LayerStatisticsCollector {
    /** Bins per histogram. */
    static final int BINS = 40;

    private final List<String> names;
    private final double[] ratioSums;
    private final int[] ratioCounts;

    LayerStatisticsCollector(MultiLayerNetwork network) {
        List<String> layerNames = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            layerNames.add(layer.conf().getLayer().getLayerName());
        }
        this.names = List.copyOf(layerNames);
        this.ratioSums = new double[names.size()];
        this.ratioCounts = new int[names.size()];
    }

    /** Steps of an epoch whose update ratio is read: about this many, evenly spaced, the last one always. */
    static final int SAMPLED_STEPS = 8;

    /**
     * Whether step {@code batch} (0-based) of {@code batches} is one whose update ratio is read: reading every
     * step costs two passes over all parameters per step (at ml-32m's 135.7M parameters, seconds an epoch), and
     * the ratio changes slowly, so about {@link #SAMPLED_STEPS} evenly spaced steps an epoch are read.
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
            double parameterSum = params.norm1Number().doubleValue();
            double updateSum = update.norm1Number().doubleValue();
            double ratio = updateSum / parameterSum;
            if (parameterSum > 0 && Double.isFinite(ratio)) {
                ratioSums[i] += ratio;
                ratioCounts[i]++;
            }
        }
    }

    /** The epoch's statistics, activations taken on {@code batch} (inference mode); starts the next epoch's ratios. */
    List<LayerStatistics> epochFinished(MultiLayerNetwork network, INDArray batch) {
        List<INDArray> activations = network.feedForward(batch, false); // the input, then every layer's output
        List<LayerStatistics> statistics = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            INDArray weights = network.getLayer(i).getParam("W");
            statistics.add(new LayerStatistics(names.get(i),
                    Histogram.of(HostArrays.readOnlyValues(weights), BINS),
                    Histogram.of(HostArrays.readOnlyValues(activations.get(i + 1)), BINS),
                    ratioCounts[i] == 0 ? Double.NaN : ratioSums[i] / ratioCounts[i]));
            ratioSums[i] = 0;
            ratioCounts[i] = 0;
        }
        return List.copyOf(statistics);
    }
}
