package org.encore.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scorer's numbers on one set of held-out users.
 *
 * @param name         the scorer's name
 * @param metrics      per-user metrics by name (ndcg100, recall20, recall50, rmse, mae, meanPopularity,
 *                     genreDistance, decadeDistance), each a mean over users with its standard error
 * @param coverage20   catalog coverage of the top 20 (one figure for the run)
 * @param users        held-out users scored
 * @param fitSeconds   time spent training or fitting it (0 for loaded models)
 * @param note         how it was made or chosen (e.g. the EASE lambda picked on validation users)
 * @param perUser      per-user values by metric name: entry i belongs to held-out user i (row
 *                     {@code HeldOutUsers.rows()[i]}), NaN where the metric is undefined for that user; what the
 *                     paired tests of {@link Comparison} compare
 */
public record EvaluationRow(String name, Map<String, Summary> metrics, double coverage20, int users,
                            double fitSeconds, String note, Map<String, double[]> perUser) {
    public EvaluationRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        perUser = Collections.unmodifiableMap(new LinkedHashMap<>(perUser));
    }

    /** A row without per-user values (they cannot then be compared with a paired test). */
    public EvaluationRow(String name, Map<String, Summary> metrics, double coverage20, int users, double fitSeconds,
                         String note) {
        this(name, metrics, coverage20, users, fitSeconds, note, Map.of());
    }

    /** The per-user values of {@code metricName} (a copy), NaN where undefined. */
    public double[] userValues(String metricName) {
        double[] values = perUser.get(metricName);
        if (values == null) {
            throw new IllegalArgumentException("no per-user values of '" + metricName + "' in row " + name);
        }
        return values.clone();
    }

    public Summary metric(String metricName) {
        Summary s = metrics.get(metricName);
        if (s == null) {
            throw new IllegalArgumentException("no metric '" + metricName + "' in row " + name);
        }
        return s;
    }

    public EvaluationRow withFit(double seconds, String newNote) {
        return new EvaluationRow(name, metrics, coverage20, users, seconds, newNote, perUser);
    }
}
