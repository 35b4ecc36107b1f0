package org.encore.evaluation;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down correction for m simultaneous tests (S. Holm, "A simple sequentially rejective multiple test
 * procedure", Scandinavian Journal of Statistics 6(2), 1979, pp. 65–70). With the p-values sorted ascending,
 * p(1) ≤ … ≤ p(m), the adjusted value of the i-th is max over j ≤ i of min(1, (m − j + 1) · p(j)); rejecting where
 * the adjusted value is ≤ α keeps the family-wise error rate at α whatever the dependence between the tests, and
 * never rejects less than Bonferroni. NaN p-values (a test that could not be run) stay NaN and do not count in m.
 */
public final class HolmCorrection {
    private HolmCorrection() {
    }

    /** The Holm-adjusted p-values, in the order given. */
    public static double[] adjust(double[] pValues) {
        double[] adjusted = new double[pValues.length];
        Arrays.fill(adjusted, Double.NaN);
        Integer[] order = IntStream.range(0, pValues.length).filter(i -> !Double.isNaN(pValues[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> pValues[i])).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int i = order[rank];
            running = Math.max(running, Math.min(1, (m - rank) * pValues[i]));
            adjusted[i] = running;
        }
        return adjusted;
    }
}
