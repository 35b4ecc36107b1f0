package org.encore.training;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * Counts of values in {@code counts.length} equal-width bins spanning [min, max] (the last bin includes max), as a
 * histogram chart draws them. Non-finite values are left out of the bins and counted in {@code nonFinite}. All
 * values equal: every value in the first bin of a zero-width range. No values: min = max = NaN, all counts 0.
 *
 * @param min       smallest finite value
 * @param max       largest finite value
 * @param counts    values per bin, bin i covering [min + i w, min + (i + 1) w) with w = (max - min) / bins
 * @param nonFinite NaN and infinite values seen
 */
public record Histogram(double min, double max, long[] counts, long nonFinite) {
    public Histogram {
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int bins() {
        return counts.length;
    }

    /** Width of one bin (0 when all values are equal). */
    public double binWidth() {
        return counts.length == 0 || !(max > min) ? 0 : (max - min) / counts.length;
    }

    /** Lower edge of bin {@code i}. */
    public double binStart(int i) {
        return min + i * binWidth();
    }

    /** Number of finite values counted. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Histogram of {@code values[from..to)}. */
    public static Histogram of(float[] values, int from, int to, int bins) {
        return of(FloatBuffer.wrap(values, from, to - from), bins);
    }

    /** Histogram of the buffer's remaining values (its position is left unchanged). */
    public static Histogram of(FloatBuffer values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
        }
        int start = values.position();
        int end = values.limit();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long nonFinite = 0;
        for (int i = start; i < end; i++) {
            float v = values.get(i);
            if (Float.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            } else {
                nonFinite++;
            }
        }
        long[] counts = new long[bins];
        if (min > max) {
            return new Histogram(Double.NaN, Double.NaN, counts, nonFinite);
        }
        double scale = max > min ? bins / (max - min) : 0;
        for (int i = start; i < end; i++) {
            float v = values.get(i);
            if (Float.isFinite(v)) {
                counts[Math.min(bins - 1, (int) ((v - min) * scale))]++;
            }
        }
        return new Histogram(min, max, counts, nonFinite);
    }
}
