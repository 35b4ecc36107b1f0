package org.encore.evaluation;

import java.util.List;

/**
 * A column of the evaluation table: the metric's key in JSON and CSV, its heading, the digits shown and which way
 * is better (for marking the best value of a column). {@link #COVERAGE_20} is one figure per run; every other
 * column is a mean of per-user values ({@link UserMetric}).
 */
public enum ReportColumn {
    NDCG_100("ndcg100", "NDCG@100", 3, Better.HIGHER),
    RECALL_20("recall20", "Recall@20", 3, Better.HIGHER),
    RECALL_50("recall50", "Recall@50", 3, Better.HIGHER),
    RMSE("rmse", "RMSE", 2, Better.LOWER),
    MAE("mae", "MAE", 2, Better.LOWER),
    COVERAGE_20("coverage20", "coverage@20", 3, Better.HIGHER),
    MEAN_POPULARITY("meanPopularity", "mean popularity", 1, Better.NEITHER),
    GENRE_DISTANCE("genreDistance", "genre distance", 3, Better.LOWER),
    DECADE_DISTANCE("decadeDistance", "decade distance", 3, Better.LOWER);

    /** Which values of a column are the best. */
    public enum Better { HIGHER, LOWER, NEITHER }

    private final String key;
    private final String heading;
    private final int digits;
    private final Better better;

    ReportColumn(String key, String heading, int digits, Better better) {
        this.key = key;
        this.heading = heading;
        this.digits = digits;
        this.better = better;
    }

    public String key() {
        return key;
    }

    public String heading() {
        return heading;
    }

    public int digits() {
        return digits;
    }

    public Better better() {
        return better;
    }

    /** True for the one column that is not a mean over users. */
    public boolean perRun() {
        return this == COVERAGE_20;
    }

    /** This column's value in one row. */
    public double valueOf(EvaluationRow row) {
        return perRun() ? row.coverage20() : row.metric(key).mean();
    }

    /** Whether {@code candidate} is better than {@code best} (NaN is never better; NEITHER never is). */
    public boolean isBetter(double candidate, double best) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        if (Double.isNaN(best)) {
            return better != Better.NEITHER;
        }
        return switch (better) {
            case HIGHER -> candidate > best;
            case LOWER -> candidate < best;
            case NEITHER -> false;
        };
    }

    public static List<ReportColumn> all() {
        return List.of(values());
    }
}
