package org.encore.data;

import java.util.SplittableRandom;

/**
 * The random draws of the {@link SyntheticGenerator} that must give the same numbers on every JVM: independent
 * seeded streams ({@link #mix}) and standard normal draws ({@link #gaussian}), computed with StrictMath only.
 */
final class SeededRandom {
    private static final int QUANTILE_STEPS = 4096;
    private static final double[] QUANTILES = new double[QUANTILE_STEPS + 1];

    static {
        for (int i = 1; i < QUANTILE_STEPS; i++) {
            QUANTILES[i] = inverseNormal((double) i / QUANTILE_STEPS);
        }
        QUANTILES[0] = inverseNormal(1.0 / (4 * QUANTILE_STEPS));
        QUANTILES[QUANTILE_STEPS] = -QUANTILES[0];
    }

    private SeededRandom() {
    }

    /**
     * Standard normal from one uniform draw, by interpolating a table of normal quantiles: fast, and the same on
     * every JVM (the table is computed with StrictMath). Tails are cut at about 3.8 sd, which synthetic noise does
     * not miss.
     */
    static double gaussian(SplittableRandom rng) {
        double x = rng.nextDouble() * QUANTILE_STEPS;
        int i = (int) x;
        return QUANTILES[i] + (x - i) * (QUANTILES[i + 1] - QUANTILES[i]);
    }

    /** Acklam's rational approximation of the normal quantile function (relative error below 1.2e-9). */
    static double inverseNormal(double p) {
        final double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
        final double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                6.680131188771972e+01, -1.328068155288572e+01};
        final double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
        final double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                3.754408661907416e+00};
        final double low = 0.02425;
        if (p < low || p > 1 - low) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p < low ? p : 1 - p));
            double x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                    / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            return p < low ? x : -x;
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    }

    /** SplitMix64 finaliser of seed and salt: independent streams for movies, activity and each user. */
    static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
