package org.encore.training;

import org.encore.data.CsrBuilder;
import org.encore.data.Dataset;
import org.encore.data.LoadReport;
import org.encore.data.Movie;
import org.encore.data.RatingMatrix;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.TrainingSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Tiny rating matrices with planted taste groups, and a small spec that learns them in a few epochs. */
public final class SyntheticRatings {
    private SyntheticRatings() {
    }

    /** {@code users} users in 4 taste groups over {@code movies} movies (non-sequential ids), ~30% rated. */
    public static RatingMatrix matrix(int users, int movies, long seed) {
        Random random = new Random(seed);
        int capacity = users * movies;
        int[] u = new int[capacity];
        int[] m = new int[capacity];
        float[] r = new float[capacity];
        long[] t = new long[capacity];
        int n = 0;
        for (int user = 0; user < users; user++) {
            int group = user % 4;
            for (int movie = 0; movie < movies; movie++) {
                if (random.nextDouble() < 0.3) {
                    boolean liked = movie % 4 == group;
                    double stars = liked ? 4 + random.nextInt(3) * 0.5 : 1 + random.nextInt(4) * 0.5;
                    u[n] = 10 + user * 3;
                    m[n] = 100 + movie * 7;
                    r[n] = (float) stars;
                    t[n] = 1_000_000L + n;
                    n++;
                }
            }
        }
        return CsrBuilder.build(u, m, r, t, n);
    }

    public static Dataset dataset(RatingMatrix matrix, String release) {
        List<Movie> movies = new ArrayList<>();
        for (int id : matrix.movies().ids()) {
            movies.add(new Movie(id, "Movie " + id, Movie.NO_YEAR, Set.of()));
        }
        return new Dataset(release, Path.of("synthetic"), matrix, movies, new LoadReport(0, 0, 0, false, List.of()));
    }

    /** A small autoencoder with dropout in the middle, fast enough for unit tests. */
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
}
