package org.encore.app.dataset;

/** A line of the users table: MovieLens user id, matrix row, number and mean of the user's ratings. */
public record UserRow(int id, int row, int ratings, double mean) {
}
