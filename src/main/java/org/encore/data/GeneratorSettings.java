package org.encore.data;

import java.util.Locale;

/**
 * What the synthetic MovieLens generator makes. Users get ids 1..users (as in MovieLens); movies get
 * {@code movies} distinct, non-sequential ids between 1 and {@code maxMovieId}; exactly {@code ratings}
 * ratings are written, at least {@code minRatingsPerUser} per user.
 *
 * @param users             number of users
 * @param movies            number of movies listed in movies.csv
 * @param ratings           exact number of rating lines
 * @param seed              the same seed gives the same bytes
 * @param maxMovieId        largest movie id; the ids are spread over 1..maxMovieId
 * @param minRatingsPerUser every user rates at least this many movies (MovieLens: 20)
 */
public record GeneratorSettings(int users, int movies, long ratings, long seed, int maxMovieId, int minRatingsPerUser) {
    public static final long DEFAULT_SEED = 42L;
    public static final int MOVIELENS_MIN_RATINGS = 20;
    /** Shape names accepted by {@link #shape(String)}. */
    public static final String SAMPLE = "sample";
    public static final String ML_32M = "ml-32m";

    public GeneratorSettings {
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, got " + users);
        }
        if (minRatingsPerUser < 1) {
            throw new IllegalArgumentException("minimum ratings per user must be at least 1, got " + minRatingsPerUser);
        }
        if (movies < minRatingsPerUser) {
            throw new IllegalArgumentException("movies must be at least " + minRatingsPerUser
                    + " (every user rates that many distinct movies), got " + movies);
        }
        if (maxMovieId < movies) {
            throw new IllegalArgumentException("the largest movie id must be at least the number of movies ("
                    + movies + "), got " + maxMovieId);
        }
        long least = (long) users * minRatingsPerUser;
        if (ratings < least) {
            throw new IllegalArgumentException("ratings must be at least users x " + minRatingsPerUser + " = " + least
                    + ", got " + ratings);
        }
        long most = (long) users * maxRatingsPerUser(movies, minRatingsPerUser);
        if (ratings > most) {
            throw new IllegalArgumentException("ratings must be at most " + most + " (no user rates more than half of the "
                    + movies + " movies), got " + ratings);
        }
    }

    /** The committed sample: about 1,000 users x 1,500 movies, 100,000 ratings. */
    public static GeneratorSettings sample() {
        return new GeneratorSettings(1_000, 1_500, 100_000, DEFAULT_SEED, 5_000, MOVIELENS_MIN_RATINGS);
    }

    /** ml-32m's shape: 200,948 users; 87,585 movies with ids up to 292,757; 32,000,204 ratings. */
    public static GeneratorSettings ml32m() {
        return new GeneratorSettings(200_948, 87_585, 32_000_204L, DEFAULT_SEED, 292_757, MOVIELENS_MIN_RATINGS);
    }

    /** The settings of a named shape ({@value #SAMPLE} or {@value #ML_32M}). */
    public static GeneratorSettings shape(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case SAMPLE -> sample();
            case ML_32M -> ml32m();
            default -> throw new IllegalArgumentException("unknown shape '" + name + "' (known: " + SAMPLE + ", " + ML_32M + ")");
        };
    }

    /**
     * The same shape at a fraction of the size, for tests: users and ratings scale by {@code factor}, so ratings per
     * user stay as they are; movies and the id range scale by its square root, so the matrix stays sparse enough.
     */
    public GeneratorSettings scaled(double factor) {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("scale factor must be positive, got " + factor);
        }
        double root = Math.sqrt(factor);
        int newUsers = Math.max(1, (int) Math.round(users * factor));
        int newMovies = Math.max(2 * minRatingsPerUser, (int) Math.round(movies * root));
        int newMaxId = Math.max(newMovies, (int) Math.round(maxMovieId * root));
        long newRatings = Math.max((long) newUsers * minRatingsPerUser, Math.round(ratings * factor));
        newRatings = Math.min(newRatings, (long) newUsers * maxRatingsPerUser(newMovies, minRatingsPerUser));
        return new GeneratorSettings(newUsers, newMovies, newRatings, seed, newMaxId, minRatingsPerUser);
    }

    /**
     * These settings with some counts replaced (null keeps one). Left unset, the ratings follow the users (same
     * ratings per user, kept within the valid range) and the id range follows the movies (same spread of ids).
     */
    public GeneratorSettings with(Integer newUsers, Integer newMovies, Long newRatings, Long newSeed) {
        int u = newUsers != null ? newUsers : users;
        int m = newMovies != null ? newMovies : movies;
        int maxId = newMovies != null ? (int) Math.max(m, Math.round((double) maxMovieId / movies * m)) : maxMovieId;
        long r;
        if (newRatings != null) {
            r = newRatings;
        } else {
            r = Math.round((double) ratings / users * u);
            if (m >= minRatingsPerUser && u >= 1) {
                r = Math.max(r, (long) u * minRatingsPerUser);
                r = Math.min(r, (long) u * maxRatingsPerUser(m, minRatingsPerUser));
            }
        }
        return new GeneratorSettings(u, m, r, newSeed != null ? newSeed : seed, maxId, minRatingsPerUser);
    }

    public GeneratorSettings withSeed(long value) {
        return new GeneratorSettings(users, movies, ratings, value, maxMovieId, minRatingsPerUser);
    }

    /** The most movies one user rates: half the catalogue (at least the minimum). */
    public int maxRatingsPerUser() {
        return maxRatingsPerUser(movies, minRatingsPerUser);
    }

    static int maxRatingsPerUser(int movies, int minRatingsPerUser) {
        return Math.max(minRatingsPerUser, movies / 2);
    }
}
