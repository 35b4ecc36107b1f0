package org.encore.evaluation;

import java.util.Set;

/**
 * NDCG@k with binary gains: DCG = sum over the top k of rel_i / log2(i + 1) (i 1-based), divided by the DCG of an
 * ideal list with all min(k, relevant) relevant movies first. Undefined (NaN, user skipped) for a user with no
 * relevant hidden movie.
 */
public final class NdcgAtK implements UserMetric {
    private final int k;

    public NdcgAtK(int k) {
        this.k = TopK.checked(k);
    }

    @Override
    public String name() {
        return "ndcg" + k;
    }

    @Override
    public double of(UserOutcome user) {
        Set<Integer> relevant = user.relevantColumns();
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        double dcg = TopK.gainOfHits(user, relevant, k, NdcgAtK::discount);
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += discount(i);
        }
        return dcg / ideal;
    }

    /** 1 / log2(position + 2) for a 0-based position. */
    private static double discount(int position) {
        return 1.0 / (Math.log(position + 2) / Math.log(2));
    }
}
