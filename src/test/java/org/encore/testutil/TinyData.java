package org.encore.testutil;

import org.encore.data.CsrBuilder;
import org.encore.data.Dataset;
import org.encore.data.LoadReport;
import org.encore.data.Movie;
import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;
import org.encore.recommend.baseline.FixedScores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small in-memory matrices and datasets for tests, and fake scorers. */
public final class TinyData {
    private TinyData() {
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
        return new Dataset("synthetic", Path.of("memory"), matrix, list, new LoadReport(0, 0, 0, false, List.of()));
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
