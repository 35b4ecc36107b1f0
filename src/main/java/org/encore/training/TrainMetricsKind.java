package org.encore.training;

/**
 * How an epoch's metrics on the training users were computed (recorded in every {@link EpochMetrics}).
 */
public enum TrainMetricsKind {
    /**
     * As Keras' {@code fit} reports them: accumulated during the epoch's training steps from the outputs those steps
     * computed anyway (dropout active, weights changing from batch to batch), so only the validation users need a
     * separate pass. The default.
     */
    RUNNING,
    /** A separate inference-mode pass over every training user with the weights at the end of the epoch. */
    EXACT;

    /** Lower-case label for tables and the workbench ("running", "exact"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
