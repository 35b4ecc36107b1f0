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
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        this.k = k;
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
        int hits = 0;
        for (int i = 0; i < Math.min(k, user.ranked().length); i++) {
            if (relevant.contains(user.ranked()[i])) {
                hits++;
            }
        }
        return (double) hits / Math.min(k, relevant.size());
    }
}
