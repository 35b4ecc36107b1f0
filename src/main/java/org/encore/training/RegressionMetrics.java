package org.encore.training;

import java.util.Arrays;

/**
 * Accumulates reconstruction metrics over batches of (label row, predicted row) pairs without ever holding more
 * than one batch: sums over all cells, per-column sums for Keras's R2, and sums over the rated (non-zero label)
 * cells. Labels and predictions are in the model's scaled space.
 * <p>
 * Keras {@code R2Score()} (default {@code class_aggregation="uniform_average"}) computes one R2 per output column
 * over the samples and averages the columns; a column whose labels have no variance scores 0 (Keras turns the
 * resulting infinity into 0).
 */
public final class RegressionMetrics {
    private final int width;
    private final double[] columnSum;
    private final double[] columnSumSquares;
    private final double[] columnSquaredError;
    private final float[] columnMin;
    private final float[] columnMax;
    private long samples;
    private double squaredError;
    private double absoluteError;
    private double labelSum;
    private double labelSumSquares;
    private long ratedCells;
    private double ratedSquaredError;
    private double ratedAbsoluteError;

    public RegressionMetrics(int width) {
        this.width = width;
        columnSum = new double[width];
        columnSumSquares = new double[width];
        columnSquaredError = new double[width];
        columnMin = new float[width];
        columnMax = new float[width];
        Arrays.fill(columnMin, Float.POSITIVE_INFINITY);
        Arrays.fill(columnMax, Float.NEGATIVE_INFINITY);
    }

    /** Adds {@code rows} row-major rows of labels and predictions (each at least rows * width long). */
    public void add(float[] labels, float[] predictions, int rows) {
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int c = 0; c < width; c++) {
                float y = labels[base + c];
                float error = predictions[base + c] - y;
                double square = (double) error * error;
                squaredError += square;
                absoluteError += Math.abs(error);
                labelSum += y;
                labelSumSquares += (double) y * y;
                columnSum[c] += y;
                columnSumSquares[c] += (double) y * y;
                columnSquaredError[c] += square;
                if (y < columnMin[c]) {
                    columnMin[c] = y;
                }
                if (y > columnMax[c]) {
                    columnMax[c] = y;
                }
                if (y != 0f) {
                    ratedCells++;
                    ratedSquaredError += square;
                    ratedAbsoluteError += Math.abs(error);
                }
            }
        }
        samples += rows;
    }

    public long samples() {
        return samples;
    }

    /** The metrics so far; {@code valueScale} converts rated-cell errors back to stars. */
    public SplitMetrics result(double valueScale) {
        double cells = (double) samples * width;
        if (samples == 0) {
            return new SplitMetrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double r2Sum = 0;
        for (int c = 0; c < width; c++) {
            if (columnMax[c] > columnMin[c]) {
                double total = columnSumSquares[c] - columnSum[c] * columnSum[c] / samples;
                if (total > 0) {
                    r2Sum += 1.0 - columnSquaredError[c] / total;
                }
            }
        }
        double flatTotal = labelSumSquares - labelSum * labelSum / cells;
        double r2Flat = flatTotal > 0 ? 1.0 - squaredError / flatTotal : 0.0;
        double ratedRmse = ratedCells == 0 ? Double.NaN : Math.sqrt(ratedSquaredError / ratedCells) / valueScale;
        double ratedMae = ratedCells == 0 ? Double.NaN : ratedAbsoluteError / ratedCells / valueScale;
        return new SplitMetrics(squaredError / cells, absoluteError / cells, r2Sum / width, r2Flat, ratedRmse, ratedMae);
    }
}
