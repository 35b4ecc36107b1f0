package org.encore.recommend;

/**
 * One rating given by a user who is not in the dataset (or any user, for display).
 *
 * @param movieId MovieLens movie id
 * @param rating  stars, e.g. 0.5 .. 5.0
 */
public record MovieRating(int movieId, double rating) {
}
