package org.encore.recommend;

import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;

import java.util.List;

/**
 * Top-N recommendation: scores = predict(x) * (x == 0), then the N best.
 * CONTRACT STUB: the recommend owner implements it; the signatures stay.
 */
public final class Recommender {
    private Recommender() {
    }

    /** Top {@code n} unrated movies for matrix row {@code row}. */
    public static List<Recommendation> top(RowScorer scorer, RatingMatrix matrix, int row, int n) {
        throw new UnsupportedOperationException("Recommender not implemented yet");
    }

    /** Top {@code n} for many rows, densifying one batch at a time. */
    public static List<List<Recommendation>> top(RowScorer scorer, RatingMatrix matrix, int[] rows, int n) {
        throw new UnsupportedOperationException("Recommender not implemented yet");
    }
}
