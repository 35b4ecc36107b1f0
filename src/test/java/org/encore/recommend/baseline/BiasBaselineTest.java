package org.encore.recommend.baseline;

import org.encore.data.IdIndex;
import org.encore.data.RatingMatrix;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BiasBaselineTest {
    private static final int USERS = 400;
    private static final int MOVIES = 120;
    private static final double MU = 3.4;

    /** Ratings mu + b_u + b_i + noise, unrounded, each user rating about a third of the movies. */
    private record Planted(RatingMatrix matrix, double[] userBias, double[] itemBias) {
    }

    private static Planted planted(long seed, double noise) {
        Random random = new Random(seed);
        double[] bu = new double[USERS];
        double[] bi = new double[MOVIES];
        for (int u = 0; u < USERS; u++) {
            bu[u] = random.nextGaussian() * 0.5;
        }
        for (int i = 0; i < MOVIES; i++) {
            bi[i] = random.nextGaussian() * 0.7;
        }
        // CSR built directly: the planted ratings are not on MovieLens' half-star grid, which CsrBuilder insists on
        int[] pointers = new int[USERS + 1];
        List<Integer> columns = new ArrayList<>();
        List<Float> ratings = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < MOVIES; i++) {
                if (random.nextDouble() < 0.35) {
                    columns.add(i);
                    ratings.add((float) (MU + bu[u] + bi[i] + noise * random.nextGaussian()));
                }
            }
            pointers[u + 1] = ratings.size();
        }
        int n = ratings.size();
        float[] r = new float[n];
        for (int k = 0; k < n; k++) {
            r[k] = ratings.get(k);
        }
        RatingMatrix matrix = new RatingMatrix(pointers, columns.stream().mapToInt(Integer::intValue).toArray(), r,
                new long[n], new IdIndex(IntStream.rangeClosed(1, USERS).toArray()),
                new IdIndex(IntStream.rangeClosed(1, MOVIES).toArray()));
        return new Planted(matrix, bu, bi);
    }

    @Test
    void recoversPlantedUserAndMovieBiases() {
        Planted data = planted(3, 0.1);
        RatingMatrix m = data.matrix();
        BiasBaseline baseline = BiasBaseline.fit(m, IntStream.range(0, USERS).toArray(),
                new BiasBaseline.Settings(0.01, 0.01, 30), 1.0);
        // Only mu + b_u + b_i is identified; the biases themselves up to a shift, so compare them centred.
        double[] fittedItems = new double[MOVIES];
        double[] fittedUsers = new double[USERS];
        float[] row = new float[MOVIES];
        for (int i = 0; i < MOVIES; i++) {
            fittedItems[i] = baseline.itemBias(m.movies().indexOf(i + 1));
        }
        for (int u = 0; u < USERS; u++) {
            m.densify(new int[]{m.users().indexOf(u + 1)}, 1f, row);
            fittedUsers[u] = baseline.userBias(row, 0);
        }
        double[] plantedItems = centred(data.itemBias());
        double[] plantedUsers = centred(data.userBias());
        fittedItems = centred(fittedItems);
        fittedUsers = centred(fittedUsers);
        for (int i = 0; i < MOVIES; i++) {
            assertEquals(plantedItems[i], fittedItems[i], 0.06, "movie " + (i + 1));
        }
        for (int u = 0; u < USERS; u++) {
            assertEquals(plantedUsers[u], fittedUsers[u], 0.08, "user " + (u + 1));
        }
        // and the predicted rating of every rated cell is the planted mu + b_u + b_i
        float[] out = new float[MOVIES];
        double worst = 0;
        for (int u = 0; u < USERS; u += 7) {
            m.densify(new int[]{m.users().indexOf(u + 1)}, 1f, row);
            baseline.score(row, 1, out);
            for (int i = 0; i < MOVIES; i++) {
                if (row[i] != 0f) {
                    double truth = MU + data.userBias()[u] + data.itemBias()[i];
                    worst = Math.max(worst, Math.abs(out[i] - truth));
                }
            }
        }
        assertTrue(worst < 0.15, "largest error of a predicted cell: " + worst);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    private static double[] centred(double[] values) {
        double mean = mean(values);
        return Arrays.stream(values).map(v -> v - mean).toArray();
    }

    @Test
    void rmseOnHeldOutUsersBeatsTheGlobalMean() {
        Planted data = planted(11, 0.4);
        RatingMatrix m = data.matrix();
        int[] train = IntStream.range(0, 300).toArray();
        int[] heldOut = IntStream.range(300, USERS).toArray();
        BiasBaseline baseline = BiasBaseline.fit(m, train, 0.2);
        double biasSquares = 0;
        double meanSquares = 0;
        int count = 0;
        float[] in = new float[MOVIES];
        float[] out = new float[MOVIES];
        for (int row : heldOut) {
            // feed every other rating in, score the rest
            Arrays.fill(in, 0f);
            int k = 0;
            List<Integer> hidden = new ArrayList<>();
            for (int p = m.rowStart(row); p < m.rowEnd(row); p++, k++) {
                if (k % 2 == 0) {
                    in[m.columnAt(p)] = m.ratingAt(p) * 0.2f;
                } else {
                    hidden.add(p);
                }
            }
            baseline.score(in, 1, out);
            for (int p : hidden) {
                double truth = m.ratingAt(p);
                double predicted = out[m.columnAt(p)] / baseline.valueScale();
                biasSquares += (predicted - truth) * (predicted - truth);
                meanSquares += (baseline.globalMean() - truth) * (baseline.globalMean() - truth);
                count++;
            }
        }
        double biasRmse = Math.sqrt(biasSquares / count);
        double meanRmse = Math.sqrt(meanSquares / count);
        assertTrue(biasRmse < 0.8 * meanRmse, "bias RMSE " + biasRmse + " vs global mean " + meanRmse);
        assertTrue(baseline.predictsRatings());
        assertEquals("bias", baseline.name());
    }

    @Test
    void aRowWithoutRatingsGetsMuPlusTheMovieBias() {
        Planted data = planted(5, 0.2);
        BiasBaseline baseline = BiasBaseline.fit(data.matrix(), IntStream.range(0, USERS).toArray(), 1.0);
        float[] out = new float[MOVIES];
        baseline.score(new float[MOVIES], 1, out);
        for (int c = 0; c < MOVIES; c++) {
            assertEquals(baseline.globalMean() + baseline.itemBias(c), out[c], 1e-4);
        }
    }

    @Test
    void trainingUsersWithoutRatingsAreRefused() {
        Planted data = planted(5, 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BiasBaseline.fit(data.matrix(), new int[0], 1.0));
        assertTrue(e.getMessage().contains("training ratings"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new BiasBaseline.Settings(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BiasBaseline.Settings(1, 1, 0));
    }
}
