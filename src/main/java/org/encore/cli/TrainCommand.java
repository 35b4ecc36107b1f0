package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.SpecError;
import org.encore.model.SpecFiles;
import org.encore.model.SpecValidator;
import org.encore.training.EpochMetrics;
import org.encore.training.TrainMetricsKind;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.Trainer;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./encore train}: trains a preset or a spec file on a dataset with the reference protocol, prints one line
 * (or one JSON object) per epoch and writes the run folder.
 */
public final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String usage() {
        return "train --data PATH --model model1|model2|model3|model4|SPEC.json --out DIR [--epochs N] [--seed S] "
                + "[--users-fraction F] [--batch B] [--patience P] [--exact-train-metrics] [--json]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args parsed = Args.parse(args,
                List.of("data", "model", "out", "epochs", "seed", "users-fraction", "batch", "patience"),
                List.of("json", "exact-train-metrics"));
        Path data = parsed.path("data");
        String modelName = parsed.required("model");
        Path outDir = parsed.path("out");
        boolean json = parsed.flag("json");

        ModelSpec spec = Presets.byName(modelName);
        if (spec == null) {
            Path specFile = Path.of(modelName);
            if (!Files.isRegularFile(specFile)) {
                throw new UsageException("--model expects model1, model2, model3, model4 or a spec JSON file; '"
                        + modelName + "' is neither");
            }
            spec = SpecFiles.read(specFile);
        }
        if (parsed.has("epochs")) {
            spec = spec.withEpochs(parsed.integer("epochs", spec.epochs()));
        }
        if (parsed.has("seed")) {
            spec = spec.withSeed(parsed.longValue("seed", spec.seed()));
        }
        if (parsed.has("users-fraction")) {
            spec = spec.withUsersFraction(parsed.decimal("users-fraction", spec.usersFraction()));
        }
        if (parsed.has("batch")) {
            spec = spec.withBatchSize(parsed.integer("batch", spec.batchSize()));
        }
        int patience = parsed.integer("patience", 0);
        if (patience < 0) {
            throw new UsageException("--patience must be >= 0, got " + patience);
        }
        List<SpecError> errors = SpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            err.println("encore train: invalid spec " + spec.name() + ":");
            errors.forEach(e -> err.println("  " + e));
            return Main.ERROR;
        }

        Dataset dataset = MovieLensLoader.load(data);
        TrainingPlan plan = TrainingPlan.reference(spec, dataset.ratings());
        MemoryEstimate estimate = MemoryEstimate.of(spec, dataset.ratings().movieCount());
        if (!json) {
            out.printf(Locale.ROOT, "%s on %s: %d train / %d validation users, %d movies, batch %d, %d epochs, seed %d%n",
                    spec.name(), dataset.release(), plan.trainRows().length, plan.validationRows().length,
                    dataset.ratings().movieCount(), spec.batchSize(), spec.epochs(), spec.seed());
            out.println("  " + estimate.describe());
        }
        ObjectMapper mapper = new ObjectMapper();
        Trainer trainer = new Trainer(spec, dataset.ratings(), plan).earlyStopping(patience, true)
                .trainMetrics(parsed.flag("exact-train-metrics") ? TrainMetricsKind.EXACT : TrainMetricsKind.RUNNING);
        String[] outcome = new String[1];
        // Ctrl-C cancels between batches; the hook then waits until the run so far has been saved
        CancellationToken cancel = new CancellationToken();
        java.util.concurrent.CountDownLatch saved = new java.util.concurrent.CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancel.cancel();
            try {
                saved.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "encore-train-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            return trainAndSave(trainer, spec, dataset, outDir, json, mapper, out, cancel, outcome);
        } finally {
            saved.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting: the hook is running and has just been released
            }
        }
    }

    private static int trainAndSave(Trainer trainer, ModelSpec spec, Dataset dataset, Path outDir, boolean json,
                                    ObjectMapper mapper, PrintStream out, CancellationToken cancel, String[] outcome)
            throws Exception {
        TrainedModel model = trainer.train(new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics m) {
                if (json) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("epoch", m.epoch());
                    line.set("train", split(mapper, m.train()));
                    line.put("trainMetrics", m.trainKind().label());
                    line.set("validation", split(mapper, m.validation()));
                    line.put("loss", m.loss());
                    line.put("seconds", m.seconds());
                    line.put("samplesPerSecond", m.samplesPerSecond());
                    out.println(line);
                } else {
                    out.printf(Locale.ROOT, "epoch %3d  loss %.6f  train (%s) mse %.6f mae %.6f r2 %.4f r2flat %.4f | "
                                    + "validation mse %.6f mae %.6f r2 %.4f r2flat %.4f rated rmse %.3f mae %.3f stars | "
                                    + "%.1f s, %.0f samples/s%n",
                            m.epoch(), m.loss(), m.trainKind().label(), m.train().mse(), m.train().mae(), m.train().r2(), m.train().r2Flat(),
                            m.validation().mse(), m.validation().mae(), m.validation().r2(), m.validation().r2Flat(),
                            m.validation().ratedRmse(), m.validation().ratedMae(), m.seconds(), m.samplesPerSecond());
                }
                out.flush();
            }

            @Override
            public void runFinished(String message) {
                outcome[0] = message;
            }
        }, cancel);
        model.save(outDir, dataset);
        if (!json) {
            out.println(outcome[0] + "; run saved to " + outDir + " (device " + model.device() + ")");
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
