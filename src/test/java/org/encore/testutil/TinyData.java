package org.encore.testutil;

import org.encore.app.Workbench;
import org.encore.data.CsrBuilder;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.data.LoadReport;
import org.encore.data.Movie;
import org.encore.data.RatingMatrix;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.RowScorer;
import org.encore.model.TrainingSettings;
import org.encore.recommend.baseline.FixedScores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The fixtures of the tests, in one place: small in-memory matrices and datasets (built fresh on every call, so
 * each test owns what it gets), the same written as a MovieLens folder, model specs that train in a moment, and
 * fake scorers.
 */
public final class TinyData {
    /** The genres of {@link #smallMovies()}. */
    public static final String[] SMALL_GENRES = {"Action", "Comedy", "Drama", "Horror", "Romance"};
    /** Users of {@link #smallDataset()}, ids 1..60. */
    public static final int SMALL_USERS = 60;
    /** Movies of {@link #smallDataset()}. */
    public static final int SMALL_MOVIES = 40;
    private static final int SMALL_RATINGS_PER_USER = 12;

    private TinyData() {
    }

    /** The load report of a dataset built in memory: nothing skipped, not from a cache. */
    private static LoadReport builtInMemory() {
        return new LoadReport(0, 0, 0, false, List.of());
    }

    /** A matrix from {user, movie, rating*2} rows (ratings given in half stars to stay integral), timestamps = line order. */
    public static RatingMatrix matrix(int[][] userMovieHalfStars) {
        int n = userMovieHalfStars.length;
        int[] u = new int[n];
        int[] m = new int[n];
        float[] r = new float[n];
        long[] t = new long[n];
        for (int i = 0; i < n; i++) {
            u[i] = userMovieHalfStars[i][0];
            m[i] = userMovieHalfStars[i][1];
            r[i] = userMovieHalfStars[i][2] / 2f;
            t[i] = userMovieHalfStars[i].length > 3 ? userMovieHalfStars[i][3] : i;
        }
        return CsrBuilder.build(u, m, r, t, n);
    }

    /**
     * A synthetic dataset with planted taste groups: {@code users} users in 3 groups, {@code movies} movies whose genre
     * is their group; users rate mostly their group's movies, highly, and a few others, low; popularity falls
     * with the movie id.
     */
    public static Dataset groups(int users, int movies, long seed) {
        String[] genres = {"Drama", "Comedy", "Horror"};
        Random random = new Random(seed);
        List<int[]> rows = new ArrayList<>();
        for (int user = 1; user <= users; user++) {
            int group = user % 3;
            for (int movie = 1; movie <= movies; movie++) {
                boolean own = movie % 3 == group;
                double p = (own ? 0.55 : 0.08) * (1.0 - 0.5 * movie / movies);
                if (random.nextDouble() < p) {
                    int halfStars = own ? 7 + random.nextInt(4) : 2 + random.nextInt(5);
                    rows.add(new int[]{user, movie, halfStars, random.nextInt(1_000_000)});
                }
            }
        }
        RatingMatrix matrix = matrix(rows.toArray(new int[0][]));
        List<Movie> list = new ArrayList<>();
        for (int movie = 1; movie <= movies; movie++) {
            list.add(new Movie(movie, "Film " + movie, 1950 + (movie % 3) * 20 + movie % 10, Set.of(genres[movie % 3])));
        }
        return new Dataset("synthetic", Path.of("memory"), matrix, list, builtInMemory());
    }

    /** A scorer that returns fixed per-column scores for every user. */
    public static RowScorer fixed(String name, float[] columnScores, double valueScale) {
        return new FixedScores(name, columnScores, valueScale);
    }

