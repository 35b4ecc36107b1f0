package org.encore.cli;

import org.encore.data.Dataset;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;
import org.encore.recommend.baseline.Ease;
import org.encore.recommend.baseline.MostPopular;
import org.encore.training.Engine;
import org.encore.training.TrainingException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/** Shared parsing of model lists and numbers for the recommend and evaluate commands. */
final class ModelArguments {
    /** EASE's lambda when none is given: the value chosen on ml-latest-small's validation users (bench/evaluation.md). */
    static final double DEFAULT_EASE_LAMBDA = 200;

    private ModelArguments() {
    }

    /** Splits "a,b , c" into trimmed non-empty items. */
    static List<String> items(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
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
     * "popular", "ease" (lambda {@value #DEFAULT_EASE_LAMBDA}) or "ease:LAMBDA".
     */
    static RowScorer scorer(String item, Dataset dataset, Engine engine) throws IOException, TrainingException {
        int[] allUsers = IntStream.range(0, dataset.ratings().userCount()).toArray();
        if (item.startsWith("ease:")) {
            double lambda;
            try {
                lambda = Double.parseDouble(item.substring("ease:".length()));
            } catch (NumberFormatException e) {
                throw new IOException("model '" + item + "': expected ease:LAMBDA with a number above 0");
            }
            return Ease.fit(dataset.ratings(), allUsers, lambda, false, ModelSpec.REFERENCE_SCALE, engine.solver());
        }
        switch (item) {
            case "popular":
                return MostPopular.fit(dataset.ratings(), allUsers, ModelSpec.REFERENCE_SCALE);
            case "ease":
                return Ease.fit(dataset.ratings(), allUsers, DEFAULT_EASE_LAMBDA, false, ModelSpec.REFERENCE_SCALE, engine.solver());
            default:
                Path dir = Path.of(item);
                if (!Files.isDirectory(dir)) {
                    throw new IOException("model '" + item + "' is not a run folder (nor popular, ease or ease:LAMBDA)");
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
