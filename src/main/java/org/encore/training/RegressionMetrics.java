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
    /** Columns summed over all the batch's rows at a time, so that their per-column sums stay in the core's cache. */
    private static final int COLUMN_CHUNK = 2048;
    private final int width;
    private final double[] columnSum;
    private final double[] columnSumSquares;
    private final double[] columnSquaredError;
    private final double[] columnAbsoluteError;
    /** Per column: how many labels were not 0, and their smallest and largest (0s are counted, not compared). */
    private final long[] columnNonZeros;
    private final float[] columnMin;
    private final float[] columnMax;
    private long samples;
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
        columnAbsoluteError = new double[width];
        columnNonZeros = new long[width];
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

    /**
     * By chunks of {@value #COLUMN_CHUNK} columns, row after row, two passes over the chunk's cells: the errors of
     * every cell into per-column sums (no branch, no chain of dependent additions across cells), then the labels, of
     * which a rating matrix has few that are not 0: a label of 0 adds nothing to the label sums, so only the others
     * are summed. Each per-column sum adds its rows in row order.
     */
    private void addColumns(float[] labels, float[] predictions, int rows, int fromColumn, int toColumn) {
        double sum = 0;
        double sumSquares = 0;
        long rated = 0;
        double ratedSquares = 0;
        double ratedAbsolutes = 0;
        for (int from = fromColumn; from < toColumn; from += COLUMN_CHUNK) {
            int to = Math.min(toColumn, from + COLUMN_CHUNK);
            for (int r = 0; r < rows; r++) {
                int base = r * width;
                for (int c = from; c < to; c++) {
                    float error = predictions[base + c] - labels[base + c];
                    columnSquaredError[c] += (double) error * error;
                    columnAbsoluteError[c] += Math.abs(error);
                }
                for (int c = from; c < to; c++) {
                    float y = labels[base + c];
                    if (y != 0f) {
                        float error = predictions[base + c] - y;
                        double square = (double) error * error;
                        double ySquare = (double) y * y;
                        sum += y;
                        sumSquares += ySquare;
                        columnSum[c] += y;
                        columnSumSquares[c] += ySquare;
                        columnNonZeros[c]++;
                        if (y < columnMin[c]) {
                            columnMin[c] = y;
                        }
                        if (y > columnMax[c]) {
                            columnMax[c] = y;
                        }
                        rated++;
                        ratedSquares += square;
                        ratedAbsolutes += Math.abs(error);
                    }
                }
            }
        }
        synchronized (this) {
            labelSum += sum;
            labelSumSquares += sumSquares;
            ratedCells += rated;
            ratedSquaredError += ratedSquares;
            ratedAbsoluteError += ratedAbsolutes;
        }
    }

    /** Whether column c's labels so far take more than one value (0 included). */
    private boolean varies(int c) {
        float min = columnMin[c];
        float max = columnMax[c];
        if (columnNonZeros[c] < samples) {
            min = Math.min(min, 0f);
            max = Math.max(max, 0f);
        }
        return max > min;
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
        double squaredError = 0;
        double absoluteError = 0;
        for (int c = 0; c < width; c++) {
            squaredError += columnSquaredError[c];
            absoluteError += columnAbsoluteError[c];
            if (varies(c)) {
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
