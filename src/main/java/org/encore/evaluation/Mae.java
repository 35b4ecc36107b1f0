package org.encore.evaluation;

/**
 * Mean absolute error of the predicted stars on the user's hidden ratings, per user then averaged over users.
 * NaN for a scorer whose scores are not ratings.
 */
public final class Mae implements UserMetric {
    @Override
    public String name() {
        return "mae";
    }

    @Override
    public double of(UserOutcome user) {
        return user.meanPredictionError(Math::abs);
    }
}
