package org.encore.training.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.training.RegressionMetrics;
import org.encore.training.SplitMetrics;
import org.encore.training.dl4j.sparse.SingleProductOutputLayerImpl;

/**
 * Training-user metrics as Keras' {@code fit} reports them ({@link TrainMetricsKind#RUNNING}): the output layer hands
 * every training step's output to {@link RegressionMetrics} together with the batch's labels, so the epoch needs no
 * second pass over the training users. The labels are the Trainer's host copy of the densified batch (valid while
 * the step runs); the outputs are copied once into a host buffer.
 */
final class RunningTrainMetrics {
    private final SingleProductOutputLayerImpl output;
    private final int width;
    private RegressionMetrics epoch;

    private RunningTrainMetrics(SingleProductOutputLayerImpl output, int width, float[] labels, float[] predictions) {
        this.output = output;
        this.width = width;
        output.onTrainingOutput(batch -> {
            int rows = (int) batch.size(0);
            HostArrays.store(batch, predictions, 0);
            if (epoch != null) {
                epoch.add(labels, predictions, rows);
            }
        });
    }

    /**
     * Attaches to {@code network}'s output layer; null when that layer cannot report its outputs (plain DL4J layers,
     * {@code -Dencore.optimizedLayers=false}), in which case the caller makes the exact pass instead.
     *
     * @param labels      the host buffer holding each training batch's labels while it is fitted (row-major)
     * @param predictions a host buffer of at least batch x width floats this class may overwrite
     */
    static RunningTrainMetrics attach(MultiLayerNetwork network, int width, float[] labels, float[] predictions) {
        Layer last = network.getLayer(network.getnLayers() - 1);
        return last instanceof SingleProductOutputLayerImpl layer ? new RunningTrainMetrics(layer, width, labels, predictions) : null;
    }

    /** Starts accumulating a new epoch. */
    void startEpoch() {
        epoch = new RegressionMetrics(width);
    }

    /** The metrics over every step since {@link #startEpoch}. */
    SplitMetrics result(double valueScale) {
        return epoch.result(valueScale);
    }

    /** Stops listening (the trained network outlives the run). */
    void detach() {
        output.onTrainingOutput(null);
        epoch = null;
    }
}
