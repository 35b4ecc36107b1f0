package org.encore.data;

import java.util.Map;

/**
 * Summary statistics of a loaded dataset, computed in one pass over the CSR arrays.
 * CONTRACT STUB: the data-layer owner implements it; the signatures stay.
 */
public final class DatasetStatistics {

    public static DatasetStatistics of(Dataset dataset) {
        throw new UnsupportedOperationException("DatasetStatistics not implemented yet");
    }

    public long ratings() { throw new UnsupportedOperationException(); }

    public int users() { throw new UnsupportedOperationException(); }

    /** Movies listed in the movies file, or rated movies when there is none. */
    public int movies() { throw new UnsupportedOperationException(); }

    public int ratedMovies() { throw new UnsupportedOperationException(); }

    public double density() { throw new UnsupportedOperationException(); }

    public float minRating() { throw new UnsupportedOperationException(); }

    public float maxRating() { throw new UnsupportedOperationException(); }

    public double meanRating() { throw new UnsupportedOperationException(); }

    /** Count per rating value (0.5, 1.0, ... 5.0 in half stars), ordered by value. */
    public Map<Float, Long> ratingHistogram() { throw new UnsupportedOperationException(); }

    /** Number of ratings of each user, by matrix row. */
    public int[] ratingsPerUser() { throw new UnsupportedOperationException(); }

    /** Mean rating of each user, by matrix row. */
    public float[] meanPerUser() { throw new UnsupportedOperationException(); }

    /** Number of ratings of each movie, by matrix column. */
    public int[] ratingsPerMovie() { throw new UnsupportedOperationException(); }

    /** Mean rating of each movie, by matrix column (0 for none). */
    public float[] meanPerMovie() { throw new UnsupportedOperationException(); }

    /** Number of movies (of the movies file) per genre, largest first. */
    public Map<String, Integer> moviesPerGenre() { throw new UnsupportedOperationException(); }

    /** Number of movies per release year, ascending; movies without a year are left out. */
    public Map<Integer, Integer> moviesPerYear() { throw new UnsupportedOperationException(); }

    /** Number of movies per decade (1990 for the 1990s), ascending. */
    public Map<Integer, Integer> moviesPerDecade() { throw new UnsupportedOperationException(); }
}
