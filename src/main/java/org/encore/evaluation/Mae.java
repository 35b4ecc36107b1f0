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
        float[] predicted = user.hiddenPredictions();
        if (predicted == null || predicted.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            sum += Math.abs(predicted[i] - user.hiddenRatings()[i]);
        }
        return sum / predicted.length;
    }
}
