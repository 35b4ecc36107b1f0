package org.encore.training;

/**
 * One layer's state after an epoch, as DL4J's training UI charts it (deeplearning4j.konduit.ai, "Visualizing
 * network training"): the distribution of its weights, the distribution of its activations, and the
 * update:parameter ratio, mean |update| / mean |parameter| over the layer's weights and biases, averaged over the
 * epoch's mini-batches. The update is what the optimizer subtracted in that step (learning rate and Adam's scaling
 * included); a healthy ratio is around 1e-3 (log10 about -3): much larger suggests an unstable learning rate, much
 * smaller that the layer has stopped learning.
 *
 * @param layer       layer name, as {@link LayerNames} gives them ("coding", "dense_0", "output")
 * @param weights     histogram of the weight matrix (biases excluded); of a fixed seeded sample of 65,536 of its
 *                    weights when it has more (the DL4J engine's LayerStatisticsCollector)
 * @param activations histogram of the layer's activations on one mini-batch of the epoch, in inference mode (the
 *                    validation pass's first, on its validation users)
 * @param updateRatio mean |update| / mean |parameter| over (a sample of about eight of) the epoch's mini-batches, on
 *                    the same kind of fixed sample of the layer's parameters; NaN when not measured
 */
public record LayerStatistics(String layer, Histogram weights, Histogram activations, double updateRatio) {
    /** log10 of the update ratio, the scale the DL4J UI plots it on; NaN when the ratio is not positive. */
    public double log10UpdateRatio() {
        return updateRatio > 0 ? Math.log10(updateRatio) : Double.NaN;
    }
}
