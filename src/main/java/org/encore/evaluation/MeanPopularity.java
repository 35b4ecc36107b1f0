package org.encore.evaluation;

/**
 * Mean popularity of a user's top k: popularity = the number of training users who rated the movie. Lower means
 * the list reaches further into the long tail.
 */
public final class MeanPopularity implements UserMetric {
    private final int[] ratingCounts;
    private final int k;

    /** @param ratingCounts training-user rating count per column */
    public MeanPopularity(int[] ratingCounts, int k) {
        this.ratingCounts = ratingCounts;
        this.k = k;
    }

    @Override
    public String name() {
        return "meanPopularity";
    }

    @Override
    public double of(UserOutcome user) {
        int n = Math.min(k, user.ranked().length);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += ratingCounts[user.ranked()[i]];
        }
        return sum / n;
    }
}