    /** A scorer that predicts each movie's mean training rating (scaled), like a weak autoencoder would. */
    public static RowScorer itemMean(String name, RatingMatrix matrix, int[] rows, double valueScale) {
        float[] sums = new float[matrix.movieCount()];
        int[] counts = new int[matrix.movieCount()];
        for (int row : rows) {
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                sums[matrix.columnAt(p)] += matrix.ratingAt(p);
                counts[matrix.columnAt(p)]++;
            }
        }
        float[] scores = new float[sums.length];
        for (int c = 0; c < sums.length; c++) {
            scores[c] = counts[c] == 0 ? 0f : (float) (sums[c] / counts[c] * valueScale);
        }
        return fixed(name, scores, valueScale);
    }

    /**
     * Dense rating rows as the trainer feeds them: each cell rated with probability {@code density}, the rating
     * (0.5 to 5 stars) scaled by 1/5.
     */
    public static float[][] scaledRatingRows(long seed, int rows, int width, double density) {
        Random random = new Random(seed);
        float[][] data = new float[rows][width];
        for (float[] row : data) {
            for (int c = 0; c < width; c++) {
                if (random.nextDouble() < density) {
                    row[c] = (1 + random.nextInt(10)) / 10f;
                }
            }
        }
        return data;
    }

    /**
     * {@code users} users in 4 taste groups over {@code movies} movies, ids not sequential (users 10, 13, 16...,
     * movies 100, 107, 114...): each cell is rated with probability 0.3, 4 to 5 stars when the movie is of the
     * user's group, 1 to 2.5 otherwise.
     */
    public static RatingMatrix fourGroupMatrix(int users, int movies, long seed) {
        Random random = new Random(seed);
        List<int[]> rows = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            int group = user % 4;
            for (int movie = 0; movie < movies; movie++) {
                if (random.nextDouble() < 0.3) {
                    boolean liked = movie % 4 == group;
                    int halfStars = liked ? 8 + random.nextInt(3) : 2 + random.nextInt(4);
                    rows.add(new int[]{10 + user * 3, 100 + movie * 7, halfStars, 1_000_000 + rows.size()});
                }
            }
        }
        return matrix(rows.toArray(new int[0][]));
    }

    /** {@code matrix} as a dataset named {@code release}, each movie titled "Movie id", without year or genres. */
    public static Dataset dataset(RatingMatrix matrix, String release) {
        List<Movie> movies = new ArrayList<>();
        for (int id : matrix.movies().ids()) {
            movies.add(new Movie(id, "Movie " + id, Movie.NO_YEAR, Set.of()));
        }
        return new Dataset(release, Path.of("synthetic"), matrix, movies, builtInMemory());
    }

    /**
     * The movies of {@link #smallDataset()}: movie k (0-based) has id 10(k+1), genre SMALL_GENRES[k % 5] (and Drama
     * for every third), year 1950 + 2k, none for the last.
     */
    public static List<Movie> smallMovies() {
        List<Movie> movies = new ArrayList<>();
        for (int k = 0; k < SMALL_MOVIES; k++) {
            Set<String> genres = new HashSet<>(Set.of(SMALL_GENRES[k % 5]));
            if (k % 3 == 0) {
                genres.add("Drama");
            }
            movies.add(new Movie(10 * (k + 1), "Film " + k, k == SMALL_MOVIES - 1 ? Movie.NO_YEAR : 1950 + 2 * k,
                    genres));
        }
        return movies;
    }

    /** Every one of {@link #SMALL_USERS} users rates 12 distinct of the {@link #smallMovies()}, in half stars. */
    public static Dataset smallDataset() {
        Random random = new Random(3);
        List<int[]> rows = new ArrayList<>();
        for (int u = 1; u <= SMALL_USERS; u++) {
            List<Integer> pool = new ArrayList<>();
            for (int k = 0; k < SMALL_MOVIES; k++) {
                pool.add(k);
            }
            Collections.shuffle(pool, random);
            for (int j = 0; j < SMALL_RATINGS_PER_USER; j++) {
                int halfStars = 1 + random.nextInt(10);
                rows.add(new int[]{u, 10 * (pool.get(j) + 1), halfStars, 1_000_000 + rows.size()});
            }
        }
        return new Dataset("test-small", Path.of("test-small"), matrix(rows.toArray(new int[0][])), smallMovies(),
                builtInMemory());
    }

    /** Opens {@link #smallDataset()} in {@code workbench}, statistics included, as the view model tests start. */
    public static Dataset openSmallDataset(Workbench workbench) {
        Dataset dataset = smallDataset();
        workbench.setDataset(dataset, DatasetStatistics.of(dataset));
        return dataset;
    }

    /** Writes {@link #smallDataset()} as a MovieLens CSV folder ({@code ratings.csv}, {@code movies.csv}). */
    public static Path writeSmallDatasetCsv(Path dir) throws IOException {
        Dataset dataset = smallDataset();
        Files.createDirectories(dir);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        RatingMatrix m = dataset.ratings();
        for (int row = 0; row < m.userCount(); row++) {
            for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
                ratings.append(m.users().idAt(row)).append(',').append(m.movies().idAt(m.columnAt(p))).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", m.ratingAt(p))).append(',').append(m.timestampAt(p))
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve("ratings.csv"), ratings);
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (Movie movie : dataset.movies()) {
            movies.append(movie.id()).append(',').append(movie.displayTitle()).append(',')
                    .append(String.join("|", movie.genres().stream().sorted().toList())).append('\n');
        }
        Files.writeString(dir.resolve("movies.csv"), movies);
        return dir;
    }

    /** 16-8-16 SELU with dropout, Adam 1e-2, batch 16, 25% validation: trains on {@link #smallDataset()} in a blink. */
    public static ModelSpec tinySpec(String name, int epochs) {
        return ModelSpec.builder().name(name)
                .layers(List.of(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(0.2),
                        LayerSpec.dense(8, Activation.SELU, "coding"), LayerSpec.dense(16, Activation.SELU)))
                .loss(LossType.MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-2)).batchSize(16).epochs(epochs)
                        .usersFraction(1.0).validationFraction(0.25).seed(7).build())
                .build();
    }

    /**
     * "small": 32-8-32 SELU with dropout, Adam 3e-3, batch 16, 6 epochs, 20% validation: learns
     * {@link #fourGroupMatrix} in a few epochs, fast enough for unit tests.
     */
    public static ModelSpec smallSpec() {
        return ModelSpec.builder().name("small")
                .layers(List.of(
                        LayerSpec.dense(32, Activation.SELU),
                        LayerSpec.dropout(0.2),
                        LayerSpec.dense(8, Activation.SELU, "coding"),
                        LayerSpec.dense(32, Activation.SELU)))
                .loss(LossType.MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(3e-3)).batchSize(16).epochs(6)
                        .usersFraction(1.0).validationFraction(0.2).seed(7).build())
                .build();
    }

    /** Writes {@code dataset} as a MovieLens folder (ratings.csv, movies.csv) at {@code folder}, created if needed. */
    public static Path writeMovieLens(Dataset dataset, Path folder) throws IOException {
        Files.createDirectories(folder);
        RatingMatrix m = dataset.ratings();
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int row = 0; row < m.userCount(); row++) {
            for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
                ratings.append(m.users().idAt(row)).append(',').append(m.movies().idAt(m.columnAt(p))).append(',')
                        .append(m.ratingAt(p)).append(',').append(m.timestampAt(p)).append('\n');
            }
        }
        Files.writeString(folder.resolve("ratings.csv"), ratings);
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (Movie movie : dataset.movies()) {
            movies.append(movie.id()).append(",").append(movie.title()).append(" (").append(movie.year()).append("),")
                    .append(String.join("|", movie.genres())).append('\n');
        }
        Files.writeString(folder.resolve("movies.csv"), movies);
        return folder;
    }
}
