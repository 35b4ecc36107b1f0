package org.encore.training;

/** Receives a training run's progress. Called on the training thread: UI code must hop to its own thread. */
public interface TrainingListener {
    /** After each mini-batch. */
    default void batchFinished(int epoch, int batch, int batchesPerEpoch) {
    }

    /** After each epoch, with that epoch's metrics. */
    default void epochFinished(EpochMetrics metrics) {
    }

    /**
     * After each epoch (after {@link #epochFinished}), every layer's weight and activation histograms and
     * update:parameter ratio, input side first.
     */
    default void layerStatistics(int epoch, java.util.List<LayerStatistics> statistics) {
    }

    /**
     * After each epoch (after {@link #layerStatistics}), the model as that epoch left it, for a view that watches
     * training (the latent map's live mode). {@code live} is the network being trained, not a copy: it is valid
     * only during this call and on this thread, so read what you need (e.g. a layer's activations, into your own
     * arrays) before returning and keep no reference to it. Nothing is computed or copied unless a listener does.
     * Training waits while this runs.
     */
    default void epochModel(int epoch, TrainedModel live) {
    }

    /** Once, at the end, whether finished, cancelled, stopped early or failed; {@code message} says which. */
    default void runFinished(String message) {
    }
}
