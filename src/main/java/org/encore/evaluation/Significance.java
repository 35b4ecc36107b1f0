package org.encore.evaluation;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A two-sided paired significance test of "a and b have the same mean" over matched values (the same test users,
 * or the same (seed, user) pairs), computed with Apache Commons Math 3.6.1. Pairs where either value is NaN
 * (undefined for that user, e.g. NDCG of a user with no relevant hidden movie) are dropped first.
 */
public enum Significance {
    /**
     * Student's paired t-test: t = mean(d) / (sd(d)/√n) over the differences d = a − b, n − 1 degrees of freedom
     * ({@link TTest#pairedTTest(double[], double[])}). When every difference is the same, sd(d) = 0 and t is
     * infinite: p is 1 if that difference is 0 and 0 otherwise.
     */
    PAIRED_T("paired t-test"),
    /**
     * Wilcoxon's signed-rank test (Wilcoxon 1945) on the differences, zero differences dropped first (Wilcoxon's
     * own treatment, scipy's default), since Commons Math would rank them with the others. The exact null
     * distribution (Commons Math; exact without ties, close with them, tied ranks being averaged) for up to
     * {@value #EXACT_WILCOXON_LIMIT} non-zero differences; above, the normal
     * approximation z = (W − n(n+1)/4 + ½) / σ with σ² = n(n+1)(2n+1)/24 − Σ(t³ − t)/48 over groups of t tied
     * |differences|, W the smaller rank sum, computed here because Commons Math 3.6.1 applies its continuity
     * correction in the wrong direction and has no tie term (this matches scipy.stats.wilcoxon with
     * method='approx', correction=True).
     */
    WILCOXON("Wilcoxon signed-rank");

    /** Most non-zero differences for which the Wilcoxon p-value is computed exactly (2^n sign patterns). */
    public static final int EXACT_WILCOXON_LIMIT = 20;

    private final String label;

    Significance(String label) {
        this.label = label;
    }

    /** Name used in tables, JSON and sentences, e.g. "paired t-test". */
    public String label() {
        return label;
    }

    /** The two-sided p-value; NaN when fewer than two pairs (one for Wilcoxon) are defined. */
    public double pValue(double[] a, double[] b) {
        double[][] pairs = definedPairs(a, b);
        double[] x = pairs[0];
        double[] y = pairs[1];
        return switch (this) {
            case PAIRED_T -> pairedT(x, y);
            case WILCOXON -> wilcoxon(x, y);
        };
    }

    private static double pairedT(double[] x, double[] y) {
        if (x.length < 2) {
            return Double.NaN;
        }
        double first = x[0] - y[0];
        boolean constant = true;
        for (int i = 1; i < x.length && constant; i++) {
            constant = x[i] - y[i] == first;
        }
        if (constant) {
            return first == 0 ? 1.0 : 0.0;
        }
        return new TTest().pairedTTest(x, y);
    }

    private static double wilcoxon(double[] x, double[] y) {
        double[][] nonZero = nonZeroDifferences(x, y);
        int n = nonZero[0].length;
        if (n == 0) {
            return x.length == 0 ? Double.NaN : 1.0;
        }
        WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
        if (n <= EXACT_WILCOXON_LIMIT) {
            return test.wilcoxonSignedRankTest(nonZero[0], nonZero[1], true);
        }
        double wMax = test.wilcoxonSignedRank(nonZero[0], nonZero[1]);
        double wMin = n * (n + 1) / 2.0 - wMax;
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm(nonZero[0], nonZero[1]) / 48.0;
        if (!(variance > 0)) {
            return 1.0;
        }
        double z = Math.min(0, wMin - mean + 0.5) / Math.sqrt(variance);
        return Math.min(1.0, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(z));
    }

    /** Σ (t³ − t) over the groups of t equal absolute differences. */
    private static double tieTerm(double[] x, double[] y) {
        double[] magnitudes = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            magnitudes[i] = Math.abs(x[i] - y[i]);
        }
        Arrays.sort(magnitudes);
        double sum = 0;
        int start = 0;
        for (int i = 1; i <= magnitudes.length; i++) {
            if (i == magnitudes.length || magnitudes[i] != magnitudes[start]) {
                double t = i - start;
                sum += t * t * t - t;
                start = i;
            }
        }
        return sum;
    }

    private static double[][] nonZeroDifferences(double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        return columns(kept);
    }

    private static double[][] definedPairs(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired test needs matched values, got " + a.length + " and " + b.length);
        }
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                kept.add(new double[] {a[i], b[i]});
            }
        }
        return columns(kept);
    }

    private static double[][] columns(List<double[]> pairs) {
        double[] x = new double[pairs.size()];
        double[] y = new double[pairs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pairs.get(i)[0];
            y[i] = pairs.get(i)[1];
        }
        return new double[][] {x, y};
    }
}
