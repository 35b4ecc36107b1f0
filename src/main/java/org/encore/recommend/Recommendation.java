package org.encore.recommend;

/**
 * One recommended movie.
 *
 * @param column  rating-matrix column
 * @param movieId MovieLens id
 * @param score   the scorer's score (for autoencoders: predicted value in the scaled space)
 * @param rank    1-based rank in the list
 */
public record Recommendation(int column, int movieId, double score, int rank) {
}
