package org.encore.app;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.data.Dataset;
import org.encore.model.ModelSpec;
import org.encore.training.EpochMetrics;
import org.encore.training.LayerStatistics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingListener;

import java.nio.file.Path;
import java.util.List;

/**
 * A training run as the UI sees it: its spec, the per-epoch history as it grows, and once finished the trained
 * model and its run folder. Changed on the FX thread only, but for its epoch watcher: while it trains, a view may
 * watch the model after every epoch on the training thread ({@link #watchEpochs}).
 */
public final class TrainedRun {
    private final String name;
    private final ModelSpec spec;
    private final Dataset dataset;
    private final ObservableList<EpochMetrics> history = FXCollections.observableArrayList();
    private final ObservableList<List<LayerStatistics>> layerHistory = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<TrainedModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<Path> runDir = new ReadOnlyObjectWrapper<>(this, "runDir");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "queued");
    private volatile TrainingListener epochWatcher;

    public TrainedRun(String name, ModelSpec spec, Dataset dataset) {
        this.name = name;
        this.spec = spec;
        this.dataset = dataset;
    }

    /** A finished run reopened from its folder. */
    public static TrainedRun reopened(String name, TrainedModel model, Dataset dataset, Path dir) {
        TrainedRun run = new TrainedRun(name, model.spec(), dataset);
        run.history.setAll(model.history());
        run.finish(model, dir, "saved");
        return run;
    }

    /**
     * This run, cancelled, kept with the epochs so far: the same spec, dataset and history under a name that says
     * it stopped early (so the run list, the per-user panel and the Evaluation view all show it), finished.
     */
    public TrainedRun keptAfterStop(TrainedModel trained, Path dir, String text) {
        TrainedRun kept = new TrainedRun(name + " (stopped early)", spec, dataset);
        kept.history.setAll(history);
        kept.finish(trained, dir, text);
        return kept;
    }

    public String name() {
        return name;
    }

    public ModelSpec spec() {
        return spec;
    }

    /** The dataset it was trained on. */
    public Dataset dataset() {
        return dataset;
    }

    /** Epoch records so far, in order. */
    public ObservableList<EpochMetrics> history() {
        return history;
    }

    public void addEpoch(EpochMetrics metrics) {
        history.add(metrics);
    }

    /** Per-layer statistics of each epoch trained in this session, in order (empty for a reopened run). */
    public ObservableList<List<LayerStatistics>> layerHistory() {
        return layerHistory;
    }

    public void addLayerStatistics(List<LayerStatistics> statistics) {
        layerHistory.add(List.copyOf(statistics));
    }

    public void setStatus(String text) {
        status.set(text);
    }

    public void finish(TrainedModel trained, Path dir, String text) {
        model.set(trained);
        runDir.set(dir);
        status.set(text);
    }

    /** Whether it is training now: started ({@code "training"}) and not yet finished, failed or dropped. */
    public boolean training() {
        return model.get() == null && TRAINING.equals(status.get());
    }

    /** The status of a run being trained. */
    public static final String TRAINING = "training";

    /**
     * Has {@code watcher}'s {@link TrainingListener#epochModel} called after every epoch of this run, on the
     * training thread (null: none). One watcher at a time; the latest replaces the one before.
     */
    public void watchEpochs(TrainingListener watcher) {
        epochWatcher = watcher;
    }

    /** The watcher set by {@link #watchEpochs}, or null. */
    public TrainingListener epochWatcher() {
        return epochWatcher;
    }

    /** Passes the model after {@code epoch} to the watcher, if any (called by the trainer on the training thread). */
    public void epochModel(int epoch, TrainedModel live) {
        TrainingListener watcher = epochWatcher;
        if (watcher != null) {
            watcher.epochModel(epoch, live);
        }
    }

    public TrainedModel model() {
        return model.get();
    }

    public ReadOnlyObjectProperty<TrainedModel> modelProperty() {
        return model.getReadOnlyProperty();
    }

    public Path runDir() {
        return runDir.get();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public List<EpochMetrics> historySnapshot() {
        return List.copyOf(history);
    }

    @Override
    public String toString() {
        return name + " (" + status.get() + ")";
    }
}
