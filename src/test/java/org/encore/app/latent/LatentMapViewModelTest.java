package org.encore.app.latent;

import org.encore.testutil.TinyData;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
import org.encore.inspect.Colouring;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPoint;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latent map view model without a stage: both executors run inline. */
class LatentMapViewModelTest {
    private final Workbench workbench = new Workbench();
    private LatentMapViewModel viewModel;

    @TempDir
    Path runs;

    @BeforeEach
    void setUp() {
        TinyData.openSmallDataset(workbench);
        viewModel = new LatentMapViewModel(workbench, Runnable::run, Runnable::run);
    }

    private void trainTinyRun() {
        TrainingViewModel training = new TrainingViewModel(workbench, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("tiny", 2));
        training.trainQueue();
    }

    @Test
    void withoutATrainedRunThereIsNoMapAndTheSummarySaysWhy() {
        assertNull(viewModel.mapProperty().get());
        assertTrue(viewModel.summaryProperty().get().contains("Train or open a run"), viewModel.summaryProperty().get());
    }

    @Test
    void aFinishedRunIsMappedOnItsCodingLayerWithTheExplainedVarianceOnTheAxes() {
        trainTinyRun();
        LatentMap map = viewModel.mapProperty().get();
        assertEquals("coding", viewModel.layerProperty().get());
        assertEquals(TinyData.SMALL_USERS, map.points().size(), "every user of the small set");
        assertEquals(8, map.layerWidth());
        assertFalse(map.sampled());
        assertTrue(viewModel.xLabelProperty().get().matches("PC1 \\(\\d+\\.\\d% of the variance\\)"), viewModel.xLabelProperty().get());
        assertTrue(viewModel.summaryProperty().get().contains("60 users"), viewModel.summaryProperty().get());
        assertFalse(viewModel.computingProperty().get());
    }

    @Test
    void switchingTheColouringRelabelsThePoints() {
        trainTinyRun();
        List<String> genres = viewModel.mapProperty().get().legend();
        assertTrue(genres.stream().allMatch(g -> List.of(TinyData.SMALL_GENRES).contains(g) || g.startsWith("(")), genres.toString());
        viewModel.colouringProperty().set(Colouring.ACTIVITY);
        LatentMap byActivity = viewModel.mapProperty().get();
        assertEquals(Colouring.ACTIVITY, byActivity.colouring());
        // every user rated 12 movies: one activity bin
        assertEquals(List.of("1-19 ratings"), byActivity.legend());
    }

    @Test
    void aBoxSelectionListsTheUsersInsideAndTheMoviesTheyRatedMost() {
        trainTinyRun();
        LatentMap map = viewModel.mapProperty().get();
        double midX = map.points().stream().mapToDouble(MapPoint::x).average().orElseThrow();
        viewModel.selectBox(midX, -1e9, 1e9, 1e9);
        long expected = map.points().stream().filter(p -> p.x() >= midX).count();
        assertEquals(expected, viewModel.selection().size());
        assertTrue(viewModel.selection().stream().allMatch(p -> p.x() >= midX));
        assertFalse(viewModel.selectedMovies().isEmpty());
        assertTrue(viewModel.selectedMovies().size() <= LatentMapViewModel.TOP_MOVIES);
        String first = viewModel.selectedMovies().get(0);
        assertTrue(first.matches("Film \\d+.*: \\d+ of " + expected + " users"), first);
    }

    @Test
    void clickingAUserSendsThemToThePerUserPanel() {
        trainTinyRun();
        MapPoint point = viewModel.mapProperty().get().points().get(5);
        assertTrue(viewModel.describe(point).startsWith("User " + point.id() + " · "), viewModel.describe(point));
        assertTrue(viewModel.describe(point).endsWith("12 ratings"), viewModel.describe(point));
        viewModel.open(point);
        assertEquals(point.id(), workbench.requestedUserProperty().get());
        assertEquals(Workbench.USER_VIEW, workbench.viewProperty().get());
    }

    @Test
    void theMovieToggleMapsTheOutputLayersMovieVectors() {
        trainTinyRun();
        viewModel.moviesProperty().set(true);
        LatentMap map = viewModel.mapProperty().get();
        assertEquals(TinyData.SMALL_MOVIES, map.points().size());
        assertEquals("output", map.layer());
        assertEquals(16, map.layerWidth(), "the output layer's fan-in");
        assertTrue(viewModel.summaryProperty().get().contains("movies"), viewModel.summaryProperty().get());
    }
}
