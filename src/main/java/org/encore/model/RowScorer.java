package org.encore.model;

/**
 * Anything that maps users' rating rows to a score per movie: a trained autoencoder, a baseline, a blend.
 * Rows are dense, row-major, {@code rows x width()} floats, holding rating * {@link #valueScale()} for rated
 * movies and 0 elsewhere. Scores come back in the same shape; higher means more recommended. For autoencoders
 * the score is the reconstructed value in the scaled space (so score / valueScale is a predicted rating); a scorer
 * whose scores only order movies (popularity counts, EASE, blends) says so with {@link #predictsRatings()}.
 */
public interface RowScorer {
    String name();

    /** Number of movie columns (the rating matrix's movie count). */
    int width();

    /** Scale the inputs are expected in (rating * scale). */
    double valueScale();

    /** True when score / valueScale() is a predicted rating on the star scale; false for ranking scores only. */
    default boolean predictsRatings() {
        return true;
    }

    /** Scores {@code rows} rows of {@code inputs} into {@code outputs} (both at least rows * width long). */
    void score(float[] inputs, int rows, float[] outputs);
}
