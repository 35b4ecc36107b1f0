package org.encore.cli;

import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.SpecError;
import org.encore.model.SpecFiles;
import org.encore.model.SpecValidator;
import org.encore.model.TrainingSettings;
import org.encore.training.Engine;
import org.encore.training.RunControl;
import org.encore.training.TrainingPlan;
import org.encore.training.TrainingSession;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./encore train}: trains a preset or a spec file on a dataset with the reference protocol, prints one line
 * (or one JSON object) per epoch and writes the run folder, through the {@link TrainingSession} the Training view uses.
 */
public final class TrainCommand implements Command {
    private final Engine engine;

    public TrainCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "train --data PATH --model " + String.join("|", Presets.NAMES) + "|SPEC.json --out DIR [--epochs N] [--seed S] "
                + "[--users-fraction F] [--batch B] [--patience P] [--selection loss|ndcg100] [--exact-train-metrics] [--layers] [--json] "
                + "[--overwrite]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args parsed = Args.parse(args,
                List.of("data", "model", "out", "epochs", "seed", "users-fraction", "batch", "patience", "selection"),
                List.of("json", "exact-train-metrics", "layers", Args.OVERWRITE));
        // every option is checked, the output folder included, before the spec or any data is read
        Path data = parsed.path("data");
        String modelName = parsed.required("model");
        Path outDir = parsed.outputFolder("out");
        if (data.toAbsolutePath().normalize().startsWith(outDir.toAbsolutePath().normalize())) {
            throw new UsageException("--out " + outDir + " holds the dataset given to --data; it is never replaced by a run");
        }
        Overwrite overwrite = parsed.overwrite();
        boolean json = parsed.flag("json");
        OptionalInt epochs = parsed.optionalInteger("epochs", Range.atLeast(1));
        OptionalLong seed = parsed.optionalLong("seed");
        OptionalDouble usersFraction = parsed.optionalDecimal("users-fraction", Range.fraction());
        OptionalInt batch = parsed.optionalInteger("batch", Range.atLeast(1));
        int patience = parsed.integer("patience", 0, Range.atLeast(0));
        TrainingSettings.Selection selection = null;
        if (parsed.has("selection")) {
            try {
                selection = TrainingSettings.Selection.fromId(parsed.required("selection"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--selection: " + e.getMessage());
            }
        }

        ModelSpec spec = Presets.byName(modelName);
        if (spec == null) {
            Path specFile = Path.of(modelName);
            if (!Files.isRegularFile(specFile)) {
                throw new UsageException("--model expects " + String.join(", ", Presets.NAMES) + " or a spec JSON file; '"
                        + modelName + "' is neither");
            }
            spec = SpecFiles.read(specFile);
        }
        TrainingSettings.Builder training = spec.training().toBuilder();
        epochs.ifPresent(training::epochs);
        seed.ifPresent(training::seed);
        usersFraction.ifPresent(training::usersFraction);
        batch.ifPresent(training::batchSize);
        if (parsed.flag("exact-train-metrics")) {
            training.exactTrainMetrics(true);
        }
        if (patience > 0) {
            training.patience(patience);
        }
        if (selection != null) {
            training.selection(selection);
        }
        spec = spec.toBuilder().training(training.build()).build();
        List<SpecError> errors = SpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            err.println("encore train: invalid spec " + spec.name() + ":");
            errors.forEach(e -> err.println("  " + e));
            return Main.ERROR;
        }

        Dataset dataset = MovieLensLoader.load(data);
        TrainingSession session = new TrainingSession(engine, dataset);
        TrainingPlan plan = session.referencePlan(spec);
        MemoryEstimate estimate = MemoryEstimate.of(spec, dataset.ratings().movieCount());
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d train / %d validation users, %d movies, batch %d, %d epochs, seed %d%n",
                    spec.name(), dataset.release(), plan.trainRows().length, plan.validationRows().length,
                    dataset.ratings().movieCount(), spec.training().batchSize(), spec.training().epochs(), spec.training().seed());
            out.println("  " + estimate.describe());
        }
        TrainLines lines = new TrainLines(spec, json, parsed.flag("layers"), out);
        // Ctrl-C cancels between batches; the hook then waits until the run so far has been saved
        RunControl control = new RunControl();
        CountDownLatch saved = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            control.cancel();
            try {
                saved.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "encore-train-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return trainAndSave(session, spec, plan, outDir, overwrite, json, lines, out, control);
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook is running and has just been released
            }
        }
    }

    private static int trainAndSave(TrainingSession session, ModelSpec spec, TrainingPlan plan, Path outDir,
                                    Overwrite overwrite, boolean json, TrainLines lines, PrintStream out,
                                    RunControl control) throws Exception {
        TrainingSession.Outcome outcome = session.train(spec, plan, lines, control);
        session.save(outcome, outDir, overwrite);
        if (!json) {
            out.println(outcome.message() + "; run saved to " + outDir + " (device " + outcome.model().device() + ")");
        }
        return Main.OK;
    }
}
