package org.encore.app.training;

import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.testutil.QueuedWork;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The saved-runs list is read on the background executor: held here in lists, run when the test says. */
class SavedRunsTest {
    private final Workbench trained = new Workbench();
    private final Workbench later = new Workbench();
    private final List<Runnable> background = new ArrayList<>();
    private final List<Runnable> ui = new ArrayList<>();

    @TempDir
    Path runs;

    @BeforeEach
    void trainOneRun() {
        TinyData.openSmallDataset(trained);
        TrainingViewModel training = new TrainingViewModel(trained, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("tiny", 1));
        training.trainQueue();
        assertEquals(1, training.savedRuns().size());
        // a later session opens the same dataset: its run is only on disk
        later.setDataset(trained.dataset(), trained.statistics());
    }

    @Test
    void theSavedRunsAppearOnceTheBackgroundListingIsDoneNotBefore() {
        TrainingViewModel viewModel = new TrainingViewModel(later, new Dl4jEngine(), background::add, ui::add, runs);
        assertTrue(viewModel.savedRuns().isEmpty(), "nothing is listed before the background work ran");
        assertNull(viewModel.saved().listedForProperty().get());
        assertEquals(1, background.size(), "the folders are read and the identity hashed on the background executor");

        background.remove(0).run();
        assertTrue(viewModel.savedRuns().isEmpty(), "the finished listing waits for the UI executor");
        QueuedWork.runAll(background, ui);
        assertEquals(1, viewModel.savedRuns().size());
        assertEquals(1, viewModel.saved().summaries().size());
        assertEquals("", viewModel.saved().hiddenNoteProperty().get());
        assertSame(later.dataset(), viewModel.saved().listedForProperty().get(), "says whose runs are listed");
    }

    @Test
    void aListingOvertakenByAnotherDatasetIsDroppedEvenWhenItFinishesLast() {
        TrainingViewModel viewModel = new TrainingViewModel(later, new Dl4jEngine(), background::add, ui::add, runs);
        Dataset small = trained.dataset();
        Dataset other = new Dataset("another-release", small.source(), small.ratings(), small.movies(), small.report());
        later.setDataset(other, DatasetStatistics.of(other));
        assertEquals(2, background.size(), "one listing per dataset opened");

        // the second dataset's listing finishes first, the first dataset's (which would list the run) after it
        Runnable first = background.remove(0);
        background.remove(0).run();
        first.run();
        QueuedWork.runAll(background, ui);
        assertTrue(viewModel.savedRuns().isEmpty(), "the stale listing of the first dataset is not shown");
        assertEquals("1 saved run of other datasets (or unreadable) not listed", viewModel.saved().hiddenNoteProperty().get());
        assertSame(other, viewModel.saved().listedForProperty().get());
    }

    @Test
    void aRefreshAfterTheDatasetIsBackListsItsRunsAgain() {
        TrainingViewModel viewModel = new TrainingViewModel(later, new Dl4jEngine(), background::add, ui::add, runs);
        QueuedWork.runAll(background, ui);
        assertEquals(1, viewModel.savedRuns().size());
        Dataset small = trained.dataset();
        Dataset other = new Dataset("another-release", small.source(), small.ratings(), small.movies(), small.report());
        later.setDataset(other, DatasetStatistics.of(other));
        QueuedWork.runAll(background, ui);
        assertTrue(viewModel.savedRuns().isEmpty());
        later.setDataset(small, trained.statistics());
        QueuedWork.runAll(background, ui);
        assertEquals(1, viewModel.savedRuns().size(), "the identity of the first dataset is not mistaken for the other's");
    }
}
