package org.encore.app.training;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.app.StatusMessage;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.AtomicFiles;
import org.encore.data.Dataset;
import org.encore.data.OutputPaths;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.model.ModelSpec;
import org.encore.training.Engine;
import org.encore.training.EpochMetrics;
import org.encore.training.LayerStatistics;
import org.encore.training.RunControl;
import org.encore.training.RunFolder;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Training: a queue of specs trained one after another on the background executor through the
 * {@link TrainingSession} (early stopping as each spec says), progress with time left,
 * pause / resume / cancel, the runs shown on the charts (the current one and any earlier ones overlaid), saved
 * run folders and CSV export. Epoch records reach the FX thread one by one through the UI executor, so none
 * is coalesced away.
 */
public final class TrainingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
    private static final DateTimeFormatter FOLDER_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Workbench workbench;
    private final Engine engine;
    private final Executor background;
    private final Executor ui;
    private final Path runsDir;
    private final ObservableList<TrainedRun> shown = FXCollections.observableArrayList();
    private final Map<TrainedRun, BooleanProperty> shownFlags = new IdentityHashMap<>();
    private final SavedRuns saved;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(this, "paused");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "Idle");
    private final StatusMessage message = new StatusMessage();
    private final ReadOnlyObjectWrapper<TrainedRun> currentRun = new ReadOnlyObjectWrapper<>(this, "currentRun");
    /** Pause, resume and cancel of the round being trained (one control for the whole queue). */
    private volatile RunControl control;

    public TrainingViewModel(Workbench workbench, Engine engine, Executor background, Executor ui, Path runsDir) {
        this.workbench = workbench;
        this.engine = engine;
        this.background = background;
        this.ui = ui;
        this.runsDir = runsDir;
        this.saved = new SavedRuns(runsDir, background, ui);
        workbench.datasetProperty().addListener((obs, old, dataset) -> refreshSavedRuns());
        refreshSavedRuns();
    }

    public ObservableList<ModelSpec> queue() {
        return workbench.trainingQueue();
    }

    public void enqueue(ModelSpec spec) {
        workbench.trainingQueue().add(spec);
    }

    /** Trains every queued spec in order; does nothing while a run is going or without a dataset. */
    public void trainQueue() {
        Dataset dataset = workbench.dataset();
        if (running.get()) {
            return;
        }
        if (dataset == null) {
            message.info("Open a dataset first");
            return;
        }
        if (queue().isEmpty()) {
            message.info("The queue is empty: add a spec from the list or the designer");
            return;
        }
        List<ModelSpec> specs = List.copyOf(queue());
        queue().clear();
        RunControl round = new RunControl();
        control = round;
        onCancel = OnCancel.DISCARD;
        running.set(true);
        paused.set(false);
        message.info("");
        TrainingSession session = new TrainingSession(engine, dataset);
        BackgroundTask.wrap(() -> {
                    for (int i = 0; i < specs.size() && !round.isCancelled(); i++) {
                        trainOne(specs.get(i), i + 1, specs.size(), session, round);
                    }
                    return round.isCancelled();
                })
                .onSuccess(cancelled -> finishRound(cancelled ? "Cancelled" : "Done"))
                .onFailure(e -> {
                    message.error("Training stopped: " + BackgroundTask.describe(e));
                    finishRound("Failed");
                })
                .executeWith(background, ui);
    }

    private void finishRound(String outcome) {
        running.set(false);
        paused.set(false);
        progressText.set(outcome);
        if ("Done".equals(outcome)) {
            progress.set(1);
        }
        refreshSavedRuns();
    }

    private void trainOne(ModelSpec spec, int position, int total, TrainingSession session, RunControl round) {
        Dataset dataset = session.dataset();
        TrainedRun run = new TrainedRun(runName(spec), spec, dataset);
        ui.execute(() -> {
            workbench.runs().add(run);
            shownFlag(run).set(true);
            currentRun.set(run);
            run.setStatus(TrainedRun.TRAINING);
            progress.set(0);
            progressText.set("Preparing " + run.name() + "…");
        });
        long started = System.nanoTime();
        AtomicBoolean progressPending = new AtomicBoolean();
        try {
            TrainingSession.Outcome outcome = session.train(spec, new TrainingListener() {
                @Override
                public void batchFinished(int epoch, int batch, int batchesPerEpoch) {
                    double done = ((epoch - 1) * (double) batchesPerEpoch + batch) / ((double) spec.training().epochs() * batchesPerEpoch);
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    // progress may be coalesced (only the latest matters), unlike epoch records
                    if (progressPending.compareAndSet(false, true)) {
                        ui.execute(() -> {
                            progressPending.set(false);
                            progress.set(done);
                            String line = progressLine(run.name(), position, total, epoch, spec.training().epochs(), batch, batchesPerEpoch, elapsed, done);
                            // the batch that was running when pause was pressed reports after it: keep saying paused
                            progressText.set(paused.get() ? PAUSED + line : line);
                        });
                    }
                }

                @Override
                public void epochFinished(EpochMetrics metrics) {
                    ui.execute(() -> run.addEpoch(metrics));
                }

                @Override
                public void layerStatistics(int epoch, List<LayerStatistics> statistics) {
                    ui.execute(() -> run.addLayerStatistics(statistics));
                }

                @Override
                public void epochModel(int epoch, TrainedModel live) {
                    run.epochModel(epoch, live); // the latent map's live mode, when it watches this run
                }
            }, round);
            TrainedModel model = outcome.model();
            if (outcome.cancelled()) {
                endCancelled(run, outcome, session);
                return;
            }
            // a fresh name, saved without overwriting: a run already saved is never replaced from the window
            Path dir = OutputPaths.freshFolder(runsDir, LocalDateTime.now().format(FOLDER_TIME) + "-" + safe(run.name()));
            String status = outcome.message();
            try {
                session.save(outcome, dir, Overwrite.REFUSE);
                ui.execute(() -> run.finish(model, dir, status + " · saved"));
            } catch (IOException e) {
                LOG.warn("cannot save run {}", dir, e);
                ui.execute(() -> {
                    run.finish(model, null, status + " · not saved: " + e.getMessage());
                    message.error("Cannot save the run to " + dir + ": " + e.getMessage());
                });
            }
        } catch (TrainingException | RuntimeException e) {
            LOG.warn("training {} failed", spec.name(), e);
            String text = e.getMessage() == null ? e.toString() : e.getMessage();
            ui.execute(() -> {
                run.setStatus("failed");
                message.error(run.name() + ": " + text);
            });
        }
    }

    /**
     * A cancelled run: kept (saved as a run folder whose name says it stopped early, and shown under a name that
     * says so everywhere: the run list, the per-user panel, the Evaluation view) when {@link #cancel(OnCancel)}
     * asked for it and at least one epoch finished; else dropped from every list.
     */
    private void endCancelled(TrainedRun run, TrainingSession.Outcome outcome, TrainingSession session) {
        TrainedModel model = outcome.model();
        int epochs = model.history().size();
        if (onCancel != OnCancel.KEEP || epochs == 0) {
            ui.execute(() -> {
                shownFlag(run).set(false);
                workbench.runs().remove(run);
            });
            return;
        }
        Path dir = OutputPaths.freshFolder(runsDir, LocalDateTime.now().format(FOLDER_TIME) + "-" + safe(run.name())
                + STOPPED_SUFFIX);
        String status = "stopped early by you after epoch " + epochs + " of " + run.spec().training().epochs();
        String problem = null;
        try {
            session.save(outcome, dir, Overwrite.REFUSE);
        } catch (IOException e) { // kept in the lists, unsaved, and said so
            LOG.warn("cannot save run {}", dir, e);
            problem = e.getMessage();
        }
        Path savedDir = problem == null ? dir : null;
        String failure = problem;
        ui.execute(() -> {
            TrainedRun kept = run.keptAfterStop(model, savedDir, status + (savedDir == null ? " · not saved: " + failure : " · saved"));
            shownFlag(run).set(false);
            int at = workbench.runs().indexOf(run);
            workbench.runs().add(at < 0 ? workbench.runs().size() : at, kept);
            workbench.runs().remove(run);
            shownFlag(kept).set(true);
            currentRun.set(currentRun.get() == run ? kept : currentRun.get());
            if (failure != null) {
                message.error("Cannot save the run to " + dir + ": " + failure);
            }
        });
    }

    /** Ends the name of a kept run's folder, so that it reads as stopped early when reopened. */
    public static final String STOPPED_SUFFIX = "-stopped-early";
    private volatile OnCancel onCancel = OnCancel.DISCARD;

    private static final String PAUSED = "Paused · ";

    static String progressLine(String name, int position, int total, int epoch, int epochs, int batch, int batches,
                               double elapsedSeconds, double done) {
        String left = done <= 0 ? "…" : duration(elapsedSeconds * (1 - done) / done);
        return String.format(Locale.ROOT, "%s (%d of %d) · epoch %d/%d · batch %d/%d · %s left",
                name, position, total, epoch, epochs, batch, batches, left);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private String runName(ModelSpec spec) {
        long same = workbench.runs().stream().filter(r -> r.spec().name().equals(spec.name())).count();
        return same == 0 ? spec.name() : spec.name() + " #" + (same + 1);
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    public void pause() {
        RunControl current = control;
        if (current == null || !running.get()) {
            return;
        }
        current.pause();
        paused.set(true);
        progressText.set(PAUSED + withoutPaused(progressText.get()));
    }

    public void resume() {
        RunControl current = control;
        if (current != null) {
            current.resume();
        }
        if (paused.get()) {
            paused.set(false);
            progressText.set(withoutPaused(progressText.get()));
        }
    }

    private static String withoutPaused(String text) {
        return text.startsWith(PAUSED) ? text.substring(PAUSED.length()) : text;
    }

    public void pauseOrResume() {
        if (paused.get()) {
            resume();
        } else {
            pause();
        }
    }

    /** Stops the current run between batches, discards it and drops the rest of this round. */
    public void cancel() {
        cancel(OnCancel.DISCARD);
    }

    /** Stops the current run between batches, keeps or discards it, and drops the rest of this round. */
    public void cancel(OnCancel what) {
        onCancel = what;
        RunControl current = control;
        if (current != null) {
            current.cancel();
        }
        resume();
    }

    // ---- charts ----

    /** Runs drawn on the charts. */
    public ObservableList<TrainedRun> shownRuns() {
        return shown;
    }

    /** Whether {@code run} is drawn; set it to overlay or hide a run. */
    public BooleanProperty shownFlag(TrainedRun run) {
        return shownFlags.computeIfAbsent(run, r -> {
            BooleanProperty flag = new SimpleBooleanProperty(r, "shown");
            flag.addListener((obs, old, on) -> {
                if (on && !shown.contains(r)) {
                    shown.add(r);
                } else if (!on) {
                    shown.remove(r);
                }
            });
            return flag;
        });
    }

    // ---- saved runs ----

    /**
     * Re-reads the run folders of the open dataset under the runs directory in the background
     * ({@link SavedRuns#refresh}); the list changes when the reading is done.
     */
    public void refreshSavedRuns() {
        saved.refresh(workbench.dataset(), message::error);
    }

    /** The saved runs of the open dataset (newest first) and the note on those hidden. */
    public SavedRuns saved() {
        return saved;
    }

    /** Reopens a saved run on the open dataset (in the background); a mismatch is reported, not loaded. */
    public void open(Path runDir) {
        Dataset dataset = workbench.dataset();
        if (dataset == null) {
            message.info("Open the dataset the run was trained on first");
            return;
        }
        Optional<TrainedRun> alreadyOpen = openRun(runDir, dataset);
        if (alreadyOpen.isPresent()) {
            // a second copy would list the same model twice in the charts and the per-user panel
            shownFlag(alreadyOpen.get()).set(true);
            message.info(runDir.getFileName() + " is already open");
            return;
        }
        message.info("Opening " + runDir.getFileName() + "…");
        BackgroundTask.wrap(() -> engine.load(runDir, dataset))
                .onSuccess(model -> {
                    if (openRun(runDir, dataset).isPresent()) {
                        return;
                    }
                    TrainedRun run = TrainedRun.reopened(runDir.getFileName().toString(), model, dataset, runDir);
                    workbench.runs().add(run);
                    shownFlag(run).set(true);
                    message.info("Opened " + runDir.getFileName());
                })
                .onFailure(e -> message.error("Cannot open " + runDir.getFileName() + ": " + BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }

    /** The run of this session or reopened that lives in {@code runDir} and was trained on {@code dataset}. */
    private Optional<TrainedRun> openRun(Path runDir, Dataset dataset) {
        Path wanted = runDir.toAbsolutePath().normalize();
        return workbench.runs().stream()
                .filter(r -> r.dataset() == dataset && r.runDir() != null && r.runDir().toAbsolutePath().normalize().equals(wanted))
                .findFirst();
    }

    // ---- export ----

    /** Writes {@code run}'s history as CSV, in the run folder's history.csv format ({@link RunFolder.HistoryCsv}). */
    public void exportHistory(TrainedRun run, Path file) throws IOException {
        AtomicFiles.writeString(file, historyCsv(run.historySnapshot()));
    }

    /** A run's history as CSV: the run folder's own history.csv format ({@link RunFolder.HistoryCsv}), one writer. */
    static String historyCsv(List<EpochMetrics> history) {
        return RunFolder.HistoryCsv.format(history);
    }

    /**
     * Writes {@code images} (file name to image) and each shown run's history CSV into {@code folder} in the
     * background; the status line says when it is done or what failed.
     */
    public void export(Map<String, BufferedImage> images, Path folder) {
        // the histories are read here, on the FX thread that appends to them
        Map<String, String> histories = new LinkedHashMap<>();
        shown.forEach(run -> histories.put(fileName(run) + "-history.csv", historyCsv(run.historySnapshot())));
        message.info("Exporting to " + folder + "…");
        BackgroundTask.wrap(() -> {
                    Files.createDirectories(folder);
                    for (Map.Entry<String, BufferedImage> image : images.entrySet()) {
                        AtomicFiles.write(folder.resolve(image.getKey()), out -> ImageIO.write(image.getValue(), "png", out));
                    }
                    for (Map.Entry<String, String> csv : histories.entrySet()) {
                        AtomicFiles.writeString(folder.resolve(csv.getKey()), csv.getValue());
                    }
                    return folder;
                })
                .onSuccess(done -> message.info("Exported charts and histories to " + done))
                .onFailure(e -> message.error("Cannot export to " + folder + ": " + BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }


    /** A file-name-safe form of the run's name. */
    public static String fileName(TrainedRun run) {
        return safe(run.name());
    }

    // ---- properties ----

    public ObservableList<TrainedRun> runs() {
        return workbench.runs();
    }

    public ObservableList<Path> savedRuns() {
        return saved.paths();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** The view's status line, and whether it is an error. */
    public StatusMessage message() {
        return message;
    }

    public ReadOnlyObjectProperty<TrainedRun> currentRunProperty() {
        return currentRun.getReadOnlyProperty();
    }

    public Workbench workbench() {
        return workbench;
    }
}
