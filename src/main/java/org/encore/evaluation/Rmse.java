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
        float[] predicted = user.hiddenPredictions();
        if (predicted == null || predicted.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double e = predicted[i] - user.hiddenRatings()[i];
            sum += e * e;
        }
        return Math.sqrt(sum / predicted.length);
    }
}
