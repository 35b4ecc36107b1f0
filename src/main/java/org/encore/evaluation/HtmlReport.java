package org.encore.evaluation;

import org.encore.training.EpochMetrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation as one self-contained HTML page: protocol card, the table with 95% intervals and the best value
 * of each column marked, a chart of NDCG@100 (inline SVG), the paired comparisons, every seed's numbers, and the
 * versions. Inline CSS, no script, no external file or network reference, so it opens anywhere and can be mailed.
 * Built with a plain string builder: every text from the data goes through {@link #escape}.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2em auto;max-width:1200px;padding:0 1em;color:#1d2330;background:#fff}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.8em;border-bottom:1px solid #d5d9e2;padding-bottom:.2em}
            table{border-collapse:collapse;font-size:.9em;margin:.6em 0}th,td{padding:.3em .6em;border-bottom:1px solid #e3e6ec;text-align:right;vertical-align:top}
            th:first-child,td:first-child{text-align:left}th{background:#f3f5f9}
            td.best{font-weight:700;background:#e6f4ea}.ci{color:#5b6475;font-size:.85em;white-space:nowrap}
            dl.card{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;font-size:.92em}dl.card dt{font-weight:600}dl.card dd{margin:0}
            .sig{color:#17692d;font-weight:600}.nsig{color:#7a5b00}.note{color:#5b6475;font-size:.85em}td.note{text-align:left}
            #comparisons th:nth-child(2),#comparisons td:nth-child(2){text-align:left}
            footer{margin-top:2.5em;color:#5b6475;font-size:.85em}
            """;

    private HtmlReport() {
    }

    public static String of(MultiSeedReport report) {
        return of(report, Map.of());
    }

    /**
     * The page with a "Training" section: the validation curves of {@code histories} (run name to its epochs;
     * nothing added when empty), drawn by {@link TrainingChartSvg} with a legend.
     */
    public static String of(MultiSeedReport report, Map<String, List<EpochMetrics>> histories) {
        StringBuilder h = new StringBuilder(16_384);
        ProtocolCard card = report.card();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Encore evaluation: ")
                .append(escape(card.data().release())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Encore evaluation: ").append(escape(card.data().release())).append(", ")
                .append(escape(report.sample())).append("</h1>\n");

        h.append("<h2 id=\"protocol-card\">Protocol card</h2>\n<dl class=\"card\">\n");
        for (Map.Entry<String, String> e : card.entries().entrySet()) {
            h.append("<dt>").append(escape(e.getKey())).append("</dt><dd>").append(escape(e.getValue())).append("</dd>\n");
        }
        h.append("</dl>\n");

        h.append("<h2 id=\"results\">Results on the test users</h2>\n");
        h.append("<p class=\"note\">Mean over ").append(report.seeds().size() > 1 ? "seeds" : "test users")
                .append(" with its 95% Student-t interval in brackets. Best of each column in bold: highest for NDCG, "
                        + "recall and coverage, lowest for RMSE, MAE and the profile distances; mean popularity is not "
                        + "ranked.</p>\n");
        resultsTable(h, report);
        h.append(chart(report, ReportColumn.NDCG_100));

        h.append("<h2 id=\"significance\">Significance</h2>\n<p class=\"note\">Paired over the ")
                .append(escape(report.sample())).append(" ((seed, user) pairs of per-user ").append(MultiSeedReport.COMPARED.heading())
                .append("; users without a relevant hidden movie left out); Holm's correction over all ")
                .append(report.comparisons().size()).append(" pairs, per test; significant at a Holm-adjusted p ≤ ")
                .append(Comparison.ALPHA).append(".</p>\n<ul>\n");
        for (String sentence : report.sentences()) {
            h.append("<li>").append(escape(sentence)).append("</li>\n");
        }
        h.append("</ul>\n");
        comparisonTable(h, report);

        String curves = TrainingChartSvg.of(histories);
        if (!curves.isEmpty()) {
            h.append("<h2 id=\"training\">Training</h2>\n<p class=\"note\">Validation MSE per epoch of every trained "
                    + "model evaluated (the specs under each seed, the runs as saved).</p>\n").append(curves);
        }

        h.append("<h2 id=\"per-seed\">Per seed</h2>\n");
        for (int s = 0; s < report.seeds().size(); s++) {
            EvaluationReport seedReport = report.perSeed().get(s);
            h.append("<h3>Seed ").append(report.seeds().get(s)).append("</h3>\n<p class=\"note\">")
                    .append(escape(seedReport.protocol())).append("</p>\n<table>\n<tr><th>model</th>");
            for (ReportColumn column : ReportColumn.all()) {
                h.append("<th>").append(escape(column.heading())).append("</th>");
            }
            h.append("<th>how it was made</th></tr>\n");
            for (EvaluationRow row : seedReport.test()) {
                h.append("<tr><td>").append(escape(row.name())).append("</td>");
                for (ReportColumn column : ReportColumn.all()) {
                    h.append("<td>").append(number(column.valueOf(row), column.digits())).append("</td>");
                }
                h.append("<td class=\"note\">").append(escape(row.note())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("<footer>Made by Encore ").append(escape(card.software().encore())).append(" on Java ")
                .append(escape(card.software().java())).append(".</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void resultsTable(StringBuilder h, MultiSeedReport report) {
        List<ReportColumn> columns = ReportColumn.all();
        double[] best = new double[columns.size()];
        for (int k = 0; k < columns.size(); k++) {
            best[k] = Double.NaN;
            for (CandidateRuns c : report.candidates()) {
                double v = c.mean(columns.get(k));
                if (columns.get(k).isBetter(v, best[k])) {
                    best[k] = v;
                }
            }
        }
        h.append("<table id=\"results-table\">\n<tr><th>model</th>");
        for (ReportColumn column : columns) {
            h.append("<th>").append(escape(column.heading())).append("</th>");
        }
        h.append("</tr>\n");
        for (CandidateRuns c : report.candidates()) {
            h.append("<tr><td>").append(escape(c.name())).append("</td>");
            for (int k = 0; k < columns.size(); k++) {
                ReportColumn column = columns.get(k);
                ConfidenceInterval ci = c.interval(column);
                boolean isBest = !Double.isNaN(best[k]) && ci.mean() == best[k];
                h.append(isBest ? "<td class=\"best\">" : "<td>").append(number(ci.mean(), column.digits()));
                if (ci.isDefined()) {
                    h.append("<br><span class=\"ci\">[").append(number(ci.low(), column.digits())).append(", ")
                            .append(number(ci.high(), column.digits())).append("]</span>");
                }
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void comparisonTable(StringBuilder h, MultiSeedReport report) {
        h.append("<table id=\"comparisons\">\n<tr><th>a</th><th>b</th><th>mean a − b</th><th>pairs</th>"
                + "<th>p (paired t)</th><th>p Holm (paired t)</th><th>p (Wilcoxon)</th><th>p Holm (Wilcoxon)</th></tr>\n");
        for (int i = 0; i < report.comparisons().size(); i++) {
            Comparison t = report.comparisons().get(i);
            Comparison w = report.wilcoxon().get(i);
            h.append("<tr><td>").append(escape(t.a())).append("</td><td>").append(escape(t.b())).append("</td><td>")
                    .append(number(t.meanDifference(), 4)).append("</td><td>").append(t.pairs()).append("</td><td>")
                    .append(p(t.pValue())).append("</td><td class=\"").append(t.significant() ? "sig" : "nsig").append("\">")
                    .append(p(t.pValueHolm())).append("</td><td>").append(p(w.pValue())).append("</td><td class=\"")
                    .append(w.significant() ? "sig" : "nsig").append("\">").append(p(w.pValueHolm())).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    /** Horizontal bars of a column's means with their intervals as whiskers and each seed's value as a dot. */
    static String chart(MultiSeedReport report, ReportColumn column) {
        List<CandidateRuns> candidates = report.candidates();
        double max = 0;
        for (CandidateRuns c : candidates) {
            ConfidenceInterval ci = c.interval(column);
            for (double v : new double[] {ci.mean(), ci.high()}) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
            for (double v : c.seedValues(column)) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : max * 1.1;
        int label = 200;
        int plot = 560;
        int rowHeight = 26;
        int height = candidates.size() * rowHeight + 40;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s by model with 95%% intervals\">%n",
                label + plot + 20, height, label + plot + 20, height, escape(column.heading())));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" font-size=\"13\" font-weight=\"600\">%s, mean with "
                + "95%% interval; dots: each seed</text>%n", label, escape(column.heading())));
        for (int i = 0; i < candidates.size(); i++) {
            CandidateRuns c = candidates.get(i);
            ConfidenceInterval ci = c.interval(column);
            double y = 30 + i * rowHeight;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"12\" text-anchor=\"end\">%s</text>%n",
                    label - 8, y + 14, escape(c.name())));
            if (!Double.isFinite(ci.mean())) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"#7aa6d8\"/>%n",
                    label, y + 2, plot * ci.mean() / max));
            if (ci.isDefined()) {
                double x1 = label + plot * ci.low() / max;
                double x2 = label + plot * ci.high() / max;
                s.append(String.format(Locale.ROOT, "<path d=\"M%.1f %.1fH%.1fM%.1f %.1fV%.1fM%.1f %.1fV%.1f\" "
                        + "stroke=\"#1d2330\" stroke-width=\"1.5\" fill=\"none\"/>%n",
                        x1, y + 10, x2, x1, y + 5, y + 15, x2, y + 5, y + 15));
            }
            for (double v : c.seedValues(column)) {
                if (Double.isFinite(v)) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#c0392b\"/>%n",
                            label + plot * v / max, y + 10));
                }
            }
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>%n",
                    label + plot * Math.max(ci.mean(), ci.isDefined() ? ci.high() : ci.mean()) / max + 6, y + 14,
                    number(ci.mean(), column.digits())));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** Text safe inside HTML elements and double- or single-quoted attributes. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String number(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "n/a";
    }

    private static String p(double value) {
        return Double.isNaN(value) ? "n/a" : value < 0.001 ? "&lt; 0.001" : String.format(Locale.ROOT, "%.3f", value);
    }
}
