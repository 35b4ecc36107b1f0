package org.encore.app.training;

import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.training.RunFolder;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training without a stage: the queue runs inline on a tiny dataset with a tiny spec. */
class TrainingViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private final Workbench workbench = new Workbench();
    private TrainingViewModel viewModel;

    @TempDir
    Path runs;

    @BeforeEach
    void setUp() {
        TinyData.openSmallDataset(workbench);
        viewModel = new TrainingViewModel(workbench, new Dl4jEngine(), INLINE, INLINE, runs);
    }

    @Test
    void eachQueuedSpecIsTrainedWithARecordPerEpochAndSaved() {
        viewModel.enqueue(TinyData.tinySpec("tiny", 3));
        viewModel.enqueue(TinyData.tinySpec("other", 2));
        List<Integer> epochsSeen = new java.util.ArrayList<>();
        workbench.runs().addListener((javafx.collections.ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(run -> run.history().addListener(
                        (javafx.collections.ListChangeListener<org.encore.training.EpochMetrics>) c -> {
                            while (c.next()) {
                                c.getAddedSubList().forEach(m -> epochsSeen.add(m.epoch()));
                            }
                        }));
            }
        });
        viewModel.trainQueue();
        assertTrue(viewModel.queue().isEmpty());
        assertFalse(viewModel.runningProperty().get());
        assertEquals(2, workbench.runs().size());
        assertEquals(List.of(1, 2, 3, 1, 2), epochsSeen, "every epoch delivered, in order");
        TrainedRun first = workbench.runs().get(0);
        assertEquals(3, first.history().size());
        assertNotNull(first.model());
        assertTrue(first.statusProperty().get().contains("saved"), first.statusProperty().get());
        assertTrue(Files.isDirectory(first.runDir()));
        assertEquals(2, viewModel.savedRuns().size());
        assertEquals(List.copyOf(workbench.runs()), List.copyOf(viewModel.shownRuns()), "new runs are drawn");
        assertEquals("Done", viewModel.progressTextProperty().get());
        assertEquals(1.0, viewModel.progressProperty().get());
    }

    @Test
    void aSpecWithPatienceStopsEarlyHereAsOnTheCommandLine() {
        // a learning rate this high stops improving the validation MSE within a few epochs
        viewModel.enqueue(TinyData.tinySpec("impatient", 40)
                .withTraining(t -> t.patience(1).optimizer(org.encore.model.OptimizerSpec.adam(0.1))));
        viewModel.trainQueue();
        TrainedRun run = workbench.runs().get(0);
        assertTrue(run.history().size() < 40, run.statusProperty().get());
        assertTrue(run.statusProperty().get().startsWith("stopped early after epoch " + run.history().size()),
                run.statusProperty().get());
        assertTrue(run.statusProperty().get().endsWith("· saved"), run.statusProperty().get());
    }

    @Test
    void withoutADatasetOrAQueueNothingStarts() {
        viewModel.trainQueue();
        assertTrue(viewModel.messageProperty().get().contains("queue is empty"));
        Workbench empty = new Workbench();
        TrainingViewModel noData = new TrainingViewModel(empty, new Dl4jEngine(), INLINE, INLINE, runs);
        noData.enqueue(TinyData.tinySpec("tiny", 1));
        noData.trainQueue();
        assertEquals("Open a dataset first", noData.messageProperty().get());
        assertTrue(empty.runs().isEmpty());
    }

    @Test
    void theHistoryExportsAsCsvWithALinePerEpoch() throws Exception {
        viewModel.enqueue(TinyData.tinySpec("tiny", 2));
        viewModel.trainQueue();
        Path csv = runs.resolve("history.csv");
        viewModel.exportHistory(workbench.runs().get(0), csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("epoch,loss,seconds,samplesPerSecond,train_mse"), lines.get(0));
        assertTrue(lines.get(0).endsWith("validation_ndcg100,validation_recall20,kl,beta,train_metrics"), lines.get(0));
        assertTrue(lines.get(2).startsWith("2,"));
        assertEquals(21, lines.get(1).split(",").length);
        assertTrue(lines.get(1).endsWith(",running"), "which kind the train metrics are");
    }

    @Test
    void aSavedRunReopensWithItsHistoryAndCanBeHidden() {
        viewModel.enqueue(TinyData.tinySpec("tiny", 2));
        viewModel.trainQueue();
        TrainedRun trained = workbench.runs().get(0);
        // a later session: the same dataset open, the run only on disk
        Workbench later = new Workbench();
        later.setDataset(workbench.dataset(), workbench.statistics());
        TrainingViewModel laterViewModel = new TrainingViewModel(later, new Dl4jEngine(), INLINE, INLINE, runs);
        laterViewModel.open(laterViewModel.savedRuns().get(0));
        assertEquals(1, later.runs().size());
        TrainedRun reopened = later.runs().get(0);
        assertEquals(trained.historySnapshot(), reopened.historySnapshot());
        assertNotNull(reopened.model());
        assertEquals(List.of(reopened), List.copyOf(laterViewModel.shownRuns()));
        laterViewModel.shownFlag(reopened).set(false);
        assertTrue(laterViewModel.shownRuns().isEmpty());
    }

    @Test
    void aRunAlreadyOpenIsNotAddedASecondTime() {
        viewModel.enqueue(TinyData.tinySpec("tiny", 1));
        viewModel.trainQueue();
        Path saved = viewModel.savedRuns().get(0);
        viewModel.open(saved);
        assertEquals(1, workbench.runs().size(), "the run trained in this session is that folder");
        assertTrue(viewModel.messageProperty().get().endsWith("is already open"), viewModel.messageProperty().get());
        viewModel.shownFlag(workbench.runs().get(0)).set(false);
        viewModel.open(saved);
        assertEquals(1, workbench.runs().size());
        assertEquals(List.copyOf(workbench.runs()), List.copyOf(viewModel.shownRuns()), "opening it again shows it again");
    }

    @Test
    void aRunThatCannotTrainIsMarkedFailedAndTheNextOneStillRuns() {
        viewModel.enqueue(TinyData.tinySpec("broken", 2).withTraining(t -> t.batchSize(0)));
        viewModel.enqueue(TinyData.tinySpec("fine", 1));
        viewModel.trainQueue();
        assertEquals("failed", workbench.runs().get(0).statusProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("batchSize"), viewModel.messageProperty().get());
        assertEquals(1, workbench.runs().get(1).history().size());
    }

    @Test
    void progressThatArrivesAfterPauseStillSaysPausedUntilResumed() throws Exception {
        BlockingQueue<Runnable> uiTasks = new LinkedBlockingQueue<>();
        TrainingViewModel threaded = new TrainingViewModel(workbench, new Dl4jEngine(), task -> new Thread(task).start(), uiTasks::add, runs);
        threaded.enqueue(TinyData.tinySpec("tiny", 40));
        threaded.trainQueue();
        // the run is added, then its first batch reports: both wait for the "FX thread" while pause is pressed
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (uiTasks.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        threaded.pause();
        Thread.sleep(200);
        drain(uiTasks);
        assertTrue(threaded.progressTextProperty().get().startsWith("Paused · tiny (1 of 1) · epoch"),
                threaded.progressTextProperty().get());
        threaded.resume();
        assertFalse(threaded.progressTextProperty().get().startsWith("Paused"), threaded.progressTextProperty().get());
        threaded.cancel();
        while (threaded.runningProperty().get() && System.nanoTime() < deadline) {
            drain(uiTasks);
            Thread.sleep(5);
        }
        assertEquals("Cancelled", threaded.progressTextProperty().get());
    }

    private static void drain(BlockingQueue<Runnable> tasks) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
            task.run();
        }
    }

    @Test
    void progressSaysEpochBatchAndTimeLeft() {
        assertEquals("m (1 of 2) · epoch 3/10 · batch 2/4 · 1:30 left",
                TrainingViewModel.progressLine("m", 1, 2, 3, 10, 2, 4, 30, 0.25));
        assertEquals("1:01:01", TrainingViewModel.duration(3661));
    }

    /** Cancels the round once the run named {@code name} has {@code epochs} epochs, keeping or discarding it. */
    private void cancelAfter(int epochs, OnCancel what) {
        workbench.runs().addListener((javafx.collections.ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                for (TrainedRun run : change.getAddedSubList()) {
                    run.history().addListener((javafx.collections.ListChangeListener<org.encore.training.EpochMetrics>) c -> {
                        if (run.history().size() == epochs) {
                            viewModel.cancel(what);
                        }
                    });
                }
            }
        });
    }

    @Test
    void stopAndKeepSavesTheEpochsSoFarAsARunMarkedStoppedEarly() throws Exception {
        viewModel.enqueue(TinyData.tinySpec("tiny", 40));
        viewModel.enqueue(TinyData.tinySpec("dropped", 2));
        cancelAfter(2, OnCancel.KEEP);
        viewModel.trainQueue();
        assertEquals(1, workbench.runs().size(), "the rest of the queue is dropped");
        TrainedRun kept = workbench.runs().get(0);
        assertEquals("tiny (stopped early)", kept.name());
        assertTrue(kept.history().size() >= 2 && kept.history().size() < 40, "epochs: " + kept.history().size());
        assertNotNull(kept.model());
        assertTrue(kept.statusProperty().get().startsWith("stopped early by you after epoch " + kept.history().size() + " of 40"),
                kept.statusProperty().get());
        assertTrue(kept.statusProperty().get().endsWith("· saved"), kept.statusProperty().get());
        assertTrue(kept.runDir().getFileName().toString().endsWith(TrainingViewModel.STOPPED_SUFFIX), kept.runDir().toString());
        assertTrue(Files.isRegularFile(kept.runDir().resolve("manifest.json")));
        assertEquals(List.of(kept), List.copyOf(viewModel.shownRuns()), "the kept run is drawn in place of the cancelled one");
        assertEquals(kept.history().size(), new Dl4jEngine().load(kept.runDir(), workbench.dataset()).history().size(),
                "the saved folder holds the epochs so far");
        assertEquals("Cancelled", viewModel.progressTextProperty().get());
    }

    @Test
    void stopAndDiscardDropsTheRunFromEveryList() {
        viewModel.enqueue(TinyData.tinySpec("tiny", 40));
        cancelAfter(1, OnCancel.DISCARD);
        viewModel.trainQueue();
        assertTrue(workbench.runs().isEmpty(), "a discarded run is in no list (nor the per-user panel, which lists these)");
        assertTrue(viewModel.shownRuns().isEmpty());
        assertTrue(viewModel.savedRuns().isEmpty(), "nothing was saved");
    }

    @Test
    void savedRunsOfAnotherDatasetAreHiddenWithANoteSayingHowMany() {
        viewModel.enqueue(TinyData.tinySpec("tiny", 2));
        viewModel.trainQueue();
        assertEquals(1, viewModel.saved().summaries().size());
        RunFolder.Summary summary = viewModel.saved().summaries().get(0);
        assertEquals("autoencoder", summary.kind());
        assertEquals(2, summary.epochs());
        assertEquals("2", SavedRunColumns.epochs(summary));
        assertTrue(Double.isFinite(summary.bestValidation()), "the best validation MSE is read from the history");
        assertEquals("", viewModel.saved().hiddenNoteProperty().get());

        Dataset small = TinyData.smallDataset();
        Dataset other = new Dataset("another-release", small.source(), small.ratings(),
                small.movies(), small.report());
        workbench.setDataset(other, DatasetStatistics.of(other));
        assertTrue(viewModel.savedRuns().isEmpty(), "a run of another dataset is not listed");
        assertEquals("1 saved run of other datasets (or unreadable) not listed", viewModel.saved().hiddenNoteProperty().get());
    }
}
