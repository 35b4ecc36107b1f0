package org.encore.recommend.baseline;

import org.encore.data.RatingMatrix;
import org.encore.testutil.TinyData;
import org.encore.training.DenseSolver;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EaseTest {
    private static final DenseSolver SOLVER = new Dl4jEngine().solver();
    /** 7 users x 5 movies. */
    private final RatingMatrix matrix = TinyData.matrix(new int[][]{
            {1, 1, 10}, {1, 2, 8}, {1, 4, 6},
            {2, 1, 8}, {2, 3, 4}, {2, 5, 10},
            {3, 2, 6}, {3, 3, 8}, {3, 4, 10}, {3, 5, 2},
            {4, 1, 4}, {4, 2, 10},
            {5, 3, 10}, {5, 4, 8}, {5, 5, 6},
            {6, 1, 6}, {6, 2, 6}, {6, 3, 6}, {6, 4, 6},
            {7, 2, 8}, {7, 5, 8}});
    private final int[] allRows = {0, 1, 2, 3, 4, 5, 6};

    @Test
    void weightsEqualTheConstrainedRidgeRegressionSolvedColumnByColumn() {
        for (boolean ratingValued : new boolean[]{false, true}) {
            double lambda = 0.7;
            Ease ease = Ease.fit(matrix, allRows, lambda, ratingValued, 0.2, SOLVER);
            double[][] x = dense(matrix, ratingValued, 0.2);
            int n = x[0].length;
            // Steck's B, column j, is the ridge regression of column j on the other columns (b_jj = 0):
            // b_-j = (X_-jT X_-j + lambda I)^-1 X_-jT x_j, solved here by Gaussian elimination in double precision
            for (int j = 0; j < n; j++) {
                double[] expected = ridgeWithout(x, j, lambda);
                for (int i = 0; i < n; i++) {
                    assertEquals(expected[i], ease.weight(i, j), 2e-4 * Math.max(1, Math.abs(expected[i])),
                            "B[" + i + "][" + j + "] (rating-valued " + ratingValued + ")");
                }
            }
        }
    }

    @Test
    void scoresAreTheInputRowTimesTheWeights() {
        Ease ease = Ease.fit(matrix, allRows, 2.0, false, 0.2, SOLVER);
        float[] input = {0.8f, 0, 0, 0.4f, 0};
        float[] out = new float[5];
        ease.score(input, 1, out);
        for (int j = 0; j < 5; j++) {
            assertEquals(ease.weight(0, j) + ease.weight(3, j), out[j], 1e-5);
        }
    }

    @Test
    void moviesNoTrainingUserRatedTakeNoPartAndAreNeverRecommended() {
        Ease ease = Ease.fit(matrix, new int[]{0, 3}, 1.0, false, 0.2, SOLVER); // users 1 and 4 rated movies 1, 2, 4 only
        assertEquals(3, ease.activeItems());
        float[] out = new float[5];
        ease.score(new float[]{0.2f, 0, 0, 0, 0}, 1, out);
        assertEquals(Float.NEGATIVE_INFINITY, out[2]);
        assertEquals(0.0, ease.weight(2, 1));
    }

    @Test
    void tooManyMoviesForMemoryIsRefusedWithTheFigure() {
        int movies = 40_000; // 40,000^2 floats = 6.4 GB, more than the test heap
        List<int[]> rows = new ArrayList<>();
        for (int m = 1; m <= movies; m++) {
            rows.add(new int[]{1, m, 8});
        }
        RatingMatrix wide = TinyData.matrix(rows.toArray(new int[0][]));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Ease.fit(wide, new int[]{0}, 100, false, 0.2, SOLVER));
        assertTrue(e.getMessage().contains("40,000 movies") && e.getMessage().contains("6.40 GB"), e.getMessage());
    }

    @Test
    void lambdaMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> Ease.fit(matrix, allRows, 0, false, 0.2, SOLVER));
    }

    private static double[][] dense(RatingMatrix m, boolean ratingValued, double scale) {
        double[][] x = new double[m.userCount()][m.movieCount()];
        for (int r = 0; r < m.userCount(); r++) {
            for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                x[r][m.columnAt(p)] = ratingValued ? m.ratingAt(p) * scale : 1;
            }
        }
        return x;
    }

    /** Full-length coefficient vector with 0 at j. */
    private static double[] ridgeWithout(double[][] x, int j, double lambda) {
        int n = x[0].length;
        int[] others = new int[n - 1];
        for (int i = 0, k = 0; i < n; i++) {
            if (i != j) {
                others[k++] = i;
            }
        }
        int d = n - 1;
        double[][] a = new double[d][d + 1];
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                double s = 0;
                for (double[] row : x) {
                    s += row[others[p]] * row[others[q]];
                }
                a[p][q] = s + (p == q ? lambda : 0);
            }
            double s = 0;
            for (double[] row : x) {
                s += row[others[p]] * row[j];
            }
            a[p][d] = s;
        }
        for (int col = 0; col < d; col++) {
            int pivot = col;
            for (int r = col + 1; r < d; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double f = a[r][col] / a[col][col];
                    for (int c = col; c <= d; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[] b = new double[n];
        for (int p = 0; p < d; p++) {
            b[others[p]] = a[p][d] / a[p][p];
        }
        return b;
    }
}
