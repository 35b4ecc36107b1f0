package org.encore.evaluation;

/**
 * Mean over users with its standard error (sample standard deviation / sqrt(n)).
 *
 * @param mean          NaN when no user had a defined value
 * @param standardError NaN when fewer than two users had one
 * @param users         users that had a defined value
 */
public record Summary(double mean, double standardError, int users) {

    public static Summary of(double[] values) {
        Accumulator a = new Accumulator();
        for (double v : values) {
            a.add(v);
        }
        return a.summary();
    }

    /** Collects per-user values, skipping NaN. Welford's update keeps it numerically stable. */
    public static final class Accumulator {
        private int n;
        private double mean;
        private double m2;

        public void add(double value) {
            if (Double.isNaN(value)) {
                return;
            }
            n++;
            double delta = value - mean;
            mean += delta / n;
            m2 += delta * (value - mean);
        }

        public Summary summary() {
            if (n == 0) {
                return new Summary(Double.NaN, Double.NaN, 0);
            }
            double se = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1)) / Math.sqrt(n);
            return new Summary(mean, se, n);
        }
    }
}
