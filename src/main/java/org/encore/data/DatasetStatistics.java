package org.encore.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Summary statistics of a loaded dataset, computed in one pass over the CSR arrays (and one over the movies).
 * Immutable; the arrays handed out are copies.
 */
public final class DatasetStatistics {
    private static final int HALF_STARS = 10;

    private final long ratings;
    private final int users;
    private final int movies;
    private final int ratedMovies;
    private final double density;
    private final float minRating;
    private final float maxRating;
    private final double meanRating;
    private final Map<Float, Long> ratingHistogram;
    private final int[] ratingsPerUser;
    private final float[] meanPerUser;
    private final int[] ratingsPerMovie;
    private final float[] meanPerMovie;
    private final Map<String, Integer> moviesPerGenre;
    private final Map<Integer, Integer> moviesPerYear;
    private final Map<Integer, Integer> moviesPerDecade;
    private final int moviesWithoutGenres;
    private final int moviesWithoutYear;

    private DatasetStatistics(RatingMatrix matrix, List<Movie> movieList) {
        int rows = matrix.userCount();
        int columns = matrix.movieCount();
        int[] rowPointers = matrix.rowPointers();
        int[] columnIndices = matrix.columnIndices();
        float[] values = matrix.ratings();

        ratingsPerUser = new int[rows];
        meanPerUser = new float[rows];
        ratingsPerMovie = new int[columns];
        double[] movieSums = new double[columns];
        long[] halfStarCounts = new long[HALF_STARS + 1];
        Map<Float, Long> offGrid = new TreeMap<>();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int from = rowPointers[r];
            int to = rowPointers[r + 1];
            double rowSum = 0;
            for (int p = from; p < to; p++) {
                float v = values[p];
                int c = columnIndices[p];
                rowSum += v;
                ratingsPerMovie[c]++;
                movieSums[c] += v;
                if (v < min) {
                    min = v;
                }
                if (v > max) {
                    max = v;
                }
                float doubled = v * 2;
                int half = (int) doubled;
                if (half == doubled && half >= 1 && half <= HALF_STARS) {
                    halfStarCounts[half]++;
                } else {
                    offGrid.merge(v, 1L, Long::sum);
                }
            }
            ratingsPerUser[r] = to - from;
            meanPerUser[r] = to > from ? (float) (rowSum / (to - from)) : 0f;
            total += rowSum;
        }
        meanPerMovie = new float[columns];
        int rated = 0;
        for (int c = 0; c < columns; c++) {
            if (ratingsPerMovie[c] > 0) {
                meanPerMovie[c] = (float) (movieSums[c] / ratingsPerMovie[c]);
                rated++;
            }
        }
        ratings = matrix.ratingCount();
        users = rows;
        ratedMovies = rated;
        movies = movieList.isEmpty() ? columns : movieList.size();
        density = matrix.density();
        minRating = ratings == 0 ? 0f : min;
        maxRating = ratings == 0 ? 0f : max;
        meanRating = ratings == 0 ? 0 : total / ratings;
        TreeMap<Float, Long> histogram = new TreeMap<>(offGrid);
        for (int half = 1; half <= HALF_STARS; half++) {
            histogram.put(half / 2f, halfStarCounts[half]);
        }
        ratingHistogram = Collections.unmodifiableMap(histogram);

        Map<String, Integer> genres = new HashMap<>();
        TreeMap<Integer, Integer> years = new TreeMap<>();
        TreeMap<Integer, Integer> decades = new TreeMap<>();
        int noGenres = 0;
        int noYear = 0;
        for (Movie movie : movieList) {
            if (movie.genres().isEmpty()) {
                noGenres++;
            }
            for (String genre : movie.genres()) {
                genres.merge(genre, 1, Integer::sum);
            }
            if (movie.hasYear()) {
                years.merge(movie.year(), 1, Integer::sum);
                decades.merge(movie.year() / 10 * 10, 1, Integer::sum);
            } else {
                noYear++;
            }
        }
        List<Map.Entry<String, Integer>> byCount = new ArrayList<>(genres.entrySet());
        byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> e : byCount) {
            ordered.put(e.getKey(), e.getValue());
        }
        moviesPerGenre = Collections.unmodifiableMap(ordered);
        moviesPerYear = Collections.unmodifiableMap(years);
        moviesPerDecade = Collections.unmodifiableMap(decades);
        moviesWithoutGenres = noGenres;
        moviesWithoutYear = noYear;
    }

    public static DatasetStatistics of(Dataset dataset) {
        return new DatasetStatistics(dataset.ratings(), dataset.movies());
    }

    public long ratings() {
        return ratings;
    }

    public int users() {
        return users;
    }

    /**
     * Movies listed in the movies file, or rated movies when there is none. (A rated movie that the movies file
     * lacks is counted too, since the dataset carries it with a placeholder title.)
     */
    public int movies() {
        return movies;
    }

    public int ratedMovies() {
        return ratedMovies;
    }

    /** Ratings / (users x matrix columns), as {@link RatingMatrix#density()}: the columns are the rated movies. */
    public double density() {
        return density;
    }

    /** Lowest rating; 0 when there are no ratings. */
    public float minRating() {
        return minRating;
    }

    /** Highest rating; 0 when there are no ratings. */
    public float maxRating() {
        return maxRating;
    }

    public double meanRating() {
        return meanRating;
    }

    /**
     * Count per rating value (0.5, 1.0, ... 5.0 in half stars, zero counts included), ordered by value; a value off
     * the half-star grid, if the loader let one through, gets its own entry.
     */
    public Map<Float, Long> ratingHistogram() {
        return ratingHistogram;
    }

    /** Number of ratings of each user, by matrix row. */
    public int[] ratingsPerUser() {
        return ratingsPerUser.clone();
    }

    /** Mean rating of each user, by matrix row. */
    public float[] meanPerUser() {
        return meanPerUser.clone();
    }

    /** Number of ratings of each movie, by matrix column. */
    public int[] ratingsPerMovie() {
        return ratingsPerMovie.clone();
    }

    /** Mean rating of each movie, by matrix column (0 for none). */
    public float[] meanPerMovie() {
        return meanPerMovie.clone();
    }

    /** Number of movies (of the movies file) per genre, largest first; ties by name. */
    public Map<String, Integer> moviesPerGenre() {
        return moviesPerGenre;
    }

    /** Number of movies per release year, ascending; movies without a year are left out. */
    public Map<Integer, Integer> moviesPerYear() {
        return moviesPerYear;
    }

    /** Number of movies per decade (1990 for the 1990s), ascending. */
    public Map<Integer, Integer> moviesPerDecade() {
        return moviesPerDecade;
    }

    /** Movies listed as "(no genres listed)" (and placeholders for rated movies the movies file lacks). */
    public int moviesWithoutGenres() {
        return moviesWithoutGenres;
    }

    /** Movies whose title has no year. */
    public int moviesWithoutYear() {
        return moviesWithoutYear;
    }

    /** The smallest, median and largest of {@code counts} and their mean; all 0 when empty. */
    public static Spread spread(int[] counts) {
        if (counts.length == 0) {
            return new Spread(0, 0, 0, 0);
        }
        int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        long sum = 0;
        for (int c : sorted) {
            sum += c;
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
        return new Spread(sorted[0], median, sorted[n - 1], (double) sum / n);
    }

    /** Summary of a count distribution (ratings per user or per movie). */
    public record Spread(int min, double median, int max, double mean) {
    }
}
