package org.encore.evaluation;

import org.apache.commons.math3.distribution.TDistribution;

import java.util.Arrays;

/**
 * A two-sided confidence interval for a mean from a small sample, by Student's t: mean ± t(1 − α/2, n − 1) · s/√n,
 * with s the sample standard deviation (Student 1908; any statistics text, e.g. Wasserman, All of Statistics, §7).
 * Used for the mean of a metric over seeds (each seed a new split and initialisation), or, with one seed, over the
 * test users. NaN values (undefined for that seed or user) are left out; with fewer than two values the bounds are
 * NaN (undefined), and with one value the mean is that value.
 *
 * @param mean  the sample mean, NaN when no value was defined
 * @param low   lower bound, NaN when fewer than two values
 * @param high  upper bound, NaN when fewer than two values
 * @param n     values used
 * @param level coverage, e.g. 0.95
 */
public record ConfidenceInterval(double mean, double low, double high, int n, double level) {
    /** The level every Encore table uses. */
    public static final double LEVEL_95 = 0.95;

    /** The 95% interval of the mean of {@code values}. */
    public static ConfidenceInterval of95(double[] values) {
        return of(values, LEVEL_95);
    }

    public static ConfidenceInterval of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        double[] defined = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        int n = defined.length;
        if (n == 0) {
            return new ConfidenceInterval(Double.NaN, Double.NaN, Double.NaN, 0, level);
        }
        double mean = Arrays.stream(defined).sum() / n;
        if (n < 2) {
            return new ConfidenceInterval(mean, Double.NaN, Double.NaN, n, level);
        }
        double squares = 0;
        for (double v : defined) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceInterval(mean, mean - t * standardError, mean + t * standardError, n, level);
    }

    /** Half the width (the "±" figure), NaN when undefined. */
    public double halfWidth() {
        return (high - low) / 2;
    }

    public boolean isDefined() {
        return Double.isFinite(low) && Double.isFinite(high);
    }
}
