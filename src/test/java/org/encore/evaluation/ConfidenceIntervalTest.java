package org.encore.evaluation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfidenceIntervalTest {

    @Test
    void theIntervalOfOneToFiveIsTheMeanPlusOrMinusStudentsTTimesTheStandardError() {
        // mean 3, s = sqrt(2.5), se = s / sqrt(5) = 0.70711, t(0.975, 4) = 2.7764451 (tables; scipy.stats.t.ppf)
        ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {1, 2, 3, 4, 5});
        double half = 2.7764451051977934 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3.0, ci.mean(), 1e-12);
        assertEquals(3.0 - half, ci.low(), 1e-9);
        assertEquals(3.0 + half, ci.high(), 1e-9);
        assertEquals(1.9632, ci.halfWidth(), 1e-4);
        assertEquals(5, ci.n());
    }

    @Test
    void aNinetyPercentIntervalIsNarrower() {
        double[] sample = {0.31, 0.35, 0.29, 0.40};
        ConfidenceInterval ci90 = ConfidenceInterval.of(sample, 0.90);
        ConfidenceInterval ci95 = ConfidenceInterval.of95(sample);
        assertTrue(ci90.halfWidth() < ci95.halfWidth());
        // t(0.95, 3) = 2.3533634 for the 90% interval
        // mean 0.3375, deviations -0.0275, 0.0125, -0.0475, 0.0625; se = s / sqrt(4)
        double deviations = Math.pow(-0.0275, 2) + Math.pow(0.0125, 2) + Math.pow(-0.0475, 2) + Math.pow(0.0625, 2);
        double se = Math.sqrt(deviations / 3) / 2;
        assertEquals(2.3533634348018264 * se, ci90.halfWidth(), 1e-9);
    }

    @Test
    void undefinedValuesAreLeftOutAndOneValueHasNoInterval() {
        ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {Double.NaN, 1, 2, 3, 4, 5, Double.NaN});
        assertEquals(5, ci.n());
        assertEquals(3.0, ci.mean(), 1e-12);
        ConfidenceInterval one = ConfidenceInterval.of95(new double[] {0.4, Double.NaN});
        assertEquals(0.4, one.mean());
        assertFalse(one.isDefined());
        assertTrue(Double.isNaN(ConfidenceInterval.of95(new double[] {Double.NaN}).mean()));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.of(new double[] {1, 2}, 1.0));
    }
}
