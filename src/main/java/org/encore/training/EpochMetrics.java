package org.encore.training;

/**
 * One record per finished epoch.
 *
 * @param epoch            1-based epoch number
 * @param train            metrics on the training users
 * @param validation       metrics on the validation users
 * @param loss             mean training loss over the epoch's batches
 * @param seconds          wall time of the epoch (training plus the metric pass)
 * @param samplesPerSecond training users per second
 */
public record EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, double loss, double seconds,
                           double samplesPerSecond) {
}
