package org.encore.app.training;

import org.encore.testutil.TinyData;
import org.encore.app.Bar;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The layer-statistics feed: from TrainingListener.layerStatistics through the run to the charts' lists. */
class LayerChartsViewModelTest {
    @TempDir
    Path runs;

    @Test
    void everyEpochsLayerStatisticsReachTheChartsOfTheNewestRun() {
        Workbench workbench = new Workbench();
        TinyData.openSmallDataset(workbench);
        LayerChartsViewModel viewModel = new LayerChartsViewModel(workbench);
        assertTrue(viewModel.summaryProperty().get().startsWith("Train a run"));
        TrainingViewModel training = new TrainingViewModel(workbench, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("tiny", 3));
        training.trainQueue();

        TrainedRun run = workbench.runs().get(0);
        assertSame(run, viewModel.runProperty().get(), "follows the newest run");
        assertEquals(3, run.layerHistory().size(), "one list of layer statistics per epoch");
        assertTrue(viewModel.layers().contains("coding"), viewModel.layers().toString());
        assertEquals("coding", viewModel.layerProperty().get());
        assertEquals(3, viewModel.ratios().size(), "one update ratio per epoch");
        assertEquals("1", viewModel.ratios().get(0).label());
        assertTrue(viewModel.ratios().stream().allMatch(b -> Double.isFinite(b.value())));
        // the coding layer is 16 -> 8: 128 weights
        assertEquals(128, viewModel.weights().stream().mapToDouble(Bar::value).sum(), 1e-9);
        assertTrue(viewModel.activations().stream().mapToDouble(Bar::value).sum() > 0);
        assertTrue(viewModel.summaryProperty().get().contains("epoch 3"), viewModel.summaryProperty().get());

        viewModel.layerProperty().set("output");
        assertEquals(16 * TinyData.SMALL_MOVIES, viewModel.weights().stream().mapToDouble(Bar::value).sum(), 1e-9);
    }
}
