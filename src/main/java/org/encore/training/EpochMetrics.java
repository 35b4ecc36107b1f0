package org.encore.training;

/**
 * One record per finished epoch.
 *
 * @param epoch            1-based epoch number
 * @param train            metrics on the training users, computed as {@code trainKind} says
 * @param validation       metrics on the validation users (always an inference pass after the epoch)
 * @param loss             mean training loss over the epoch's batches
 * @param seconds          wall time of the whole epoch as the user sees it (training plus every metric pass)
 * @param samplesPerSecond training users per second
 * @param trainKind        how {@code train} was computed; histories saved before it existed read as
 *                         {@link TrainMetricsKind#EXACT} (they always were)
 */
public record EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, double loss, double seconds,
                           double samplesPerSecond, TrainMetricsKind trainKind) {
    public EpochMetrics {
        if (trainKind == null) {
            trainKind = TrainMetricsKind.EXACT;
        }
    }
}
