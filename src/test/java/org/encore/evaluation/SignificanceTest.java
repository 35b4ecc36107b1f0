package org.encore.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference values computed with scipy 1.17 (scipy.stats.ttest_rel, scipy.stats.wilcoxon) and by hand. */
class SignificanceTest {

    @Test
    void pairedTTestMatchesTheHandComputedStatisticAndScipy() {
        double[] a = {3, 5, 4, 6, 7};
        double[] b = {2, 3, 4, 3, 5};
        // differences 1, 2, 0, 3, 2: mean 1.6, variance 5.2 / 4 = 1.3, t = 1.6 / sqrt(1.3 / 5) = 3.13786, 4 d.f.
        double t = 1.6 / Math.sqrt(1.3 / 5);
        assertEquals(3.1378581622109443, t, 1e-12);
        // two-sided p = 2 (1 - F_t4(3.13786)) = 0.0349197 (scipy.stats.ttest_rel(a, b).pvalue)
        assertEquals(0.03491970667453904, Significance.PAIRED_T.pValue(a, b), 1e-9);
        assertEquals(Significance.PAIRED_T.pValue(a, b), Significance.PAIRED_T.pValue(b, a), 1e-15);
    }

    @Test
    void pairsWithAnUndefinedValueAreDroppedBeforeTheTest() {
        double[] a = {3, 5, Double.NaN, 4, 6, 7, 1};
        double[] b = {2, 3, 9, 4, 3, 5, Double.NaN};
        assertEquals(0.03491970667453904, Significance.PAIRED_T.pValue(a, b), 1e-9);
    }

    @Test
    void identicalValuesGivePOfOneAndAConstantShiftGivesZero() {
        double[] a = {0.1, 0.2, 0.3};
        assertEquals(1.0, Significance.PAIRED_T.pValue(a, a.clone()));
        assertEquals(1.0, Significance.WILCOXON.pValue(a, a.clone()));
        assertEquals(0.0, Significance.PAIRED_T.pValue(new double[] {1, 2, 3}, new double[] {0, 1, 2}));
        assertTrue(Double.isNaN(Significance.PAIRED_T.pValue(new double[] {1}, new double[] {0})));
    }

    @Test
    void wilcoxonDropsZeroDifferencesAndIsExactForSmallSamples() {
        double[] x = {1.5, 2.0, 4.3, 5.1, 3.7, 1.6, 4.8, 2.9, 3.0};
        double[] y = {1.0, 3.2, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 3.0};
        // 8 non-zero differences, W- = 5: scipy.stats.wilcoxon(x, y, zero_method='wilcox', method='exact') = 0.078125
        assertEquals(0.078125, Significance.WILCOXON.pValue(x, y), 1e-12);
    }

    @Test
    void wilcoxonUsesTheNormalApproximationWithContinuityCorrectionForLargeSamples() {
        double[] x = {1.026, 0.806, 1.014, 0.739, 0.987, 1.202, 0.050, 0.956, 0.815, 0.584, 0.786, 0.116, 1.312, 0.600,
                0.615, 0.134, 0.337, 1.004, 0.532, 1.047, 0.024, 1.192, -0.085, 1.116, 0.480, 0.362, -0.260, 0.765, 1.172,
                0.283, 0.750, 0.281, 0.319, 0.706, 0.159, 0.801, 0.442, 0.560, 0.044, 0.386};
        double[] y = {0.713, 0.613, 0.941, 0.992, 0.724, 0.809, 0.153, 0.713, 0.848, 0.401, 0.553, 0.479, 0.959, 0.317,
                0.402, 0.001, 0.420, 0.631, 0.935, 0.924, 0.327, 0.989, 0.188, 0.823, 0.157, 0.405, 0.073, 0.858, 0.829,
                0.140, 0.527, 0.258, 0.492, 0.553, 0.106, 0.864, 0.279, 0.447, 0.057, 0.003};
        // 40 pairs, no ties: scipy.stats.wilcoxon(x, y, method='approx', correction=True) gives W = 249, p = 0.030980
        assertEquals(0.0309800998454564, Significance.WILCOXON.pValue(x, y), 1e-9);
    }

