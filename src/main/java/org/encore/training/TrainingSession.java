package org.encore.training;

import org.encore.data.Dataset;
import org.encore.model.ModelSpec;
import org.encore.model.SpecError;
import org.encore.model.SpecValidator;

import org.encore.data.OutputPaths;
import org.encore.data.OutputPaths.Overwrite;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one training use case, shared by {@code ./encore train}, the Training view and the evaluator: check the spec,
 * plan the users (the reference protocol unless a plan is given), train on the engine, keep how the run ended,
 * and write the run folder when asked. Early stopping is the spec's ({@code training.patience}), for every caller.
 */
public final class TrainingSession {
    private final Engine engine;
    private final Dataset dataset;

    public TrainingSession(Engine engine, Dataset dataset) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.dataset = Objects.requireNonNull(dataset, "dataset");
    }

    /**
     * How a run ended.
     *
     * @param model     the model as trained so far (after a cancel: the last complete batch's weights)
     * @param message   what the engine said at the end, e.g. "finished 30 epochs" or "stopped early after epoch 7: ..."
     * @param cancelled whether it was cancelled before its last epoch
     */
    public record Outcome(TrainedModel model, String message, boolean cancelled) {
    }

    public Engine engine() {
        return engine;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The reference protocol's users for {@code spec} on this dataset ({@link TrainingPlan#reference}). */
    public TrainingPlan referencePlan(ModelSpec spec) throws TrainingException {
        requireValid(spec);
        try {
            return TrainingPlan.reference(spec, dataset.ratings());
        } catch (IllegalArgumentException e) {
            throw new TrainingException(e.getMessage(), e);
        }
    }

    /** Trains {@code spec} with the reference plan. */
    public Outcome train(ModelSpec spec, TrainingListener listener, RunControl control) throws TrainingException {
        return train(spec, referencePlan(spec), listener, control);
    }

    /**
     * Trains {@code spec} on {@code plan}, reporting to {@code listener} (may be null); {@code control} (may be null)
     * pauses, resumes and cancels between batches.
     */
    public Outcome train(ModelSpec spec, TrainingPlan plan, TrainingListener listener, RunControl control)
            throws TrainingException {
        requireValid(spec);
        RunControl run = control == null ? new RunControl() : control;
        TrainingListener events = listener == null ? new TrainingListener() { } : listener;
        AtomicReference<String> ending = new AtomicReference<>();
        TrainedModel model = engine.train(spec, dataset.ratings(), plan, new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, int batchesPerEpoch) {
                events.batchFinished(epoch, batch, batchesPerEpoch);
            }

            @Override
            public void epochFinished(EpochMetrics metrics) {
                events.epochFinished(metrics);
            }

            @Override
            public void layerStatistics(int epoch, List<LayerStatistics> statistics) {
                events.layerStatistics(epoch, statistics);
            }

            @Override
            public void epochModel(int epoch, TrainedModel live) {
                events.epochModel(epoch, live);
            }

            @Override
            public void runFinished(String message) {
                ending.set(message);
                events.runFinished(message);
            }
        }, run);
        String message = ending.get() == null ? "finished " + model.history().size() + " epochs" : ending.get();
        return new Outcome(model, message, run.isCancelled());
    }

    /**
     * Writes {@code outcome}'s model to {@code runDir} as a run folder for this dataset, complete or not at all; an
     * existing run or a non-empty folder is replaced only when {@code overwrite} says so (see {@link OutputPaths}).
     */
    public Path save(Outcome outcome, Path runDir, Overwrite overwrite) throws IOException {
        outcome.model().save(runDir, dataset, overwrite);
        return runDir;
    }

    /** Loads a run folder saved on this dataset. */
    public TrainedModel load(Path runDir) throws IOException, TrainingException {
        return engine.load(runDir, dataset);
    }

    private static void requireValid(ModelSpec spec) throws TrainingException {
        List<SpecError> errors = SpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            throw new TrainingException("invalid spec: " + String.join("; ", errors.stream().map(SpecError::toString).toList()));
        }
    }
}
