package org.encore.evaluation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.TrainingSettings;
import org.encore.model.RowScorer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How a set of numbers was made (DESIGN.md §8): the dataset and its filters, the split and its seeds, the fold-in
 * fraction, the relevance threshold, the list lengths, which checkpoint of each model, and the software. Printed
 * and exported with every evaluation result, so that a number never travels without it.
 *
 * @param data        the dataset and its user filter
 * @param split       the strong-generalisation split
 * @param lists       relevance and list lengths of the metrics
 * @param checkpoints per candidate (or group of candidates), which state of it was evaluated
 * @param software    Encore's and Java's versions
 */
public record ProtocolCard(Data data, Split split, Lists lists, Map<String, String> checkpoints, Software software) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The dataset: release name, where it was read from, its size, and the users kept. */
    public record Data(String release, String source, int users, int movies, long ratings, int minRatings,
                       int usersBelowMinimum) {
    }

    /** The split: fractions, seeds, and the sizes under the first seed. */
    public record Split(double validationFraction, double testFraction, double foldInFraction, List<Long> seeds,
                        int trainUsers, int validationUsers, int testUsers) {
        public Split {
            seeds = List.copyOf(seeds);
        }
    }

    /** What counts as relevant and how long the lists are. */
    public record Lists(double relevantRating, int listLength, int shortList) {
    }

    /** Versions of Encore and of the Java runtime. */
    public record Software(String encore, String java) {
        public static Software current() {
            String version = ProtocolCard.class.getPackage().getImplementationVersion();
            return new Software(version == null ? "development build" : version,
                    Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")");
        }
    }

    public ProtocolCard {
        checkpoints = Collections.unmodifiableMap(new LinkedHashMap<>(checkpoints));
    }

    /** The card of an evaluation of {@code request} on {@code dataset} under {@code seeds}; sizes from {@code first}. */
    public static ProtocolCard of(Dataset dataset, StrongGeneralizationSplit first, List<Long> seeds,
                                  EvaluationRequest request) {
        RatingMatrix m = dataset.ratings();
        SplitSettings s = first.settings();
        Data data = new Data(dataset.release(), dataset.source() == null ? "" : dataset.source().toString(),
                m.userCount(), m.movieCount(), m.ratingCount(), s.minRatings(), first.usersBelowMinimum());
        Split split = new Split(s.validationFraction(), s.testFraction(), s.foldInFraction(), seeds,
                first.trainRows().length, first.validation().size(), first.test().size());
        Lists lists = new Lists(s.relevantRating(), Evaluator.LIST_LENGTH, Evaluator.SHORT_LIST);
        Map<String, String> checkpoints = new LinkedHashMap<>();
        for (ModelSpec spec : request.specs()) {
            int epochs = request.epochs() == null ? spec.training().epochs() : request.epochs();
            int patience = spec.training().patience();
            boolean byNdcg = spec.training().selection() == TrainingSettings.Selection.NDCG100;
            String metric = byNdcg ? "validation NDCG@100" : "validation MSE";
            checkpoints.put(spec.name(), (patience > 0
                    ? "best " + metric + " epoch of up to " + epochs + " (early stopping, patience " + patience + ")"
                    : byNdcg ? "best " + metric + " epoch of " + epochs
                    : "last epoch of " + epochs + " (no early stopping)") + ", trained on the training users");
        }
        for (RowScorer loaded : request.loaded()) {
            checkpoints.put(loaded.name(), "as saved in its run folder (its own training users)");
        }
        if (request.popular() || request.bias() || request.ease()) {
            checkpoints.put("baselines", "fitted in closed form on the training users"
                    + (request.ease() ? "; EASE's lambda chosen by NDCG@100 on the validation users" : ""));
        }
        return new ProtocolCard(data, split, lists, checkpoints, Software.current());
    }

    /** The card as labelled lines, in reading order, for text, HTML and CSV. */
    public Map<String, String> entries() {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("dataset", String.format(Locale.ROOT, "%s (%,d users, %,d movies, %,d ratings)%s", data.release(),
                data.users(), data.movies(), data.ratings(), data.source().isEmpty() ? "" : " from " + data.source()));
        e.put("filters", String.format(Locale.ROOT, "users with at least %d ratings (%,d left out); held-out ratings of "
                + "movies no training user rated are dropped", data.minRatings(), data.usersBelowMinimum()));
        e.put("split", String.format(Locale.ROOT, "strong generalisation (Liang et al. 2018): %.0f%% validation and "
                        + "%.0f%% test users held out whole; %d training, %d validation, %d test users (seed %d)",
                split.validationFraction() * 100, split.testFraction() * 100, split.trainUsers(),
                split.validationUsers(), split.testUsers(), split.seeds().get(0)));
        e.put("seeds", split.seeds().stream().map(String::valueOf).collect(Collectors.joining(", "))
                + " (each seed draws the held-out users, their fed-in ratings and the initialisation)");
        e.put("fold-in", String.format(Locale.ROOT, "%.0f%% of each held-out user's ratings fed in, %.0f%% hidden and scored",
                split.foldInFraction() * 100, (1 - split.foldInFraction()) * 100));
        e.put("relevance", String.format(Locale.ROOT, "a hidden rating of at least %s stars", trim(lists.relevantRating())));
        e.put("list length", String.format(Locale.ROOT, "top %d (NDCG@%d with binary gains, Recall@20 and @50 over "
                + "min(k, relevant)); coverage, popularity and profile distances on the top %d",
                lists.listLength(), lists.listLength(), lists.shortList()));
        e.put("checkpoint", checkpoints.entrySet().stream().map(c -> c.getKey() + ": " + c.getValue())
                .collect(Collectors.joining("; ")));
        e.put("software", "Encore " + software.encore() + ", Java " + software.java());
        return e;
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.set("data", JSON.valueToTree(data));
        o.set("split", JSON.valueToTree(split));
        o.set("lists", JSON.valueToTree(lists));
        o.set("checkpoints", JSON.valueToTree(checkpoints));
        o.set("software", JSON.valueToTree(software));
        ObjectNode text = o.putObject("text");
        entries().forEach(text::put);
        return o;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
