package org.encore.app.dataset;

import org.encore.data.Movie;

/**
 * A line of the movies table.
 *
 * @param column  rating-matrix column, or -1 for a movie nobody rated
 * @param ratings number of ratings
 * @param mean    mean rating, NaN when unrated
 */
public record MovieRow(Movie movie, int column, int ratings, double mean) {
    public int id() {
        return movie.id();
    }

    public String title() {
        return movie.title();
    }

    /** The year, or null when the title has none (sorts and shows as empty). */
    public Integer year() {
        return movie.hasYear() ? movie.year() : null;
    }

    public String genres() {
        return String.join(", ", movie.genres().stream().sorted().toList());
    }
}
