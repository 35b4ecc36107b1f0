package org.encore.training;

import org.encore.model.ModelSpec;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionMetricsTest {

    /**
     * 3 samples x 3 columns. Column 0: labels 1, 0, 0.5 (mean 0.5, SStot 0.5), predictions 0.8, 0.1, 0.5 -> SSres 0.05,
     * R2 0.9. Column 1: labels 0, 0.2, 0.4 (mean 0.2, SStot 0.08), predictions 0.1, 0.2, 0.2 -> SSres 0.05, R2 0.375.
     * Column 2: labels all 0 (no variance) -> counts 0 whatever the predictions. Keras R2Score = (0.9 + 0.375 + 0) / 3.
     */
    private static final float[] LABELS = {1f, 0f, 0f, 0f, 0.2f, 0f, 0.5f, 0.4f, 0f};
    private static final float[] PREDICTIONS = {0.8f, 0.1f, 0.3f, 0.1f, 0.2f, 0f, 0.5f, 0.2f, -0.1f};

    @Test
    void kerasR2AveragesPerColumnR2AndCountsZeroVarianceColumnsAsZero() {
        RegressionMetrics metrics = new RegressionMetrics(3);
        metrics.add(LABELS, PREDICTIONS, 3);
        SplitMetrics m = metrics.result(0.2);
        assertEquals((0.9 + 0.375 + 0.0) / 3, m.r2(), 1e-6);
    }

    @Test
    void mseMaeAndFlatR2OverAllCells() {
        RegressionMetrics metrics = new RegressionMetrics(3);
        metrics.add(LABELS, PREDICTIONS, 3);
        SplitMetrics m = metrics.result(0.2);
        double sse = 0, sae = 0, sum = 0;
        for (int i = 0; i < 9; i++) {
            double e = PREDICTIONS[i] - LABELS[i];
            sse += e * e;
            sae += Math.abs(e);
            sum += LABELS[i];
        }
        double mean = sum / 9, sst = 0;
        for (float y : LABELS) {
            sst += (y - mean) * (y - mean);
        }
        assertEquals(sse / 9, m.mse(), 1e-7);
        assertEquals(sae / 9, m.mae(), 1e-7);
        assertEquals(1 - sse / sst, m.r2Flat(), 1e-6);
    }

    @Test
    void ratedErrorsCoverOnlyNonZeroLabelsInStars() {
        RegressionMetrics metrics = new RegressionMetrics(3);
        metrics.add(LABELS, PREDICTIONS, 3);
        SplitMetrics m = metrics.result(0.2);
        // rated cells: (1 vs .8), (.2 vs .2), (.5 vs .5), (.4 vs .2): errors .2, 0, 0, .2 scaled -> 1, 0, 0, 1 stars
        assertEquals(Math.sqrt(2.0 / 4), m.ratedRmse(), 1e-6);
        assertEquals(2.0 / 4, m.ratedMae(), 1e-6);
    }

    @Test
    void batchesAccumulateToTheSameResultAsOnePass() {
        RegressionMetrics whole = new RegressionMetrics(3);
        whole.add(LABELS, PREDICTIONS, 3);
        RegressionMetrics parts = new RegressionMetrics(3);
        parts.add(java.util.Arrays.copyOfRange(LABELS, 0, 3), java.util.Arrays.copyOfRange(PREDICTIONS, 0, 3), 1);
        parts.add(java.util.Arrays.copyOfRange(LABELS, 3, 9), java.util.Arrays.copyOfRange(PREDICTIONS, 3, 9), 2);
        SplitMetrics a = whole.result(ModelSpec.REFERENCE_SCALE);
        SplitMetrics b = parts.result(ModelSpec.REFERENCE_SCALE);
        assertEquals(a.mse(), b.mse(), 1e-12);
        assertEquals(a.r2(), b.r2(), 1e-12);
        assertEquals(a.r2Flat(), b.r2Flat(), 1e-12);
        assertEquals(3, parts.samples());
    }

    @Test
    void aPerfectReconstructionScoresOne() {
        RegressionMetrics metrics = new RegressionMetrics(3);
        metrics.add(LABELS, LABELS, 3);
        SplitMetrics m = metrics.result(0.2);
        assertEquals(0, m.mse());
        assertEquals(2.0 / 3, m.r2(), 1e-12, "two varying columns score 1, the constant column 0");
        assertEquals(1.0, m.r2Flat(), 1e-12);
        assertTrue(Double.isNaN(new RegressionMetrics(3).result(0.2).mse()), "no samples: NaN, not 0");
    }

    @Test
    void aLargeBatchSplitOverTheCoresGivesTheSameMetricsAsRowByRow() {
        int width = 20_000;
        int rows = 64; // 1.28 M cells: above the size at which add() splits the columns over the cores
        java.util.Random random = new java.util.Random(3);
        float[] labels = new float[rows * width];
        float[] predictions = new float[rows * width];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextDouble() < 0.02 ? (1 + random.nextInt(10)) / 10f : 0f;
            predictions[i] = (float) (random.nextGaussian() * 0.1);
        }
        RegressionMetrics whole = new RegressionMetrics(width);
        whole.add(labels, predictions, rows);
        RegressionMetrics byRow = new RegressionMetrics(width);
        for (int r = 0; r < rows; r++) {
            byRow.add(java.util.Arrays.copyOfRange(labels, r * width, (r + 1) * width),
                    Arrays.copyOfRange(predictions, r * width, (r + 1) * width), 1);
        }
        SplitMetrics a = whole.result(0.2);
        SplitMetrics b = byRow.result(0.2);
        assertEquals(rows, whole.samples());
        assertEquals(b.mse(), a.mse(), 1e-12);
        assertEquals(b.mae(), a.mae(), 1e-12);
        assertEquals(b.r2(), a.r2(), 1e-9);
        assertEquals(b.r2Flat(), a.r2Flat(), 1e-9);
        assertEquals(b.ratedRmse(), a.ratedRmse(), 1e-9);
        assertEquals(b.ratedMae(), a.ratedMae(), 1e-9);
    }
    @Test
    void metricsOverSparseLabelsEqualAPlainPassOverEveryCell() {
        int rows = 40;
        int width = 23;
        Random random = new Random(5);
        float[] labels = new float[rows * width];
        float[] predictions = new float[rows * width];
        for (int i = 0; i < labels.length; i++) {
            int c = i % width;
            predictions[i] = (float) random.nextGaussian() * 0.3f;
            if (c == 0) {
                labels[i] = 0f; // never rated: no variance
            } else if (c == 1) {
                labels[i] = 0.6f; // always the same rating: no variance
            } else if (c == 2) {
                labels[i] = i / width == 7 ? 0.8f : -0f; // one rating among zeros (one of them -0.0)
            } else if (random.nextDouble() < 0.15) {
                labels[i] = (1 + random.nextInt(5)) / 5f;
            }
        }
        RegressionMetrics metrics = new RegressionMetrics(width);
        metrics.add(labels, predictions, 25);
        metrics.add(Arrays.copyOfRange(labels, 25 * width, rows * width),
                Arrays.copyOfRange(predictions, 25 * width, rows * width), rows - 25);
        SplitMetrics m = metrics.result(0.2);

        // every cell, as the definitions read
        double squares = 0;
        double absolutes = 0;
        double labelSum = 0;
        double labelSquares = 0;
        double ratedSquares = 0;
        double ratedAbsolutes = 0;
        int rated = 0;
        double r2Sum = 0;
        for (int c = 0; c < width; c++) {
            double sum = 0;
            double sumSquares = 0;
            double residual = 0;
            Set<Float> values = new HashSet<>();
            for (int r = 0; r < rows; r++) {
                float y = labels[r * width + c];
                double error = predictions[r * width + c] - y;
                squares += error * error;
                absolutes += Math.abs(error);
                labelSum += y;
                labelSquares += (double) y * y;
                sum += y;
                sumSquares += (double) y * y;
                residual += error * error;
                values.add(y == 0f ? 0f : y);
                if (y != 0f) {
                    rated++;
                    ratedSquares += error * error;
                    ratedAbsolutes += Math.abs(error);
                }
            }
            double total = sumSquares - sum * sum / rows;
            if (values.size() > 1 && total > 0) {
                r2Sum += 1 - residual / total;
            }
        }
        double cells = (double) rows * width;
        assertEquals(squares / cells, m.mse(), 1e-12);
        assertEquals(absolutes / cells, m.mae(), 1e-12);
        assertEquals(r2Sum / width, m.r2(), 1e-9);
        assertEquals(1 - squares / (labelSquares - labelSum * labelSum / cells), m.r2Flat(), 1e-9);
        assertEquals(Math.sqrt(ratedSquares / rated) / 0.2, m.ratedRmse(), 1e-9);
        assertEquals(ratedAbsolutes / rated / 0.2, m.ratedMae(), 1e-9);
    }
}
