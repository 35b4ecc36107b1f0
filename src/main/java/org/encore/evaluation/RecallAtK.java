package org.encore.evaluation;

import java.util.Set;

/**
 * Recall@k as Liang et al. define it: relevant hidden movies in the top k / min(k, relevant hidden movies), so a
 * perfect list scores 1 even when the user has more relevant movies than k. Undefined (NaN, user skipped) for a
 * user with no relevant hidden movie.
 */
public final class RecallAtK implements UserMetric {
    private final int k;

    public RecallAtK(int k) {
        this.k = TopK.checked(k);
    }

    @Override
    public String name() {
        return "recall" + k;
    }

    @Override
    public double of(UserOutcome user) {
        Set<Integer> relevant = user.relevantColumns();
        if (relevant.isEmpty()) {
            return Double.NaN;
        }
        double hits = TopK.gainOfHits(user, relevant, k, position -> 1);
        return hits / Math.min(k, relevant.size());
    }
}
