package org.encore.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * A comparison in plain words, e.g. "model4 beats popular by 0.012 NDCG@100, not significant (p = 0.31, Holm-adjusted
 * paired t-test), 3 seeds × 61 users". The winner is the candidate with the better mean on the metric's own
 * direction (higher NDCG, lower RMSE); "significant" means a Holm-adjusted p-value at or below
 * {@link Comparison#ALPHA}.
 */
public final class ComparisonSentence {
    private ComparisonSentence() {
    }

    /**
     * @param c      the comparison
     * @param column the metric's column (its heading and direction)
     * @param sample what was paired, e.g. "3 seeds × 61 users"
     */
    public static String of(Comparison c, ReportColumn column, String sample) {
        double d = c.meanDifference();
        if (Double.isNaN(d)) {
            return String.format(Locale.ROOT, "%s and %s cannot be compared on %s: no user has a value for both (%s)",
                    c.a(), c.b(), column.heading(), sample);
        }
        String verdict = (c.significant() ? "significant" : "not significant") + " (" + pText(c.pValueHolm())
                + ", Holm-adjusted " + c.test().label() + "; unadjusted " + pText(c.pValue()) + ")";
        if (d == 0) {
            return String.format(Locale.ROOT, "%s and %s tie on %s, %s, %s", c.a(), c.b(), column.heading(), verdict, sample);
        }
        boolean aWins = column.better() == ReportColumn.Better.LOWER ? d < 0 : d > 0;
        String format = "%." + (column.digits() + 1) + "f";
        return String.format(Locale.ROOT, "%s beats %s by " + format + " %s, %s, %s", aWins ? c.a() : c.b(),
                aWins ? c.b() : c.a(), Math.abs(d), column.heading(), verdict, sample);
    }

    /** "p = 0.31", "p = 0.042", "p < 0.001", or "p undefined". */
    public static String pText(double p) {
        if (Double.isNaN(p)) {
            return "p undefined";
        }
        if (p < 0.001) {
            return "p < 0.001";
        }
        if (p >= 0.1) {
            return String.format(Locale.ROOT, "p = %.2f", p);
        }
        return "p = " + new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
