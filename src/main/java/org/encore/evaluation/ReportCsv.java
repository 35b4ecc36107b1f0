package org.encore.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation table as CSV (RFC 4180: comma-separated, fields with a comma, quote or line break quoted, quotes
 * doubled): one line per candidate with, per column, the mean and its 95% interval, then the number of seeds and
 * each seed's value; empty fields where a value is undefined. The protocol card follows the header as {@code #}
 * comment lines, so the numbers never leave without it.
 */
public final class ReportCsv {
    private ReportCsv() {
    }

    public static String of(MultiSeedReport report) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : report.card().entries().entrySet()) {
            sb.append("# ").append(e.getKey()).append(": ").append(e.getValue().replace('\n', ' ')).append("\r\n");
        }
        List<String> header = new ArrayList<>(List.of("model"));
        for (ReportColumn column : ReportColumn.all()) {
            header.add(column.key());
            header.add(column.key() + "_ci95_low");
            header.add(column.key() + "_ci95_high");
        }
        header.add("seeds");
        for (long seed : report.seeds()) {
            header.add(ReportColumn.NDCG_100.key() + "_seed_" + seed);
        }
        line(sb, header);
        for (CandidateRuns c : report.candidates()) {
            List<String> fields = new ArrayList<>(List.of(c.name()));
            for (ReportColumn column : ReportColumn.all()) {
                ConfidenceInterval ci = c.interval(column);
                fields.add(number(ci.mean()));
                fields.add(number(ci.low()));
                fields.add(number(ci.high()));
            }
            fields.add(String.valueOf(report.seeds().size()));
            for (double v : c.seedValues(ReportColumn.NDCG_100)) {
                fields.add(number(v));
            }
            line(sb, fields);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(quote(fields.get(i)));
        }
        sb.append("\r\n");
    }

    /** A field quoted when it has to be. */
    static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
    }
}