    @Test
    void wilcoxonCorrectsTheVarianceForTiedDifferences() {
        double[] x = {1, 2, 2, 3, 5, 5, 5, 7, 1, 9, 3, 3, 6, 8, 2, 4, 4, 6, 9, 1, 5, 7, 2, 3, 8};
        double[] y = {0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5, 0, 1, 2, 3, 2, 2, 2, 2, 4, 4};
        // 24 non-zero differences in tied groups, one zero: scipy.stats.wilcoxon(x - y, method='approx',
        // correction=True) gives W = 41.5, p = 0.0019125
        assertEquals(0.0019124653886462342, Significance.WILCOXON.pValue(x, y), 1e-9);
    }

    @Test
    void holmMultipliesTheSortedPValuesByTheRemainingCountAndKeepsThemMonotone() {
        // sorted: 0.005 x 4 = 0.02, 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> raised to 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, HolmCorrection.adjust(new double[] {0.01, 0.04, 0.03, 0.005}), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, HolmCorrection.adjust(new double[] {0.6, 0.7}), 1e-12);
        double[] withUndefined = HolmCorrection.adjust(new double[] {0.2, Double.NaN, 0.01});
        assertEquals(0.2, withUndefined[0], 1e-12);
        assertTrue(Double.isNaN(withUndefined[1]));
        assertEquals(0.02, withUndefined[2], 1e-12); // m = 2: the undefined test does not count
    }

    @Test
    void holmNeverRejectsLessThanBonferroniNorMoreThanTheUnadjustedTests() {
        double[] p = {0.001, 0.012, 0.013, 0.2, 0.04, 0.0125};
        double[] holm = HolmCorrection.adjust(p);
        for (int i = 0; i < p.length; i++) {
            assertTrue(holm[i] >= p[i] - 1e-15);
            assertTrue(holm[i] <= Math.min(1, p[i] * p.length) + 1e-15);
        }
    }

    @Test
    void everyPairIsComparedOnceAndHolmCorrectedTogether() {
        List<String> names = List.of("a", "b", "c", "d");
        List<double[]> values = List.of(new double[] {0.9, 0.8, 0.7, 0.9, 0.85, Double.NaN},
                new double[] {0.5, 0.6, 0.4, 0.55, 0.5, Double.NaN}, new double[] {0.5, 0.61, 0.41, 0.5, 0.52, Double.NaN},
                new double[] {0.1, 0.3, 0.2, 0.1, 0.2, Double.NaN});
        List<Comparison> pairs = Comparison.allPairs(names, values, "ndcg100", Significance.PAIRED_T);
        assertEquals(4 * 3 / 2, pairs.size());
        assertEquals(List.of("a-b", "a-c", "a-d", "b-c", "b-d", "c-d"), pairs.stream().map(c -> c.a() + "-" + c.b()).toList());
        double[] raw = pairs.stream().mapToDouble(Comparison::pValue).toArray();
        assertArrayEquals(HolmCorrection.adjust(raw), pairs.stream().mapToDouble(Comparison::pValueHolm).toArray(), 1e-15);
        Comparison ab = pairs.get(0);
        assertEquals(5, ab.pairs());
        assertEquals((0.4 + 0.2 + 0.3 + 0.35 + 0.35) / 5, ab.meanDifference(), 1e-12);
        assertEquals(Significance.PAIRED_T.pValue(values.get(0), values.get(1)), ab.pValue(), 1e-15);
        assertTrue(pairs.get(0).significant());
        assertFalse(pairs.get(3).significant(), "b and c are nearly the same");
    }

    @Test
    void theSentenceNamesTheWinnerTheMarginTheVerdictAndTheSample() {
        Comparison c = new Comparison("EASE", "mult-vae", "ndcg100", -0.0123, 0.1, 0.31, Significance.PAIRED_T, 183);
        assertEquals("mult-vae beats EASE by 0.0123 NDCG@100, not significant (p = 0.31, Holm-adjusted paired t-test; "
                + "unadjusted p = 0.10), 3 seeds × 61 users", ComparisonSentence.of(c, ReportColumn.NDCG_100, "3 seeds × 61 users"));
        Comparison rmse = new Comparison("a", "b", "rmse", -0.2, 0.0001, 0.004, Significance.WILCOXON, 50);
        assertTrue(ComparisonSentence.of(rmse, ReportColumn.RMSE, "1 seed × 50 users")
                .startsWith("a beats b by 0.200 RMSE, significant (p = 0.004, Holm-adjusted Wilcoxon signed-rank"));
        assertEquals("p < 0.001", ComparisonSentence.pText(0.0002));
        assertEquals("p = 0.042", ComparisonSentence.pText(0.0423));
    }
}
