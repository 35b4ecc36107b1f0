package org.encore.cli;

import org.encore.data.AtomicFiles;
import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.data.MovieRatingsFilter;
import org.encore.evaluation.EvaluationReport;
import org.encore.evaluation.EvaluationRequest;
import org.encore.evaluation.Evaluator;
import org.encore.evaluation.SplitSettings;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.RowScorer;
import org.encore.model.SpecFiles;
import org.encore.training.EpochMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingListener;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code encore evaluate}: held-out evaluation (strong generalisation) of presets, specs or run folders against
 * the most-popular and EASE baselines. Progress goes to standard error, the table (or JSON) to standard output.
 */
public final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate --data PATH [--models model1,model2,model3,model4|SPEC.json|RUN_DIR,...|none] "
                + "[--baselines popular,ease|none] [--epochs N] [--seed S] [--ease-lambda L1,L2...] [--ease-ratings] "
                + "[--validation-fraction F] [--test-fraction F] [--min-ratings N] [--min-movie-ratings N] [--json] [--json-out FILE]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("data", "models", "baselines", "epochs", "seed", "ease-lambda",
                "validation-fraction", "test-fraction", "min-ratings", "min-movie-ratings", "json-out"), List.of("json", "ease-ratings"));
        long seed = a.longValue("seed", 42);
        Integer epochs = a.has("epochs") ? a.integer("epochs", 0) : null;
        if (epochs != null && epochs < 1) {
            throw new UsageException("--epochs must be at least 1, got " + epochs);
        }
        List<String> baselines = ModelArguments.items(a.string("baselines", "popular,ease"));
        boolean popular = false;
        boolean ease = false;
        for (String b : baselines) {
            switch (b) {
                case "popular" -> popular = true;
                case "ease" -> ease = true;
                case "none" -> { }
                default -> throw new UsageException("unknown baseline '" + b + "', expected popular, ease or none");
            }
        }
        double[] lambdas = a.has("ease-lambda") ? ModelArguments.numbers("ease-lambda", a.required("ease-lambda")) : null;
        if (lambdas != null && Arrays.stream(lambdas).anyMatch(l -> !(l > 0))) {
            throw new UsageException("--ease-lambda values must be above 0");
        }
        SplitSettings settings;
        try {
            settings = new SplitSettings(a.decimal("validation-fraction", 0.1), a.decimal("test-fraction", 0.1), 0.8,
                    a.integer("min-ratings", 5), seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> modelItems = ModelArguments.items(a.string("models", String.join(",", Presets.NAMES)));

        Path data = a.path("data");
        err.println("loading " + data);
        Dataset dataset = MovieLensLoader.load(data);
        int minMovieRatings = a.integer("min-movie-ratings", 1);
        if (minMovieRatings < 1) {
            throw new UsageException("--min-movie-ratings must be at least 1, got " + minMovieRatings);
        }
        if (minMovieRatings > 1) {
            int before = dataset.ratings().movieCount();
            dataset = MovieRatingsFilter.apply(dataset, minMovieRatings);
            err.printf(Locale.ROOT, "kept the %,d of %,d movies rated by at least %d users (%,d ratings)%n",
                    dataset.ratings().movieCount(), before, minMovieRatings, dataset.ratings().ratingCount());
        }
        List<ModelSpec> specs = new ArrayList<>();
        List<RowScorer> loaded = new ArrayList<>();
        List<TrainedModel> loadedRuns = new ArrayList<>();
        for (String item : modelItems) {
            if (item.equals("none")) {
                continue;
            }
            ModelSpec preset = Presets.byName(item);
            Path path = Path.of(item);
            if (preset != null) {
                specs.add(preset);
            } else if (item.endsWith(".json") && Files.isRegularFile(path)) {
                specs.add(SpecFiles.read(path));
            } else if (Files.isDirectory(path)) {
                TrainedModel model = TrainedModel.load(path, dataset);
                loaded.add(model);
                loadedRuns.add(model);
            } else {
                throw new UsageException("model '" + item + "' is neither a preset (" + String.join(", ", Presets.NAMES)
                        + "), a spec .json file nor a run folder");
            }
        }
        if (specs.isEmpty() && loaded.isEmpty() && !popular && !ease) {
            throw new UsageException("nothing to evaluate: give --models or --baselines");
        }

        Evaluator evaluator = new Evaluator(dataset, settings);
        warnAboutLeakage(evaluator, dataset, loadedRuns, err);
        EvaluationRequest request = new EvaluationRequest(specs, loaded, popular, ease, lambdas, a.flag("ease-ratings"),
                epochs, true);
        EvaluationReport report = evaluator.run(request, Evaluator.dl4j(epochPrinter(err)), err::println,
                CancellationToken.none());
        if (a.has("json-out")) {
            AtomicFiles.writeString(Path.of(a.required("json-out")), report.toJson().toPrettyString() + System.lineSeparator());
        }
        if (a.flag("json")) {
            out.println(report.toJson().toString());
        } else {
            out.println(dataset.release() + ": " + report.protocol());
            out.println("epochs: " + (epochs == null ? "each spec's own" : epochs) + "; settings chosen on the "
                    + report.split().validation().size() + " validation users, numbers below on the "
                    + report.split().test().size() + " test users");
            out.println();
            out.print(report.table());
            out.println();
            report.test().forEach(r -> out.println(r.name() + ": " + r.note()
                    + (r.fitSeconds() > 0 ? String.format(Locale.ROOT, " (%.1f s)", r.fitSeconds()) : "")));
        }
        return Main.OK;
    }

    private static TrainingListener epochPrinter(PrintStream err) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics m) {
                err.printf(Locale.ROOT, "  epoch %d: loss %.5f, validation mse %.5f, rated rmse %.3f (%.1f s)%n",
                        m.epoch(), m.loss(), m.validation().mse(), m.validation().ratedRmse(), m.seconds());
            }
        };
    }

    /** A run folder trained on other users may have seen the held-out users: say how many. */
    private static void warnAboutLeakage(Evaluator evaluator, Dataset dataset, List<TrainedModel> runs, PrintStream err) {
        Set<Integer> heldOut = new HashSet<>();
        for (int row : evaluator.split().test().rows()) {
            heldOut.add(dataset.ratings().users().idAt(row));
        }
        for (TrainedModel run : runs) {
            long overlap = Arrays.stream(run.trainUserIds()).filter(heldOut::contains).count();
            if (overlap > 0) {
                err.printf(Locale.ROOT, "warning: run '%s' was trained on %d of the %d test users; its numbers are optimistic%n",
                        run.name(), overlap, heldOut.size());
            }
        }
    }
}
