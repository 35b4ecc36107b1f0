package org.encore.app.evaluation;

import org.encore.evaluation.CandidateRuns;
import org.encore.evaluation.Comparison;
import org.encore.evaluation.ComparisonSentence;
import org.encore.evaluation.ConfidenceInterval;
import org.encore.evaluation.MultiSeedReport;
import org.encore.evaluation.ReportColumn;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One row of the Evaluation view's table: a candidate's mean and 95% interval per {@link ReportColumn}, the columns
 * where it is the best (by the column's direction), and how it compares with the best row on
 * {@link MultiSeedReport#COMPARED} (paired t-test and Wilcoxon, raw and Holm-adjusted).
 *
 * @param name         the candidate's name
 * @param candidate    its numbers under every seed
 * @param best         the columns where this row has the best mean
 * @param isBestRow    the best row on the compared metric (the one every other row is tested against)
 * @param versusBest   the paired t-test against the best row; empty for the best row itself
 * @param wilcoxonBest Wilcoxon's test against the best row; empty for the best row itself
 */
public record ResultRow(String name, CandidateRuns candidate, Set<ReportColumn> best, boolean isBestRow,
                        Optional<Comparison> versusBest, Optional<Comparison> wilcoxonBest) {
    /** Marks a difference from the best row that is significant at {@link Comparison#ALPHA} after Holm. */
    public static final String SIGNIFICANT = "†";
    /** Marks a difference from the best row that is not significant. */
    public static final String NOT_SIGNIFICANT = "○";

    public ResultRow {
        best = Set.copyOf(best);
    }

    /** The rows of {@code report}, in its order. */
    public static List<ResultRow> of(MultiSeedReport report) {
        List<CandidateRuns> candidates = report.candidates();
        Map<ReportColumn, Integer> bestIndex = new EnumMap<>(ReportColumn.class);
        for (ReportColumn column : ReportColumn.all()) {
            double bestValue = Double.NaN;
            for (int i = 0; i < candidates.size(); i++) {
                double value = candidates.get(i).mean(column);
                if (column.isBetter(value, bestValue)) {
                    bestValue = value;
                    bestIndex.put(column, i);
                }
            }
        }
        Integer top = bestIndex.get(MultiSeedReport.COMPARED);
        String topName = top == null ? null : candidates.get(top).name();
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            CandidateRuns c = candidates.get(i);
            Set<ReportColumn> best = EnumSet.noneOf(ReportColumn.class);
            for (Map.Entry<ReportColumn, Integer> e : bestIndex.entrySet()) {
                if (e.getValue() == i) {
                    best.add(e.getKey());
                }
            }
            boolean isTop = top != null && top == i;
            Optional<Comparison> t = isTop || topName == null ? Optional.empty() : find(report.comparisons(), topName, c.name());
            Optional<Comparison> w = isTop || topName == null ? Optional.empty() : find(report.wilcoxon(), topName, c.name());
            rows.add(new ResultRow(c.name(), c, best, isTop, t, w));
        }
        return rows;
    }

    private static Optional<Comparison> find(List<Comparison> comparisons, String x, String y) {
        return comparisons.stream().filter(c -> c.a().equals(x) && c.b().equals(y) || c.a().equals(y) && c.b().equals(x))
                .findFirst();
    }

    /** The cell of {@code column}: "0.401 ± 0.039", the mean alone without an interval, blank when undefined. */
    public String cell(ReportColumn column) {
        return cellText(candidate.interval(column), column.digits());
    }

    /** The column's mean, NaN when undefined (what the table sorts by). */
    public double mean(ReportColumn column) {
        return candidate.mean(column);
    }

    static String cellText(ConfidenceInterval ci, int digits) {
        if (Double.isNaN(ci.mean())) {
            return "";
        }
        String f = "%." + digits + "f";
        String mean = String.format(Locale.ROOT, f, ci.mean());
        return ci.isDefined() ? mean + " ± " + String.format(Locale.ROOT, f, ci.halfWidth()) : mean;
    }

    /** {@link #cell} on two lines, the mean above its "± half-width", for narrow columns. */
    public String twoLineCell(ReportColumn column) {
        return cell(column).replace(" ± ", "\n± ");
    }

    /** The interval as "[low, high]" (the cell's tooltip), or what it is computed over when undefined. */
    public String intervalText(ReportColumn column) {
        ConfidenceInterval ci = candidate.interval(column);
        if (Double.isNaN(ci.mean())) {
            return column.heading() + " is undefined for " + name
                    + (column == ReportColumn.RMSE || column == ReportColumn.MAE ? " (it ranks movies, it predicts no ratings)" : "");
        }
        String f = "%." + column.digits() + "f";
        String text = column.heading() + ": mean " + String.format(Locale.ROOT, f, ci.mean());
        return ci.isDefined() ? text + ", 95% interval [" + String.format(Locale.ROOT, f, ci.low()) + ", "
                + String.format(Locale.ROOT, f, ci.high()) + "] over " + candidate.intervalOver(column) : text;
    }

    /** The significance mark against the best row: "best", "†" (significant) or "○" (not), blank when untested. */
    public String mark() {
        if (isBestRow) {
            return "best";
        }
        return versusBest.map(c -> Double.isNaN(c.pValueHolm()) ? "" : c.significant() ? SIGNIFICANT : NOT_SIGNIFICANT)
                .orElse("");
    }

    /** The p-values against the best row, for a tooltip: paired t and Wilcoxon, raw and Holm-adjusted. */
    public String pValues() {
        if (isBestRow) {
            return name + " has the best " + MultiSeedReport.COMPARED.heading() + "; every other row is tested against it";
        }
        if (versusBest.isEmpty()) {
            return "";
        }
        Comparison t = versusBest.get();
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s − %s on %s: %+.4f over %d pairs%n",
                t.a(), t.b(), MultiSeedReport.COMPARED.heading(), t.meanDifference(), t.pairs()));
        sb.append(line(t));
        wilcoxonBest.ifPresent(w -> sb.append(System.lineSeparator()).append(line(w)));
        return sb.toString();
    }

    private static String line(Comparison c) {
        return c.test().label() + ": " + ComparisonSentence.pText(c.pValue()) + " raw, "
                + ComparisonSentence.pText(c.pValueHolm()).replace("p ", "p(Holm) ");
    }
}
