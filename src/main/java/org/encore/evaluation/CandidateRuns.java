package org.encore.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * One candidate (a trained spec, a loaded run, a blend or a baseline) evaluated under several seeds: its test row
 * of each seed, in the order of {@link #seeds()}. With two or more seeds a column's confidence interval is
 * Student's t over the seeds' values; with one seed it is over that seed's test users (the only spread there is).
 *
 * @param name   the candidate's name (the seeds' row names when they agree, else their common stem, e.g. "ease")
 * @param seeds  the seeds, in run order
 * @param rows   the candidate's test row under each seed
 */
public record CandidateRuns(String name, List<Long> seeds, List<EvaluationRow> rows) {
    public CandidateRuns {
        seeds = List.copyOf(seeds);
        rows = List.copyOf(rows);
        if (seeds.size() != rows.size() || rows.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + rows.size() + " rows for " + seeds.size() + " seeds");
        }
    }

    /** The column's value under each seed. */
    public double[] seedValues(ReportColumn column) {
        return rows.stream().mapToDouble(column::valueOf).toArray();
    }

    /** The mean over seeds (NaN when undefined under every seed, e.g. RMSE of a ranking-only model). */
    public double mean(ReportColumn column) {
        return interval(column).mean();
    }

    /** The 95% interval: over seeds when there are several, else over the one seed's test users. */
    public ConfidenceInterval interval(ReportColumn column) {
        if (rows.size() >= 2 || column.perRun() || rows.get(0).perUser().isEmpty()) {
            return ConfidenceInterval.of95(seedValues(column));
        }
        return ConfidenceInterval.of95(rows.get(0).userValues(column.key()));
    }

    /** What {@link #interval} is computed over: "seeds" or "test users". */
    public String intervalOver(ReportColumn column) {
        return rows.size() >= 2 || column.perRun() ? "seeds" : "test users";
    }

    /** Per-user values of a per-user metric, seed after seed: the (seed, user) pairs a paired test matches. */
    public double[] pooledUserValues(String metric) {
        List<double[]> parts = new ArrayList<>();
        int length = 0;
        for (EvaluationRow row : rows) {
            double[] values = row.userValues(metric);
            parts.add(values);
            length += values.length;
        }
        double[] pooled = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, pooled, at, part.length);
            at += part.length;
        }
        return pooled;
    }

    /** The common name of the seeds' rows: their name when they agree, else the stem before the first "(". */
    static String commonName(List<EvaluationRow> rows) {
        String first = rows.get(0).name();
        if (rows.stream().allMatch(r -> r.name().equals(first))) {
            return first;
        }
        int paren = first.indexOf('(');
        String stem = paren > 0 ? first.substring(0, paren) : first;
        return rows.stream().allMatch(r -> r.name().startsWith(stem)) ? stem : first;
    }
}
