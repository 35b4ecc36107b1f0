package org.encore.training;

import java.util.function.IntPredicate;

/**
 * The one definition of the cut-off ranking metrics, used by the evaluator's per-user metrics
 * ({@code evaluation.NdcgAtK}, {@code evaluation.RecallAtK}) and by the per-epoch validation pass
 * ({@link ValidationRanking}). Following Liang et al. 2018 ({@code dawenl/vae_cf}, strong generalisation):
 * <ul>
 *   <li>NDCG@k with binary gains: DCG = sum over the top k of rel_i / log2(i + 1) (i 1-based), divided by the DCG of
 *       an ideal list with all min(k, relevant) relevant movies first;</li>
 *   <li>Recall@k: relevant movies in the top k / min(k, relevant movies), so a perfect list scores 1 even when the
 *       user has more relevant movies than k.</li>
 * </ul>
 * Both are undefined (NaN: the user is skipped) for a user with no relevant movie.
 */
public final class RankingMath {
    private RankingMath() {
    }

    /** NDCG@k of {@code ranked} (columns, best first) given which columns are relevant and how many there are. */
    public static double ndcg(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        checkK(k);
        if (relevantCount <= 0) {
            return Double.NaN;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.test(ranked[i])) {
                dcg += discount(i);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevantCount); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /** Recall@k of {@code ranked} (columns, best first) given which columns are relevant and how many there are. */
    public static double recall(int[] ranked, IntPredicate relevant, int relevantCount, int k) {
        checkK(k);
        if (relevantCount <= 0) {
            return Double.NaN;
        }
        int hits = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.test(ranked[i])) {
                hits++;
            }
        }
        return (double) hits / Math.min(k, relevantCount);
    }

    /** k itself, refused below 1. */
    public static int checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return k;
    }

    /** 1 / log2(position + 2) for a 0-based position. */
    private static double discount(int position) {
        return 1.0 / (Math.log(position + 2) / Math.log(2));
    }
}
