package org.encore.evaluation;

import org.encore.training.RankingMath;

import java.util.Set;

/**
 * NDCG@k with binary gains over the user's relevant hidden movies, as {@link RankingMath#ndcg} defines it (one
 * definition, shared with the training's validation pass). Undefined (NaN, user skipped) for a user with no relevant
 * hidden movie.
 */
public final class NdcgAtK implements UserMetric {
    private final int k;

    public NdcgAtK(int k) {
        this.k = RankingMath.checkK(k);
    }

    @Override
    public String name() {
        return "ndcg" + k;
    }

    @Override
    public double of(UserOutcome user) {
        Set<Integer> relevant = user.relevantColumns();
        return RankingMath.ndcg(user.ranked(), relevant::contains, relevant.size(), k);
    }
}
