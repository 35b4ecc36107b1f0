package org.encore.training;

import com.fasterxml.jackson.annotation.JsonCreator;

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
 * @param ranking          the validation users' NDCG@100 and Recall@20 with 80% of their ratings fed in
 *                         ({@link ValidationRanking}); null when the pass did not run (histories written before it)
 * @param coding           a variational model's KL term and beta; null for the other kinds
 */
public record EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, double loss, double seconds,
                           double samplesPerSecond, TrainMetricsKind trainKind, RankingMetrics ranking, CodingTerms coding) {

    @JsonCreator
    public EpochMetrics {
        if (trainKind == null) {
            trainKind = TrainMetricsKind.EXACT;
        }
    }

    /** An epoch without the ranking pass and coding terms. */
    public EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, double loss, double seconds,
                        double samplesPerSecond, TrainMetricsKind trainKind) {
        this(epoch, train, validation, loss, seconds, samplesPerSecond, trainKind, null, null);
    }

    /** The validation NDCG@100, NaN when the ranking pass did not run. */
    public double validationNdcg100() {
        return ranking == null ? Double.NaN : ranking.ndcg100();
    }

    /** The validation Recall@20, NaN when the ranking pass did not run. */
    public double validationRecall20() {
        return ranking == null ? Double.NaN : ranking.recall20();
    }

    /** This epoch with its ranking metrics. */
    public EpochMetrics withRanking(RankingMetrics value) {
        return new EpochMetrics(epoch, train, validation, loss, seconds, samplesPerSecond, trainKind, value, coding);
    }

    /** This epoch with its coding terms. */
    public EpochMetrics withCoding(CodingTerms value) {
        return new EpochMetrics(epoch, train, validation, loss, seconds, samplesPerSecond, trainKind, ranking, value);
    }
}
