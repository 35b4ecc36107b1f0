package org.encore.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.encore.evaluation.EvaluationReport.putNumber;

/**
 * The result of {@link MultiSeedEvaluation}: the protocol card, each seed's report, each candidate's numbers over
 * the seeds (mean and 95% interval per column), and every pair of candidates compared on per-user NDCG@100 over
 * the (seed, user) pairs, by the paired t-test and by Wilcoxon's signed-rank test, each family Holm-corrected.
 *
 * @param card        how the numbers were made
 * @param seeds       the seeds, in run order
 * @param perSeed     each seed's report, in the order of {@code seeds}
 * @param candidates  the candidates, in the order of the seeds' rows
 * @param comparisons every pair (i &lt; j) by the paired t-test, Holm-corrected over all pairs
 * @param wilcoxon    the same pairs by Wilcoxon's signed-rank test, Holm-corrected over all pairs
 */
public record MultiSeedReport(ProtocolCard card, List<Long> seeds, List<EvaluationReport> perSeed,
                              List<CandidateRuns> candidates, List<Comparison> comparisons, List<Comparison> wilcoxon) {
    /** The metric the paired tests compare (DESIGN.md §8). */
    public static final ReportColumn COMPARED = ReportColumn.NDCG_100;

    private static final ObjectMapper JSON = new ObjectMapper();

    public MultiSeedReport {
        seeds = List.copyOf(seeds);
        perSeed = List.copyOf(perSeed);
        candidates = List.copyOf(candidates);
        comparisons = List.copyOf(comparisons);
        wilcoxon = List.copyOf(wilcoxon);
    }

    /** Matches the seeds' test rows by position (every seed runs the same request) and compares every pair. */
    public static MultiSeedReport of(ProtocolCard card, List<Long> seeds, List<EvaluationReport> perSeed) {
        int rows = perSeed.get(0).test().size();
        for (int s = 0; s < perSeed.size(); s++) {
            if (perSeed.get(s).test().size() != rows) {
                throw new IllegalStateException("seed " + seeds.get(s) + " has " + perSeed.get(s).test().size()
                        + " rows, seed " + seeds.get(0) + " has " + rows);
            }
        }
        List<CandidateRuns> candidates = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            List<EvaluationRow> runs = new ArrayList<>();
            for (EvaluationReport report : perSeed) {
                runs.add(report.test().get(r));
            }
            candidates.add(new CandidateRuns(CandidateRuns.commonName(runs), seeds, runs));
        }
        List<String> names = candidates.stream().map(CandidateRuns::name).toList();
        List<double[]> values = candidates.stream().map(c -> c.pooledUserValues(COMPARED.key())).toList();
        return new MultiSeedReport(card, seeds, perSeed, candidates,
                Comparison.allPairs(names, values, COMPARED.key(), Significance.PAIRED_T),
                Comparison.allPairs(names, values, COMPARED.key(), Significance.WILCOXON));
    }

    /** What the paired tests matched, e.g. "3 seeds × 61 users" (or the total when seeds had other sizes). */
    public String sample() {
        List<Integer> users = perSeed.stream().map(r -> r.split().test().size()).distinct().toList();
        String seedWord = seeds.size() == 1 ? "1 seed" : seeds.size() + " seeds";
        if (users.size() == 1) {
            return seedWord + " × " + users.get(0) + " users";
        }
        int total = perSeed.stream().mapToInt(r -> r.split().test().size()).sum();
        return seedWord + ", " + total + " test users in all";
    }

    /** One plain-words sentence per paired t-test comparison. */
    public List<String> sentences() {
        return comparisons.stream().map(c -> ComparisonSentence.of(c, COMPARED, sample())).toList();
    }

    /**
     * The JSON of the report. With one seed it is that seed's {@link EvaluationReport#toJson()} (keys unchanged)
     * with the new keys added; with several, rows hold the mean over seeds under the same keys.
     */
    public ObjectNode toJson() {
        boolean single = seeds.size() == 1;
        ObjectNode root = single ? perSeed.get(0).toJson() : JSON.createObjectNode();
        ArrayNode rowArray;
        if (single) {
            rowArray = (ArrayNode) root.get("rows");
        } else {
            EvaluationReport first = perSeed.get(0);
            root.put("release", first.release());
            root.put("protocol", first.protocol().replace("(seed " + seeds.get(0) + ")", "(seeds " + seedsText() + ")")
                    .replace("metrics are means over test users +- standard error",
                            "metrics are means over seeds with 95% Student-t intervals"));
            if (first.epochs() == null) {
                root.putNull("epochs");
            } else {
                root.put("epochs", first.epochs());
            }
            ArrayNode splits = root.putArray("splits");
            for (EvaluationReport report : perSeed) {
                ObjectNode split = report.toJson().get("split").deepCopy();
                split.put("seed", report.split().settings().seed());
                splits.add(split);
            }
            rowArray = root.putArray("rows");
        }
        ArrayNode seedArray = root.putArray("seeds");
        seeds.forEach(seedArray::add);
        root.set("protocolCard", card.toJson());
        for (int i = 0; i < candidates.size(); i++) {
            CandidateRuns c = candidates.get(i);
            ObjectNode row = single ? (ObjectNode) rowArray.get(i) : rowArray.addObject();
            row.put("name", c.name());
            for (ReportColumn column : ReportColumn.all()) {
                ConfidenceInterval ci = c.interval(column);
                if (!single) {
                    putNumber(row, column.key(), ci.mean()); // one seed: the row already has it, unchanged
                }
                if (ci.isDefined()) {
                    row.putArray(column.key() + "Ci95").add(ci.low()).add(ci.high());
                } else {
                    row.putNull(column.key() + "Ci95");
                }
            }
            row.put("ciOver", c.intervalOver(COMPARED));
            ArrayNode rowSeeds = row.putArray("seeds");
            seeds.forEach(rowSeeds::add);
            ArrayNode perSeedRows = row.putArray("perSeed");
            for (int s = 0; s < seeds.size(); s++) {
                EvaluationRow seedRow = c.rows().get(s);
                ObjectNode o = perSeedRows.addObject();
                o.put("seed", seeds.get(s));
                o.put("name", seedRow.name());
                for (ReportColumn column : ReportColumn.all()) {
                    putNumber(o, column.key(), column.valueOf(seedRow));
                }
                o.put("users", seedRow.users());
                o.put("note", seedRow.note());
            }
        }
        root.set("comparisons", comparisonsJson(comparisons));
        root.set("wilcoxon", comparisonsJson(wilcoxon));
        return root;
    }

    private ArrayNode comparisonsJson(List<Comparison> list) {
        ArrayNode array = JSON.createArrayNode();
        for (Comparison c : list) {
            ObjectNode o = array.addObject();
            o.put("a", c.a());
            o.put("b", c.b());
            o.put("metric", c.metric());
            putNumber(o, "meanDifference", c.meanDifference());
            putNumber(o, "pValue", c.pValue());
            putNumber(o, "pValueHolm", c.pValueHolm());
            o.put("test", c.test().label());
            o.put("pairs", c.pairs());
            o.put("significant", c.significant());
            o.put("sentence", ComparisonSentence.of(c, COMPARED, sample()));
        }
        return array;
    }

    public String seedsText() {
        return String.join(", ", seeds.stream().map(String::valueOf).toList());
    }

    /** A Markdown table: per column the mean over seeds and its 95% interval. */
    public String table() {
        List<List<String>> cells = new ArrayList<>();
        List<String> heading = new ArrayList<>(List.of("model"));
        ReportColumn.all().forEach(col -> heading.add(col.heading()));
        cells.add(heading);
        for (CandidateRuns c : candidates) {
            List<String> line = new ArrayList<>(List.of(c.name()));
            for (ReportColumn column : ReportColumn.all()) {
                line.add(withInterval(c.interval(column), column.digits()));
            }
            cells.add(line);
        }
        int[] widths = new int[heading.size()];
        for (List<String> line : cells) {
            for (int k = 0; k < line.size(); k++) {
                widths[k] = Math.max(widths[k], line.get(k).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            sb.append('|');
            for (int k = 0; k < widths.length; k++) {
                sb.append(' ').append(String.format(Locale.ROOT, "%-" + widths[k] + "s", cells.get(r).get(k))).append(" |");
            }
            sb.append(System.lineSeparator());
            if (r == 0) {
                sb.append('|');
                for (int w : widths) {
                    sb.append("-".repeat(w + 2)).append('|');
                }
                sb.append(System.lineSeparator());
            }
        }
        return sb.toString();
    }

    /** "0.349 [0.331, 0.367]", the mean alone when the interval is undefined, "n/a" when the mean is. */
    public static String withInterval(ConfidenceInterval ci, int digits) {
        if (Double.isNaN(ci.mean())) {
            return "n/a";
        }
        String f = "%." + digits + "f";
        String mean = String.format(Locale.ROOT, f, ci.mean());
        return ci.isDefined() ? mean + " [" + String.format(Locale.ROOT, f, ci.low()) + ", "
                + String.format(Locale.ROOT, f, ci.high()) + "]" : mean;
    }
}
