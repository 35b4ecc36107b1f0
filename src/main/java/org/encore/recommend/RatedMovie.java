package org.encore.recommend;

/**
 * A movie the user rated, for the list shown beside the recommendations.
 *
 * @param column    rating-matrix column
 * @param movieId   MovieLens id
 * @param rating    stars
 * @param timestamp when it was rated (seconds since 1970, as MovieLens stores it)
 * @param rank      1-based position in the user's list, best first
 */
public record RatedMovie(int column, int movieId, double rating, long timestamp, int rank) {
}
