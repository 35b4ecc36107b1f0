package org.encore.evaluation;

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
 */
public record EvaluationRow(String name, Map<String, Summary> metrics, double coverage20, int users,
                            double fitSeconds, String note) {
    public EvaluationRow {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    }

    public Summary metric(String metricName) {
        Summary s = metrics.get(metricName);
        if (s == null) {
            throw new IllegalArgumentException("no metric '" + metricName + "' in row " + name);
        }
        return s;
    }

    public EvaluationRow withFit(double seconds, String newNote) {
        return new EvaluationRow(name, metrics, coverage20, users, seconds, newNote);
    }
}
