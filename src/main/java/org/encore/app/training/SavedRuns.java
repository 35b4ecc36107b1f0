package org.encore.app.training;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
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
import java.util.stream.Stream;

/**
 * The run folders under the runs directory that belong to the open dataset (by the dataset identity each
 * manifest records, read cheaply with {@link RunFolder#summary}), newest first, and a note on how many others are
 * hidden. Touched on the FX thread only.
 */
public final class SavedRuns {
    private static final Logger LOG = LoggerFactory.getLogger(SavedRuns.class);
    private final Path runsDir;
    private final ObservableList<Path> paths = FXCollections.observableArrayList();
    private final ObservableList<RunFolder.Summary> summaries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper hiddenNote = new ReadOnlyStringWrapper(this, "hiddenNote", "");
    private DatasetIdentity identity;
    private Dataset identityOf;

    SavedRuns(Path runsDir) {
        this.runsDir = runsDir;
    }

    /** Re-reads the folders; every run when {@code dataset} is null. Returns a problem to report, or null. */
    String refresh(Dataset dataset) {
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
        summaries.setAll(mine);
        paths.setAll(mine.stream().map(RunFolder.Summary::runDir).toList());
        hiddenNote.set(others == 0 ? "" : others + (others == 1 ? " saved run" : " saved runs")
                + " of other datasets (or unreadable) not listed");
        return problem;
    }

    private DatasetIdentity identity(Dataset dataset) {
        if (identityOf != dataset) {
            identity = DatasetIdentity.of(dataset);
            identityOf = dataset;
        }
        return identity;
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
}
