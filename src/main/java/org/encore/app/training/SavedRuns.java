package org.encore.app.training;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.data.Dataset;
import org.encore.data.OutputPaths;
import org.encore.training.DatasetIdentity;
import org.encore.training.RunFolder;
import org.encore.training.TrainingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The run folders under the runs directory that belong to the open dataset (by the dataset identity each
 * manifest records, read cheaply with {@link RunFolder#summary}), newest first, and a note on how many others are
 * hidden. The folders are read, and the dataset's identity hashed (a SHA-256 of every user and movie id: a
 * noticeable pause at ml-32m), on the background executor; the FX thread only swaps in the finished list, and a
 * listing overtaken by a newer refresh (another dataset opened meanwhile) is dropped. The lists and properties are
 * touched on the FX thread only.
 */
public final class SavedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(SavedRuns.class);
    private final Path runsDir;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();
    private final ObservableList<RunFolder.Summary> summaries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hiddenNote = new ReadOnlyStringWrapper(this, "hiddenNote", "");
    private final ReadOnlyObjectWrapper<Dataset> listedFor = new ReadOnlyObjectWrapper<>(this, "listedFor");
    /** The last identity hashed and its dataset, read and written by background work. */
    private volatile Identified identified;
    /** The newest refresh; only its listing is shown (FX thread). */
    private long generation;

    SavedRuns(Path runsDir, Executor background, Executor ui) {
        this.runsDir = runsDir;
        this.background = background;
        this.ui = ui;
    }

    /**
     * Re-reads the folders in the background (every run when {@code dataset} is null) and shows them when done,
     * unless a newer refresh has started meanwhile. {@code problems} hears, on the UI executor, why the runs
     * directory could not be listed.
     */
    void refresh(Dataset dataset, Consumer<String> problems) {
        long mine = ++generation;
        BackgroundTask.wrap(() -> list(dataset))
                .onSuccess(listing -> {
                    if (mine != generation) {
                        return;
                    }
                    show(dataset, listing);
                    if (listing.problem() != null) {
                        problems.accept(listing.problem());
                    }
                })
                .onFailure(e -> {
                    if (mine == generation) {
                        problems.accept("Cannot list " + runsDir + ": " + BackgroundTask.describe(e));
                    }
                })
                .executeWith(background, ui);
    }

    /** The runs of {@code dataset} and how many others there are; any thread. */
    private Listing list(Dataset dataset) {
        List<Path> found = new ArrayList<>();
        String problem = null;
        if (Files.isDirectory(runsDir)) {
            try (Stream<Path> dirs = Files.list(runsDir)) {
                // a crash may leave a half-built run in a hidden temporary sibling: never list it
                dirs.filter(Files::isDirectory).filter(d -> !OutputPaths.isTemporary(d))
                        .sorted(Comparator.comparing(Path::getFileName).reversed()).forEach(found::add);
            } catch (IOException e) {
                problem = "Cannot list " + runsDir + ": " + e.getMessage();
            }
        }
        DatasetIdentity open = dataset == null ? null : identity(dataset);
        List<RunFolder.Summary> mine = new ArrayList<>();
        int others = 0;
        for (Path dir : found) {
            try {
                RunFolder.Summary summary = RunFolder.summary(dir);
                if (open == null || summary.belongsTo(open)) {
                    mine.add(summary);
                } else {
                    others++;
                }
            } catch (IOException | TrainingException e) {
                LOG.debug("not a run folder: {}", dir, e);
                others++;
            }
        }
        return new Listing(List.copyOf(mine), others, problem);
    }

    private void show(Dataset dataset, Listing listing) {
        summaries.setAll(listing.runs());
        paths.setAll(listing.runs().stream().map(RunFolder.Summary::runDir).toList());
        int others = listing.others();
        hiddenNote.set(others == 0 ? "" : others + (others == 1 ? " saved run" : " saved runs")
                + " of other datasets (or unreadable) not listed");
        listedFor.set(dataset);
    }

    /** The dataset's identity, hashed once per dataset (refreshes after a training round reuse it). */
    private DatasetIdentity identity(Dataset dataset) {
        Identified last = identified;
        if (last != null && last.dataset() == dataset) {
            return last.identity();
        }
        DatasetIdentity identity = DatasetIdentity.of(dataset);
        identified = new Identified(dataset, identity);
        return identity;
    }

    private record Identified(Dataset dataset, DatasetIdentity identity) {
    }

    /** One listing of the runs directory: the open dataset's runs, newest first, and how many others there are. */
    private record Listing(List<RunFolder.Summary> runs, int others, String problem) {
    }

    public ObservableList<Path> paths() {
        return paths;
    }

    public ObservableList<RunFolder.Summary> summaries() {
        return summaries;
    }

    public ReadOnlyStringProperty hiddenNoteProperty() {
        return hiddenNote.getReadOnlyProperty();
    }

    /**
     * The dataset whose runs are listed now: it changes once the first listing for a newly opened dataset has been
     * shown (what reopening the runs remembered from last time waits for); null before any listing.
     */
    public ReadOnlyObjectProperty<Dataset> listedForProperty() {
        return listedFor.getReadOnlyProperty();
    }
}
