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

    /** Once, at the end, whether finished, cancelled, stopped early or failed; {@code message} says which. */
    default void runFinished(String message) {
    }
}
