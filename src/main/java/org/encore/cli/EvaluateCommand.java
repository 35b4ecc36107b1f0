package org.encore.cli;

import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.data.MovieRatingsFilter;
import org.encore.data.OutputPaths;
import org.encore.evaluation.EvaluationReport;
import org.encore.evaluation.EvaluationRequest;
import org.encore.evaluation.Evaluator;
import org.encore.evaluation.HtmlReport;
import org.encore.evaluation.MultiSeedEvaluation;
import org.encore.evaluation.MultiSeedReport;
import org.encore.evaluation.ReportCsv;
import org.encore.evaluation.SplitSettings;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.RowScorer;
import org.encore.model.SpecFiles;
import org.encore.training.Engine;
import org.encore.training.EpochMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    private final Engine engine;

    public EvaluateCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String usage() {
        return "evaluate --data PATH [--models model1,model2,model3,model4|SPEC.json|RUN_DIR,...|none] "
                + "[--baselines popular,bias,ease|none] [--epochs N] [--seed S] [--ease-lambda L1,L2...] [--ease-ratings] "
                + "[--validation-fraction F] [--test-fraction F] [--min-ratings N] [--relevance STARS] [--min-movie-ratings N] [--seeds S1,S2,...] "
                + "[--json] [--json-out FILE] [--report FILE.html] [--csv FILE] [--overwrite]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("data", "models", "baselines", "epochs", "seed", "ease-lambda",
                "validation-fraction", "test-fraction", "min-ratings", "relevance", "min-movie-ratings", "json-out", "seeds", "report", "csv"),
                List.of("json", "ease-ratings", Args.OVERWRITE));
        // every option is checked, the output files included, before any data is read
        Path jsonOut = a.outputFile("json-out");
        Path reportFile = a.outputFile("report");
        Path csvFile = a.outputFile("csv");
        long seed = a.longValue("seed", 42);
        List<Long> seeds = seeds(a, seed);
        Integer epochs = a.has("epochs") ? a.integer("epochs", 0, Range.atLeast(1)) : null;
        List<String> baselines = ModelArguments.items(a.string("baselines", "popular,ease"));
        boolean popular = false;
        boolean bias = false;
        boolean ease = false;
        for (String b : baselines) {
            switch (b) {
                case "popular" -> popular = true;
                case "bias" -> bias = true;
                case "ease" -> ease = true;
                case "none" -> { }
                default -> throw new UsageException("unknown baseline '" + b + "', expected popular, bias, ease or none");
            }
        }
        double[] lambdas = a.has("ease-lambda") ? ModelArguments.numbers("ease-lambda", a.required("ease-lambda")) : null;
        if (lambdas != null && Arrays.stream(lambdas).anyMatch(l -> !(l > 0))) {
            throw new UsageException("--ease-lambda values must be above 0");
        }
        SplitSettings settings;
        try {
            settings = new SplitSettings(a.decimal("validation-fraction", 0.1), a.decimal("test-fraction", 0.1), 0.8,
                    a.integer("min-ratings", 5), seed, a.decimal("relevance", SplitSettings.DEFAULT_RELEVANT_RATING));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> modelItems = ModelArguments.items(a.string("models", String.join(",", Presets.REFERENCE_NAMES)));

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
                TrainedModel model = engine.load(path, dataset);
                loaded.add(model);
                loadedRuns.add(model);
            } else {
                throw new UsageException("model '" + item + "' is neither a preset (" + String.join(", ", Presets.NAMES)
                        + "), a spec .json file nor a run folder");
            }
        }
        if (specs.isEmpty() && loaded.isEmpty() && !popular && !bias && !ease) {
            throw new UsageException("nothing to evaluate: give --models or --baselines");
        }

        MultiSeedEvaluation evaluation = new MultiSeedEvaluation(dataset, settings, seeds);
        for (long s : loadedRuns.isEmpty() ? List.<Long>of() : seeds) {
            warnAboutLeakage(evaluation.evaluator(s), dataset, loadedRuns, err);
        }
        EvaluationRequest request = new EvaluationRequest(specs, loaded, popular, ease, lambdas, a.flag("ease-ratings"),
                epochs, true, bias);
        TrainingSession session = new TrainingSession(engine, dataset);
        MultiSeedReport results = evaluation.run(request, Evaluator.training(session, spec -> epochPrinter(err, spec.loss().predictsRatings())), engine.solver(),
                err::println, CancellationToken.none());
        EvaluationReport report = results.perSeed().get(0);
        if (jsonOut != null) {
            writeText(jsonOut, results.toJson().toPrettyString() + System.lineSeparator(), a);
        }
        if (reportFile != null) {
            writeText(reportFile, HtmlReport.of(results), a);
            err.println("report written to " + reportFile);
        }
        if (csvFile != null) {
            writeText(csvFile, ReportCsv.of(results), a);
            err.println("table written to " + csvFile);
        }
        if (a.flag("json")) {
            out.println(results.toJson().toString());
        } else if (seeds.size() > 1) {
            printCard(results, out);
            out.println("numbers below: test users, mean over seeds [95% Student-t interval over seeds]");
            out.println();
            out.print(results.table());
            out.println();
            results.sentences().forEach(out::println);
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
            out.println();
            printCard(results, out);
            results.sentences().forEach(out::println);
        }
        return Main.OK;
    }

    /** --seeds S1,S2,... (distinct whole numbers), or the single --seed; not both. */
    private static List<Long> seeds(Args a, long seed) throws UsageException {
        if (!a.has("seeds")) {
            return List.of(seed);
        }
        if (a.has("seed")) {
            throw new UsageException("give --seed or --seeds, not both");
        }
        List<Long> seeds = new ArrayList<>();
        for (String item : ModelArguments.items(a.required("seeds"))) {
            try {
                seeds.add(Long.parseLong(item));
            } catch (NumberFormatException e) {
                throw new UsageException("--seeds expects comma-separated whole numbers, got '" + item + "'");
            }
        }
        if (seeds.isEmpty() || new HashSet<>(seeds).size() != seeds.size()) {
            throw new UsageException("--seeds needs one or more distinct whole numbers, got '" + a.required("seeds") + "'");
        }
        return seeds;
    }

    /**
     * The output-path check of this command: an existing file is refused unless --overwrite was given (checked
     * before any training, so that a long run never ends in a refusal). One method, to be pointed at the general
     * output-path policy when there is one.
     */
    /** Writes an export through the output-path policy (a regular file, replaced only with --overwrite). */
    private static void writeText(Path file, String text, Args a) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        OutputPaths.writeFile(file, a.overwrite(), to -> to.write(bytes));
    }

    private static void printCard(MultiSeedReport results, PrintStream out) {
        out.println("protocol card:");
        results.card().entries().forEach((label, text) -> out.println("  " + label + ": " + text));
        out.println();
    }

    /**
     * One line per epoch; the validation MSE and rated RMSE only for a model that predicts ratings (a ranking model's
     * outputs are logits or probabilities, not rating / 5, so those two numbers would mean nothing).
     */
    private static TrainingListener epochPrinter(PrintStream err, boolean predictsRatings) {
        return new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics m) {
                String regression = predictsRatings ? String.format(Locale.ROOT, ", validation mse %.5f, rated rmse %.3f",
                        m.validation().mse(), m.validation().ratedRmse()) : "";
                err.printf(Locale.ROOT, "  epoch %d: loss %.5f%s, ndcg@100 %.4f, recall@20 %.4f%s (%.1f s)%n",
                        m.epoch(), m.loss(), regression, m.validationNdcg100(), m.validationRecall20(),
                        m.coding() == null ? ""
                                : String.format(Locale.ROOT, ", kl %.3f beta %.3f", m.coding().kl(), m.coding().beta()),
                        m.seconds());
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
