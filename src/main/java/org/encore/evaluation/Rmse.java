package org.encore.evaluation;

/**
 * Root mean squared error of the predicted stars on the user's hidden ratings (all of them, relevant or not).
 * Computed per user and then averaged over users (user-averaged RMSE), like every metric here. NaN for a scorer
 * whose scores are not ratings.
 */
public final class Rmse implements UserMetric {
    @Override
    public String name() {
        return "rmse";
    }

    @Override
    public double of(UserOutcome user) {
        return Math.sqrt(user.meanPredictionError(error -> error * error));
    }
}
