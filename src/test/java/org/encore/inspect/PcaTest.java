package org.encore.inspect;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PcaTest {
    private static final double EPS = 1e-9;

    /**
     * Four points (+-3, 0) and (0, +-1) rotated by 30 degrees: covariance eigenvalues 18/3 = 6 and 2/3 along the
     * rotated axes, 90% and 10% of the variance.
     */
    private static float[] rotatedCross(int width) {
        double angle = Math.toRadians(30);
        double[][] points = {{3, 0}, {-3, 0}, {0, 1}, {0, -1}};
        float[] data = new float[4 * width];
        for (int r = 0; r < 4; r++) {
            double x = points[r][0];
            double y = points[r][1];
            data[r * width] = (float) (x * Math.cos(angle) - y * Math.sin(angle) + 10);
            data[r * width + 1] = (float) (x * Math.sin(angle) + y * Math.cos(angle) - 4);
        }
        return data;
    }

    @Test
    void recoversTheEigenvaluesAndAxesOfAKnownCovariance() {
        Pca pca = Pca.fit(rotatedCross(2), 4, 2, 2);
        assertArrayEquals(new double[]{6, 2.0 / 3}, pca.variances(), 1e-5);
        assertArrayEquals(new double[]{0.9, 0.1}, pca.explainedVariance(), 1e-6);
        double angle = Math.toRadians(30);
        assertArrayEquals(new double[]{Math.cos(angle), Math.sin(angle)}, pca.axis(0), 1e-6);
        // second axis: (-sin, cos) up to sign; the sign rule makes its largest element (cos 30) positive
        assertArrayEquals(new double[]{-Math.sin(angle), Math.cos(angle)}, pca.axis(1), 1e-6);
        double[] coordinates = pca.project(rotatedCross(2), 4);
        assertArrayEquals(new double[]{3, 0, -3, 0, 0, 1, 0, -1}, coordinates, 1e-5);
    }

    @Test
    void fewerRowsThanColumnsGoThroughTheGramMatrixWithTheSameResult() {
        // the same four points in 7 columns (5 of them constant): 4 rows < 7 columns takes the Gram path
        Pca pca = Pca.fit(rotatedCross(7), 4, 7, 2);
        assertArrayEquals(new double[]{6, 2.0 / 3}, pca.variances(), 1e-5);
        assertArrayEquals(new double[]{0.9, 0.1}, pca.explainedVariance(), 1e-6);
        double angle = Math.toRadians(30);
        assertArrayEquals(new double[]{Math.cos(angle), Math.sin(angle), 0, 0, 0, 0, 0}, pca.axis(0), 1e-6);
        assertArrayEquals(new double[]{3, 0, -3, 0, 0, 1, 0, -1}, pca.project(rotatedCross(7), 4), 1e-5);
    }

    @Test
    void covarianceAndGramFormsAgreeOnRandomData() {
        Random random = new Random(7);
        int rows = 6;
        int width = 4;
        float[] narrow = new float[rows * width];
        int padded = 10;
        float[] wide = new float[rows * padded];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                narrow[r * width + c] = (float) random.nextGaussian();
                wide[r * padded + c] = narrow[r * width + c];
            }
        }
        Pca covariance = Pca.fit(narrow, rows, width, 3);
        Pca gram = Pca.fit(wide, rows, padded, 3);
        assertArrayEquals(covariance.variances(), gram.variances(), 1e-6);
        assertEquals(covariance.totalVariance(), gram.totalVariance(), 1e-6);
        assertArrayEquals(covariance.project(narrow, rows), gram.project(wide, rows), 1e-5);
        double sum = 0;
        for (double v : covariance.explainedVariance()) {
            sum += v;
        }
        assertEquals(true, sum <= 1 + EPS && sum > 0.5, "three of four axes explain most of the variance: " + sum);
    }

    @Test
    void theLeadingAxesOfAWideMatrixAreThoseOfAFullEigenDecomposition() {
        Random random = new Random(11);
        int rows = 300;
        int width = 120;
        float[] data = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            double shared = random.nextGaussian();
            for (int c = 0; c < width; c++) {
                data[r * width + c] = (float) (random.nextGaussian() / (1 + c % 17) + shared * Math.sin(c));
            }
        }
        double[][] covariance = new double[width][width];
        double[] mean = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                mean[c] += data[r * width + c] / (double) rows;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int a = 0; a < width; a++) {
                for (int b = 0; b < width; b++) {
                    covariance[a][b] += (data[r * width + a] - mean[a]) * (data[r * width + b] - mean[b]) / (rows - 1);
                }
            }
        }
        EigenDecomposition full = new EigenDecomposition(new Array2DRowRealMatrix(covariance));
        double[] values = full.getRealEigenvalues().clone();
        Integer[] order = java.util.stream.IntStream.range(0, width).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        Pca pca = Pca.fit(data, rows, width, 3);
        for (int a = 0; a < 3; a++) {
            assertEquals(values[order[a]], pca.variances()[a], 1e-9 * values[order[0]]);
            double[] expected = full.getEigenvector(order[a]).toArray();
            double cosine = 0;
            double[] axis = pca.axis(a);
            for (int c = 0; c < width; c++) {
                cosine += expected[c] * axis[c];
            }
            assertEquals(1, Math.abs(cosine), 1e-6, "axis " + a);
        }
    }

    @Test
    void constantDataExplainsNothingAndTooFewRowsAreRefused() {
        float[] constant = {1, 2, 1, 2, 1, 2};
        Pca pca = Pca.fit(constant, 3, 2, 2);
        assertArrayEquals(new double[]{0, 0}, pca.explainedVariance(), EPS);
        assertThrows(IllegalArgumentException.class, () -> Pca.fit(new float[]{1, 2}, 1, 2, 1));
    }
}
