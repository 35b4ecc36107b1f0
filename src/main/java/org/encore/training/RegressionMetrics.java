package org.encore.training;

import java.util.Arrays;
import java.util.stream.IntStream;

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
    /** Below this many cells a batch is added on the caller's thread. */
    private static final long PARALLEL_CELLS = 1L << 20;
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

    /**
     * Adds {@code rows} row-major rows of labels and predictions (each at least rows * width long). Large batches
     * are split by column ranges over the available cores (each range owns its per-column sums); the result is the
     * same up to the order of floating-point summation of the whole-matrix totals.
     */
    public void add(float[] labels, float[] predictions, int rows) {
        long cells = (long) rows * width;
        int parts = cells < PARALLEL_CELLS ? 1 : Math.min(Runtime.getRuntime().availableProcessors(), Math.max(1, width / 64));
        if (parts == 1) {
            addColumns(labels, predictions, rows, 0, width);
        } else {
            IntStream.range(0, parts).parallel().forEach(p ->
                    addColumns(labels, predictions, rows, (int) ((long) width * p / parts), (int) ((long) width * (p + 1) / parts)));
        }
        samples += rows;
    }

    private void addColumns(float[] labels, float[] predictions, int rows, int fromColumn, int toColumn) {
        double squares = 0;
        double absolutes = 0;
        double sum = 0;
        double sumSquares = 0;
        long rated = 0;
        double ratedSquares = 0;
        double ratedAbsolutes = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            for (int c = fromColumn; c < toColumn; c++) {
                float y = labels[base + c];
                float error = predictions[base + c] - y;
                double square = (double) error * error;
                double absolute = Math.abs(error);
                double ySquare = (double) y * y;
                squares += square;
                absolutes += absolute;
                sum += y;
                sumSquares += ySquare;
                columnSum[c] += y;
                columnSumSquares[c] += ySquare;
                columnSquaredError[c] += square;
                if (y < columnMin[c]) {
                    columnMin[c] = y;
                }
                if (y > columnMax[c]) {
                    columnMax[c] = y;
                }
                if (y != 0f) {
                    rated++;
                    ratedSquares += square;
                    ratedAbsolutes += absolute;
                }
            }
        }
        synchronized (this) {
            squaredError += squares;
            absoluteError += absolutes;
            labelSum += sum;
            labelSumSquares += sumSquares;
            ratedCells += rated;
            ratedSquaredError += ratedSquares;
            ratedAbsoluteError += ratedAbsolutes;
        }
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
