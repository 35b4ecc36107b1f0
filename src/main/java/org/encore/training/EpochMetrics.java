package org.encore.training;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * One record per finished epoch.
 *
 * @param epoch            1-based epoch number
 * @param train            metrics on the training users
 * @param validation       metrics on the validation users
 * @param loss             mean training loss over the epoch's batches
 * @param seconds          wall time of the epoch (training plus the metric passes)
 * @param samplesPerSecond training users per second
 * @param ranking          the validation users' NDCG@100 and Recall@20 with 80% of their ratings fed in
 *                         ({@link ValidationRanking}); null when the pass did not run (histories written before it)
 * @param coding           a variational model's KL term and beta; null for the other kinds
 */
public record EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, double loss, double seconds,
                           double samplesPerSecond, RankingMetrics ranking, CodingTerms coding) {

    @JsonCreator
    public EpochMetrics {
    }

    /** An epoch without the ranking pass and coding terms. */
    public EpochMetrics(int epoch, SplitMetrics train, SplitMetrics validation, double loss, double seconds,
                        double samplesPerSecond) {
        this(epoch, train, validation, loss, seconds, samplesPerSecond, null, null);
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
        return new EpochMetrics(epoch, train, validation, loss, seconds, samplesPerSecond, value, coding);
    }

    /** This epoch with its coding terms. */
    public EpochMetrics withCoding(CodingTerms value) {
        return new EpochMetrics(epoch, train, validation, loss, seconds, samplesPerSecond, ranking, value);
    }
}
