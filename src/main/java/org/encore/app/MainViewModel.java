package org.encore.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.data.DataFormatException;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.training.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The main window's state: opening datasets in the background (progress, cancel, errors that keep the old
 * dataset), the status bar texts, recent datasets and the theme.
 */
public final class MainViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);

    private final Workbench workbench;
    private final DatasetOpener opener;
    private final AppPreferences preferences;
    private final Executor background;
    private final Executor ui;
    private final Engine engine;

    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyDoubleWrapper loadProgress = new ReadOnlyDoubleWrapper(this, "loadProgress");
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper(this, "loadingText", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper datasetSummary = new ReadOnlyStringWrapper(this, "datasetSummary", "No dataset");
    private final ReadOnlyStringWrapper backendText = new ReadOnlyStringWrapper(this, "backendText", "Engine: loading…");
    private final ReadOnlyStringWrapper memoryText = new ReadOnlyStringWrapper(this, "memoryText", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Encore");
    private final ObservableList<String> recentDatasets = FXCollections.observableArrayList();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private BackgroundTask<?> currentLoad;

    public MainViewModel(Workbench workbench, Engine engine, DatasetOpener opener, AppPreferences preferences,
                         Executor background, Executor ui) {
        this.engine = engine;
        this.workbench = workbench;
        this.opener = opener;
        this.preferences = preferences;
        this.background = background;
        this.ui = ui;
        recentDatasets.setAll(preferences.recentDatasets());
        darkTheme.set(preferences.darkTheme());
        darkTheme.addListener((obs, old, dark) -> preferences.setDarkTheme(dark));
        workbench.datasetProperty().addListener((obs, old, dataset) -> describe(dataset));
        describe(workbench.dataset());
    }

    /** Opens {@code source} in the background; on failure {@link #errorProperty()} says why and the open dataset stays. */
    public void open(Path source) {
        if (loading.get()) {
            return;
        }
        loading.set(true);
        loadProgress.set(0);
        loadingText.set("Opening " + source.getFileName() + "…");
        error.set(null);
        currentLoad = BackgroundTask.wrap((progress, cancel) -> {
                    Dataset dataset = opener.open(source, (done, total) -> {
                        if (total > 0) {
                            progress.accept(Math.min(1, (double) done / total));
                        }
                    }, cancel);
                    cancel.throwIfCancelled();
                    return new Opened(dataset, DatasetStatistics.of(dataset));
                })
                .onProgress(loadProgress::set)
                .onSuccess(opened -> {
                    workbench.setDataset(opened.dataset(), opened.statistics());
                    // normalised: "./sample-data" and "x/../sample-data" are one entry in the recent list
                    recentDatasets.setAll(preferences.addRecentDataset(source.toAbsolutePath().normalize().toString()));
                    loading.set(false);
                    loadingText.set("");
                })
                .onCancelled(() -> {
                    loading.set(false);
                    loadingText.set("Opening cancelled");
                })
                .onFailure(e -> {
                    if (!(e instanceof DataFormatException)) {
                        LOG.warn("cannot open {}", source, e);
                    }
                    loading.set(false);
                    loadingText.set("");
                    // a data format error already names the file and line
                    error.set(e instanceof DataFormatException ? e.getMessage() : source + ": " + BackgroundTask.describe(e));
                })
                .executeWith(background, ui);
    }

    /** A dataset and its statistics, both computed off the FX thread. */
    private record Opened(Dataset dataset, DatasetStatistics statistics) {
    }

    public void cancelOpen() {
        BackgroundTask<?> task = currentLoad;
        if (task != null) {
            task.cancel();
        }
    }

    /** The dialog has shown the error. */
    public void clearError() {
        error.set(null);
    }

    /** Asks the engine what it runs on, off the FX thread: loading it takes seconds and native libraries. */
    public void detectBackend() {
        BackgroundTask.wrap(this::engineDescription)
                .onSuccess(text -> {
                    backendText.set(text);
                    workbench.markBackendReady();
                })
                .executeWith(background, ui);
    }

    /** Updates the memory text; call it on the FX thread now and then. */
    public void refreshMemory() {
        Runtime runtime = Runtime.getRuntime();
        long used = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long max = runtime.maxMemory() >> 20;
        String text = String.format(Locale.ROOT, "Heap %,d / %,d MB", used, max);
        // the process size reads a JavaCPP counter: only once the background has loaded the native libraries
        if (workbench.backendReadyProperty().get()) {
            text += String.format(Locale.ROOT, " · process %,d MB", engine.processBytes() >> 20);
        }
        memoryText.set(text);
    }

    /** The engine's description, or why it cannot run (its native libraries failed to load). */
    private String engineDescription() {
        try {
            return engine.description();
        } catch (Throwable e) {
            return "Engine unavailable: " + e.getMessage();
        }
    }

    private void describe(Dataset dataset) {
        if (dataset == null) {
            datasetSummary.set("No dataset");
            title.set("Encore");
            return;
        }
        String name = dataset.source().getFileName() == null ? dataset.source().toString() : dataset.source().getFileName().toString();
        // the release only when the name does not already say it: "ml-latest-small (ml-latest-small)" wastes the status bar
        String release = name.toLowerCase(Locale.ROOT).startsWith(dataset.release().toLowerCase(Locale.ROOT)) ? "" : " (" + dataset.release() + ")";
        datasetSummary.set(String.format(Locale.ROOT, "%s%s · %,d users · %,d movies · %,d ratings", name, release,
                dataset.ratings().userCount(), dataset.ratings().movieCount(), dataset.ratings().ratingCount()));
        title.set("Encore — " + name);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty loadProgressProperty() {
        return loadProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    /** The last failure's message (file and line for bad data), or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty datasetSummaryProperty() {
        return datasetSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty backendTextProperty() {
        return backendText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty memoryTextProperty() {
        return memoryText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ObservableList<String> recentDatasets() {
        return FXCollections.unmodifiableObservableList(recentDatasets);
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public Workbench workbench() {
        return workbench;
    }
}
