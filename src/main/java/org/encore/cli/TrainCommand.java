package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.encore.training.EpochMetrics;
import org.encore.training.RunControl;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainingListener;
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
                + "[--users-fraction F] [--batch B] [--patience P] [--selection loss|ndcg100] [--exact-train-metrics] [--json] "
                + "[--overwrite]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args parsed = Args.parse(args,
                List.of("data", "model", "out", "epochs", "seed", "users-fraction", "batch", "patience", "selection"),
                List.of("json", "exact-train-metrics", Args.OVERWRITE));
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
        ObjectMapper mapper = new ObjectMapper();
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
            return trainAndSave(session, spec, plan, outDir, overwrite, json, mapper, out, control);
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
                                    Overwrite overwrite, boolean json, ObjectMapper mapper, PrintStream out,
                                    RunControl control) throws Exception {
        TrainingSession.Outcome outcome = session.train(spec, plan, new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics m) {
                if (json) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("epoch", m.epoch());
                    line.set("train", split(mapper, m.train()));
                    line.put("trainMetrics", m.trainKind().label());
                    ObjectNode validation = split(mapper, m.validation());
                    validation.put("ndcg100", m.validationNdcg100());
                    validation.put("recall20", m.validationRecall20());
                    line.set("validation", validation);
                    if (m.coding() != null) {
                        line.put("kl", m.coding().kl());
                        line.put("beta", m.coding().beta());
                    }
                    line.put("loss", m.loss());
                    line.put("seconds", m.seconds());
                    line.put("samplesPerSecond", m.samplesPerSecond());
                    out.println(line);
                } else if (!spec.loss().predictsRatings()) {
                    // a ranking model's outputs are not rating / 5: its MSE, R² and rated errors would mean nothing
                    out.printf(Locale.ROOT, "epoch %3d  loss %.6f | validation ndcg@100 %.4f recall@20 %.4f%s | %.1f s, %.0f samples/s%n",
                            m.epoch(), m.loss(), m.validationNdcg100(), m.validationRecall20(), m.coding() == null ? ""
                                    : String.format(Locale.ROOT, " | kl %.4f beta %.4f", m.coding().kl(), m.coding().beta()),
                            m.seconds(), m.samplesPerSecond());
                } else {
                    out.printf(Locale.ROOT, "epoch %3d  loss %.6f  train (%s) mse %.6f mae %.6f r2 %.4f r2flat %.4f | "
                                    + "validation mse %.6f mae %.6f r2 %.4f r2flat %.4f rated rmse %.3f mae %.3f stars "
                                    + "ndcg@100 %.4f recall@20 %.4f%s | %.1f s, %.0f samples/s%n",
                            m.epoch(), m.loss(), m.trainKind().label(), m.train().mse(), m.train().mae(), m.train().r2(), m.train().r2Flat(),
                            m.validation().mse(), m.validation().mae(), m.validation().r2(), m.validation().r2Flat(),
                            m.validation().ratedRmse(), m.validation().ratedMae(), m.validationNdcg100(),
                            m.validationRecall20(), m.coding() == null ? ""
                                    : String.format(Locale.ROOT, " | kl %.4f beta %.4f", m.coding().kl(), m.coding().beta()),
                            m.seconds(), m.samplesPerSecond());
                }
                out.flush();
            }
        }, control);
        session.save(outcome, outDir, overwrite);
        if (!json) {
            out.println(outcome.message() + "; run saved to " + outDir + " (device " + outcome.model().device() + ")");
        }
        return Main.OK;
    }

    private static ObjectNode split(ObjectMapper mapper, SplitMetrics s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("mse", s.mse());
        node.put("mae", s.mae());
        node.put("r2", s.r2());
        node.put("r2Flat", s.r2Flat());
        node.put("ratedRmse", s.ratedRmse());
        node.put("ratedMae", s.ratedMae());
        return node;
    }
}
