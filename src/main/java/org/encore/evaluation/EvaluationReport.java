package org.encore.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The result of an evaluation run: one row per scorer on the test users (reported) and on the validation users
 * (used to choose settings), with the split it was computed on.
 */
public record EvaluationReport(String release, StrongGeneralizationSplit split, Integer epochs,
                               List<EvaluationRow> test, List<EvaluationRow> validation) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public EvaluationReport {
        test = List.copyOf(test);
        validation = List.copyOf(validation);
    }

    /** One sentence describing the protocol, for tables and documents. */
    public String protocol() {
        SplitSettings s = split.settings();
        return String.format(Locale.ROOT, "strong generalisation (Liang et al. 2018): users with >= %d ratings; "
                        + "%d training, %d validation, %d test users (seed %d); each held-out user's %.0f%% of ratings fed in, "
                        + "%.0f%% hidden; relevant = rating >= %.1f; metrics are means over test users +- standard error",
                s.minRatings(), split.trainRows().length, split.validation().size(), split.test().size(), s.seed(),
                s.foldInFraction() * 100, (1 - s.foldInFraction()) * 100, s.relevantRating());
    }

    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("release", release);
        root.put("protocol", protocol());
        root.put("seed", split.settings().seed());
        if (epochs == null) {
            root.putNull("epochs");
        } else {
            root.put("epochs", epochs);
        }
        ObjectNode sizes = root.putObject("split");
        sizes.put("trainUsers", split.trainRows().length);
        sizes.put("validationUsers", split.validation().size());
        sizes.put("testUsers", split.test().size());
        sizes.put("testHiddenRatings", split.test().hiddenCount());
        sizes.put("usersBelowMinimum", split.usersBelowMinimum());
        sizes.put("droppedUnseenRatings", split.droppedUnseenRatings());
        sizes.put("droppedHeldOutUsers", split.droppedHeldOutUsers());
        sizes.put("foldInFraction", split.settings().foldInFraction());
        sizes.put("minRatings", split.settings().minRatings());
        root.set("rows", rows(test));
        root.set("validationRows", rows(validation));
        return root;
    }

    private static ArrayNode rows(List<EvaluationRow> rows) {
        ArrayNode array = JSON.createArrayNode();
        for (EvaluationRow row : rows) {
            ObjectNode o = array.addObject();
            o.put("name", row.name());
            for (Map.Entry<String, Summary> e : row.metrics().entrySet()) {
                putNumber(o, e.getKey(), e.getValue().mean());
            }
            putNumber(o, "coverage20", row.coverage20());
            for (Map.Entry<String, Summary> e : row.metrics().entrySet()) {
                putNumber(o, e.getKey() + "Se", e.getValue().standardError());
            }
            o.put("users", row.users());
            o.put("usersWithRelevant", row.metric("ndcg100").users());
            putNumber(o, "fitSeconds", row.fitSeconds());
            o.put("note", row.note());
        }
        return array;
    }

    /** JSON has no NaN: undefined values (e.g. RMSE of a ranking-only scorer) are written as null. */
    static void putNumber(ObjectNode o, String name, double value) {
        if (Double.isFinite(value)) {
            o.put(name, value);
        } else {
            o.putNull(name);
        }
    }

    /** A plain-text (and Markdown-compatible) table of the test rows. */
    public String table() {
        return table(test);
    }

    public static String table(List<EvaluationRow> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "| %-18s | %-15s | %-15s | %-15s | %-13s | %-13s | %10s | %9s | %8s | %8s |%n",
                "model", "NDCG@100", "Recall@20", "Recall@50", "RMSE", "MAE", "coverage20", "mean pop.", "genre JS", "decade JS"));
        sb.append("|--------------------|-----------------|-----------------|-----------------|---------------|---------------|-----------:|----------:|---------:|---------:|")
                .append(System.lineSeparator());
        for (EvaluationRow row : rows) {
            sb.append(String.format(Locale.ROOT, "| %-18s | %-15s | %-15s | %-15s | %-13s | %-13s | %10s | %9s | %8s | %8s |%n",
                    row.name(), withError(row.metric("ndcg100"), 3), withError(row.metric("recall20"), 3),
                    withError(row.metric("recall50"), 3), withError(row.metric("rmse"), 2), withError(row.metric("mae"), 2),
                    number(row.coverage20(), 3), number(row.metric("meanPopularity").mean(), 1),
                    number(row.metric("genreDistance").mean(), 3), number(row.metric("decadeDistance").mean(), 3)));
        }
        return sb.toString();
    }

    private static String withError(Summary s, int digits) {
        if (!Double.isFinite(s.mean())) {
            return "n/a";
        }
        String format = "%." + digits + "f";
        String mean = String.format(Locale.ROOT, format, s.mean());
        return Double.isFinite(s.standardError()) ? mean + " ± " + String.format(Locale.ROOT, format, s.standardError()) : mean;
    }

    private static String number(double value, int digits) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + digits + "f", value) : "n/a";
    }
}
