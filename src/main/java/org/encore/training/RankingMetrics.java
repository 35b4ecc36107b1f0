package org.encore.training;

/**
 * One epoch's ranking metrics on the validation users (see {@link ValidationRanking}): the means over the users for
 * whom each is defined. NaN when no validation user has a relevant hidden movie.
 *
 * @param ndcg100  mean NDCG@100 ({@link RankingMath#ndcg})
 * @param recall20 mean Recall@20 ({@link RankingMath#recall})
 * @param users    validation users with at least one relevant hidden movie (those the means are over)
 */
public record RankingMetrics(double ndcg100, double recall20, int users) {
}
