package org.encore.app.dataset;

import org.encore.testutil.TinyData;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MovieNeighboursViewModelTest {
    @TempDir
    Path runs;

    @Test
    void aSelectedMovieListsItsNearestMoviesOnceARunIsTrained() {
        Workbench workbench = new Workbench();
        TinyData.openSmallDataset(workbench);
        MovieNeighboursViewModel viewModel = new MovieNeighboursViewModel(workbench, Runnable::run, Runnable::run);
        viewModel.select(0);
        assertEquals("", viewModel.textProperty().get(), "nothing to say without a trained run");
        TrainingViewModel training = new TrainingViewModel(workbench, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("tiny", 1));
        training.trainQueue();
        viewModel.select(0);
        String text = viewModel.textProperty().get();
        assertTrue(text.startsWith("Near this one (tiny"), text);
        assertEquals(MovieNeighboursViewModel.COUNT, text.split("; ").length, text);
        assertFalse(text.contains("Film 0 "), "a movie is not its own neighbour: " + text);
    }
}
