package org.encore.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Two candidates compared on the same held-out users: the mean paired difference a − b of a per-user metric and
 * the p-value of a paired test, with Holm's correction over every pair compared together ({@link HolmCorrection}).
 * Over several seeds the pairs are the (seed, user) pairs: user u of seed s scored by a against the same user of the
 * same seed scored by b. They are pooled into one paired test rather than averaged per seed first, so the test
 * sees the spread over users as well as over splits and initialisations; the price is that users of one seed are
 * treated as independent of those of another (a user can be a test user under several seeds).
 *
 * @param a              the first candidate's name
 * @param b              the second candidate's name
 * @param metric         the per-user metric compared, e.g. "ndcg100"
 * @param meanDifference mean of a − b over the pairs used (positive: a is better on a higher-is-better metric)
 * @param pValue         two-sided p-value of {@code test}, NaN when it could not be computed
 * @param pValueHolm     the p-value after Holm's correction over all the comparisons made together
 * @param test           which paired test
 * @param pairs          pairs where both values are defined
 */
public record Comparison(String a, String b, String metric, double meanDifference, double pValue, double pValueHolm,
                         Significance test, int pairs) {
    /** Level at which a Holm-adjusted p-value counts as significant. */
    public static final double ALPHA = 0.05;

    public boolean significant() {
        return pValueHolm <= ALPHA;
    }

    /**
     * Every pair (i &lt; j) of {@code names}, compared on {@code values} (candidate i's matched per-user values,
     * all of one length), Holm-corrected together.
     */
    public static List<Comparison> allPairs(List<String> names, List<double[]> values, String metric, Significance test) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + values.size() + " value arrays");
        }
        List<Comparison> raw = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                double[] x = values.get(i);
                double[] y = values.get(j);
                raw.add(new Comparison(names.get(i), names.get(j), metric, meanDifference(x, y), test.pValue(x, y),
                        Double.NaN, test, definedPairs(x, y)));
            }
        }
        double[] p = raw.stream().mapToDouble(Comparison::pValue).toArray();
        double[] holm = HolmCorrection.adjust(p);
        List<Comparison> corrected = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Comparison c = raw.get(k);
            corrected.add(new Comparison(c.a, c.b, c.metric, c.meanDifference, c.pValue, holm[k], c.test, c.pairs));
        }
        return List.copyOf(corrected);
    }

    /** Mean of x − y over the pairs where both are defined; NaN when none is. */
    static double meanDifference(double[] x, double[] y) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sum += x[i] - y[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static int definedPairs(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        return n;
    }
}
