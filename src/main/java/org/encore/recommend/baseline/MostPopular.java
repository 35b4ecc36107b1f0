package org.encore.recommend.baseline;

import org.encore.data.RatingMatrix;

/**
 * Most-popular baseline: every user gets the same scores, the number of training users who rated each movie.
 * (The recommender still removes what the user rated.) Its scores are counts, not ratings.
 */
public final class MostPopular extends FixedScores {
    private final int[] counts;

    private MostPopular(int[] counts, double valueScale) {
        super("popular", asScores(counts), valueScale);
        this.counts = counts;
    }

    private static float[] asScores(int[] counts) {
        float[] scores = new float[counts.length];
        for (int c = 0; c < counts.length; c++) {
            scores[c] = counts[c];
        }
        return scores;
    }

    /** Counts ratings per column over {@code trainRows} only. */
    public static MostPopular fit(RatingMatrix matrix, int[] trainRows, double valueScale) {
        return new MostPopular(ratingCounts(matrix, trainRows), valueScale);
    }

    /** Number of ratings of each column among {@code rows}. */
    public static int[] ratingCounts(RatingMatrix matrix, int[] rows) {
        int[] counts = new int[matrix.movieCount()];
        for (int row : rows) {
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                counts[matrix.columnAt(p)]++;
            }
        }
        return counts;
    }

    /** Counts order movies; they are not ratings. */
    @Override
    public boolean predictsRatings() {
        return false;
    }

    public int count(int column) {
        return counts[column];
    }
}
