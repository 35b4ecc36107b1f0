package org.encore.app.user;

/** One of the user's rated movies. */
public record RatedRow(int movieId, String title, Integer year, String genres, double rating) {
}
