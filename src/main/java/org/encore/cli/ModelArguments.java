package org.encore.cli;

import org.encore.data.Dataset;
import org.encore.model.RowScorer;
import org.encore.recommend.baseline.Baselines;
import org.encore.training.Engine;
import org.encore.training.TrainingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shared parsing of model lists and numbers for the recommend and evaluate commands. */
final class ModelArguments {
    /** EASE's lambda when none is given. */
    static final double DEFAULT_EASE_LAMBDA = Baselines.DEFAULT_EASE_LAMBDA;
    private static final String EASE_PREFIX = "ease:";

    private ModelArguments() {
    }

    /** Splits "a,b , c" into trimmed non-empty items. */
    static List<String> items(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Comma-separated numbers, each in {@code range}. */
    static double[] numbers(String option, String commaSeparated, Range range) throws UsageException {
        double[] values = numbers(option, commaSeparated);
        for (double value : values) {
            if (!range.contains(value)) {
                throw new UsageException("--" + option + " values must each be " + range.describe() + ", got " + value);
            }
        }
        return values;
    }

    /** The {@code ease:LAMBDA} items must carry a number above 0: checked before any data is read. */
    static void checkBaselineItems(List<String> items) throws UsageException {
        for (String item : items) {
            if (item.startsWith(EASE_PREFIX) && !Range.above(0).contains(easeLambda(item))) {
                throw new UsageException("model '" + item + "': expected ease:LAMBDA with a number above 0");
            }
        }
    }

    /** The number after "ease:", NaN when it is not one. */
    private static double easeLambda(String item) {
        try {
            return Double.parseDouble(item.substring(EASE_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static double[] numbers(String option, String commaSeparated) throws UsageException {
        List<String> items = items(commaSeparated);
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = Double.parseDouble(items.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + option + " expects comma-separated numbers, got '" + items.get(i) + "'");
            }
        }
        if (values.length == 0) {
            throw new UsageException("--" + option + " needs at least one number");
        }
        return values;
    }

    /**
     * A model for the recommend command: a run folder, or a baseline fitted on every user of the dataset:
     * "popular", "bias" (global mean + user and movie biases), "ease" (lambda {@value #DEFAULT_EASE_LAMBDA}) or "ease:LAMBDA".
     */
    static RowScorer scorer(String item, Dataset dataset, Engine engine) throws IOException, TrainingException {
        if (item.startsWith(EASE_PREFIX)) {
            double lambda = easeLambda(item);
            if (!Range.above(0).contains(lambda)) {
                throw new IOException("model '" + item + "': expected ease:LAMBDA with a number above 0");
            }
            return Baselines.ease(dataset.ratings(), lambda, engine.solver());
        }
        switch (item) {
            case "popular":
                return Baselines.popular(dataset.ratings());
            case "bias":
                return Baselines.bias(dataset.ratings());
            case "ease":
                return Baselines.ease(dataset.ratings(), DEFAULT_EASE_LAMBDA, engine.solver());
            default:
                Path dir = Path.of(item);
                if (!Files.isDirectory(dir)) {
                    throw new IOException("model '" + item + "' is not a run folder (nor popular, bias, ease or ease:LAMBDA)");
                }
                return engine.load(dir, dataset);
        }
    }

    static List<RowScorer> scorers(List<String> items, Dataset dataset, Engine engine) throws IOException, TrainingException {
        List<RowScorer> list = new ArrayList<>();
        for (String item : items) {
            list.add(scorer(item, dataset, engine));
        }
        return list;
    }
}
