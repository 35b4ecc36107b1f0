package org.encore.evaluation;

import org.encore.training.RankingMath;

import java.util.Set;

/**
 * Recall@k as Liang et al. define it: relevant hidden movies in the top k / min(k, relevant hidden movies), so a
 * perfect list scores 1 even when the user has more relevant movies than k ({@link RankingMath#recall}, the one
 * definition, shared with the training's validation pass). Undefined (NaN, user skipped) for a
 * user with no relevant hidden movie.
 */
public final class RecallAtK implements UserMetric {
    private final int k;

    public RecallAtK(int k) {
        this.k = RankingMath.checkK(k);
    }

    @Override
    public String name() {
        return "recall" + k;
    }

    @Override
    public double of(UserOutcome user) {
        Set<Integer> relevant = user.relevantColumns();
        return RankingMath.recall(user.ranked(), relevant::contains, relevant.size(), k);
    }
}
