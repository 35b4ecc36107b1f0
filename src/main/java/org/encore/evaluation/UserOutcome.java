package org.encore.evaluation;

/**
 * What a scorer did for one held-out user: the input to every per-user metric.
 *
 * @param ranked            recommended columns, best first (rated/fed-in columns never among them)
 * @param hiddenColumns     the user's hidden movies
 * @param hiddenRatings     their true ratings, in stars
 * @param hiddenPredictions predicted stars for the hidden movies (score / value scale), or null for a scorer whose
 *                          scores are not ratings
 * @param fedColumns        the movies fed in (the user's known profile)
 * @param relevantRating    a hidden movie rated at least this many stars is relevant ({@link SplitSettings#relevantRating})
 */
public record UserOutcome(int[] ranked, int[] hiddenColumns, float[] hiddenRatings, float[] hiddenPredictions,
                          int[] fedColumns, double relevantRating) {

    /** The outcome judged with the field's relevance threshold ({@link SplitSettings#DEFAULT_RELEVANT_RATING}). */
    public UserOutcome(int[] ranked, int[] hiddenColumns, float[] hiddenRatings, float[] hiddenPredictions, int[] fedColumns) {
        this(ranked, hiddenColumns, hiddenRatings, hiddenPredictions, fedColumns, SplitSettings.DEFAULT_RELEVANT_RATING);
    }

    public boolean isRelevant(int hiddenIndex) {
        return hiddenRatings[hiddenIndex] >= relevantRating;
    }

    public int relevantCount() {
        int n = 0;
        for (int i = 0; i < hiddenRatings.length; i++) {
            if (isRelevant(i)) {
                n++;
            }
        }
        return n;
    }

    /** The relevant hidden columns, as a set for look-ups. */
    java.util.Set<Integer> relevantColumns() {
        java.util.Set<Integer> set = new java.util.HashSet<>();
        for (int i = 0; i < hiddenColumns.length; i++) {
            if (isRelevant(i)) {
                set.add(hiddenColumns[i]);
            }
        }
        return set;
    }

    /**
     * The mean of {@code penalty} applied to each hidden rating's prediction error (predicted minus true stars);
     * NaN for a scorer whose scores are not ratings.
     */
    double meanPredictionError(java.util.function.DoubleUnaryOperator penalty) {
        if (hiddenPredictions == null || hiddenPredictions.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 0; i < hiddenPredictions.length; i++) {
            sum += penalty.applyAsDouble(hiddenPredictions[i] - hiddenRatings[i]);
        }
        return sum / hiddenPredictions.length;
    }
}
