package org.encore.app;

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
import org.encore.model.TrainingSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/** Small deterministic datasets and specs for the view-model tests. */
public final class TestDatasets {
    public static final String[] GENRES = {"Action", "Comedy", "Drama", "Horror", "Romance"};
    public static final int USERS = 60;
    public static final int MOVIES = 40;

    private TestDatasets() {
    }

    /** Movie k (0-based) has id 10(k+1), genre GENRES[k % 5] (and Drama for every third), year 1950 + 2k, none for k = 39. */
    public static List<Movie> movies() {
        List<Movie> movies = new ArrayList<>();
        for (int k = 0; k < MOVIES; k++) {
            Set<String> genres = new java.util.HashSet<>(Set.of(GENRES[k % 5]));
            if (k % 3 == 0) {
                genres.add("Drama");
            }
            movies.add(new Movie(10 * (k + 1), "Film " + k, k == MOVIES - 1 ? Movie.NO_YEAR : 1950 + 2 * k, genres));
        }
        return movies;
    }

    /** Opens {@link #small()} in {@code workbench}, statistics included, as the view model tests start. */
    public static Dataset openSmall(Workbench workbench) {
        Dataset dataset = small();
        workbench.setDataset(dataset, DatasetStatistics.of(dataset));
        return dataset;
    }

    /** Every user (ids 1..60) rates 12 distinct movies in half stars. */
    public static Dataset small() {
        Random random = new Random(3);
        int n = USERS * 12;
        int[] users = new int[n];
        int[] items = new int[n];
        float[] values = new float[n];
        long[] times = new long[n];
        int i = 0;
        for (int u = 1; u <= USERS; u++) {
            List<Integer> pool = new ArrayList<>();
            for (int k = 0; k < MOVIES; k++) {
                pool.add(k);
            }
            java.util.Collections.shuffle(pool, random);
            for (int j = 0; j < 12; j++) {
                users[i] = u;
                items[i] = 10 * (pool.get(j) + 1);
                values[i] = (1 + random.nextInt(10)) / 2f;
                times[i] = 1_000_000L + i;
                i++;
            }
        }
        RatingMatrix matrix = CsrBuilder.build(users, items, values, times, n);
        return new Dataset("test-small", Path.of("test-small"), matrix, movies(), new LoadReport(0, 0, 0, false, List.of()));
    }

    /** Writes {@link #small()} as a MovieLens CSV folder. */
    public static Path writeCsv(Path dir) throws IOException {
        Dataset dataset = small();
        Files.createDirectories(dir);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        RatingMatrix m = dataset.ratings();
        for (int row = 0; row < m.userCount(); row++) {
            for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
                ratings.append(m.users().idAt(row)).append(',').append(m.movies().idAt(m.columnAt(p))).append(',')
                        .append(String.format(Locale.ROOT, "%.1f", m.ratingAt(p))).append(',').append(m.timestampAt(p)).append('\n');
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

    /** A spec small enough to train in a fraction of a second. */
    public static ModelSpec tinySpec(String name, int epochs) {
        return ModelSpec.builder().name(name)
                .layers(List.of(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(0.2),
                        LayerSpec.dense(8, Activation.SELU, "coding"), LayerSpec.dense(16, Activation.SELU)))
                .loss(LossType.MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-2)).batchSize(16).epochs(epochs)
                        .usersFraction(1.0).validationFraction(0.25).seed(7).build())
                .build();
    }
}
