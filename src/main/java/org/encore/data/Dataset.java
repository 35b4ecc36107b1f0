package org.encore.data;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A loaded MovieLens release: the sparse rating matrix, the movies and how the load went. Immutable.
 */
public final class Dataset {
    private final String release;
    private final Path source;
    private final RatingMatrix ratings;
    private final List<Movie> movies;
    private final LoadReport report;
    private final Map<Integer, Movie> moviesById;

    /**
     * @param release release name recognised from the files ("ml-latest-small", "ml-1m", "synthetic" ...)
     * @param source  the folder or zip it was read from
     * @param ratings users x movies; the columns are the movies that have ratings
     * @param movies  every movie of the movies file, plus a placeholder "Movie &lt;id&gt;" for each rated movie it lacks
     * @param report  counts of skipped lines and duplicates, timing
     */
    public Dataset(String release, Path source, RatingMatrix ratings, List<Movie> movies, LoadReport report) {
        this.release = release;
        this.source = source;
        this.ratings = ratings;
        this.movies = List.copyOf(movies);
        this.report = report;
        this.moviesById = new HashMap<>(this.movies.size() * 2);
        for (Movie movie : this.movies) {
            moviesById.put(movie.id(), movie);
        }
    }

    public String release() {
        return release;
    }

    public Path source() {
        return source;
    }

    public RatingMatrix ratings() {
        return ratings;
    }

    public List<Movie> movies() {
        return movies;
    }

    public LoadReport report() {
        return report;
    }

    /** The movie with MovieLens id {@code id}, or null. */
    public Movie movie(int id) {
        return moviesById.get(id);
    }

    /** The movie of rating-matrix column {@code column}. */
    public Movie movieOfColumn(int column) {
        return moviesById.get(ratings.movies().idAt(column));
    }

    /** A copy of this dataset with another report (e.g. after a cache hit). */
    public Dataset withReport(LoadReport newReport) {
        return new Dataset(release, source, ratings, movies, newReport);
    }
}
