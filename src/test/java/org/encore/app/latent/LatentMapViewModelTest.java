package org.encore.app.latent;

import org.encore.testutil.TinyData;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
import org.encore.inspect.Colouring;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPoint;
import org.encore.inspect.UserActivations;
import org.encore.training.TrainedModel;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        trainTinyRun(2);
    }

    private void trainTinyRun(int epochs) {
        TrainingViewModel training = new TrainingViewModel(workbench, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("tiny", epochs));
        training.trainQueue();
    }

    /** A map shown, with the epoch label and whether the live run was picked at that moment. */
    private record Shown(LatentMap map, String epoch, boolean live) {
    }

    private List<Shown> recordMaps() {
        List<Shown> shown = new ArrayList<>();
        viewModel.mapProperty().addListener((obs, old, map) -> {
            if (map != null) {
                shown.add(new Shown(map, viewModel.epochLabelProperty().get(), viewModel.liveProperty().get()));
            }
        });
        return shown;
    }

    @Test
    void theRunTrainingNowIsMappedAfterEveryEpochWithTheEpochShownThenTheFinishedModelsMap() {
        assertTrue(viewModel.liveUpdatesProperty().get(), "on by default for a small set");
        List<Shown> shown = recordMaps();
        trainTinyRun(3);
        List<Shown> live = shown.stream().filter(Shown::live).toList();
        assertEquals(List.of("epoch 1 of 3", "epoch 2 of 3", "epoch 3 of 3"), live.stream().map(Shown::epoch).toList());
        for (Shown s : live) {
            assertEquals(TinyData.SMALL_USERS, s.map().points().size());
            assertEquals("coding", s.map().layer());
        }
        assertFalse(Arrays.equals(live.get(0).map().coordinates(), live.get(1).map().coordinates()), "the points move between epochs");
        assertFalse(Arrays.equals(live.get(1).map().coordinates(), live.get(2).map().coordinates()));
        Shown last = shown.get(shown.size() - 1);
        assertFalse(last.live(), "the finished run's own map comes last");
        assertEquals("", viewModel.epochLabelProperty().get());
        assertFalse(viewModel.liveProperty().get());
        assertTrue(viewModel.runProperty().get().model() != null);
        assertEquals("coding", viewModel.layerProperty().get());
        assertEquals(TinyData.SMALL_USERS, viewModel.mapProperty().get().points().size());
        assertEquals(null, viewModel.runProperty().get().epochWatcher(), "the finished run is no longer watched");
    }

    @Test
    void eachEpochsAxesKeepTheSignOfTheEpochBefore() {
        List<Shown> shown = recordMaps();
        trainTinyRun(4);
        for (int i = 1; i < shown.size(); i++) {
            double[] before = shown.get(i - 1).map().coordinates();
            double[] after = shown.get(i).map().coordinates();
            for (int axis = 0; axis < 2; axis++) {
                assertTrue(covariance(before, after, axis) >= 0, "axis " + axis + " of map " + i + " flipped");
            }
        }
    }

    private static double covariance(double[] a, double[] b, int axis) {
        int n = a.length / 2;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[2 * i + axis] / n;
            mb += b[2 * i + axis] / n;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += (a[2 * i + axis] - ma) * (b[2 * i + axis] - mb);
        }
        return sum;
    }

    @Test
    void withUpdatesOffTheLiveRunIsNotMappedUntilItFinishes() {
        viewModel.liveUpdatesProperty().set(false);
        List<Shown> shown = recordMaps();
        List<String> summaries = new ArrayList<>();
        viewModel.summaryProperty().addListener((obs, old, text) -> summaries.add(text));
        trainTinyRun(2);
        assertTrue(shown.stream().noneMatch(Shown::live), "no map while it trains");
        assertTrue(summaries.stream().anyMatch(t -> t.contains("tick 'update every epoch'")), summaries.toString());
        assertEquals(1, shown.size(), "the finished run's map only");
    }

    @Test
    void liveUpdatesAreOffByDefaultAboveTwentyThousandUsersOrMovies() {
        int many = LatentMapViewModel.LIVE_LIMIT + 1;
        int[][] users = new int[many][];
        int[][] movies = new int[many][];
        for (int i = 0; i < many; i++) {
            users[i] = new int[]{i + 1, 1, 8};
            movies[i] = new int[]{1, i + 1, 8};
        }
        assertTrue(LatentMapViewModel.liveByDefault(TinyData.smallDataset()));
        assertFalse(LatentMapViewModel.liveByDefault(TinyData.dataset(TinyData.matrix(users), "many users")));
        assertFalse(LatentMapViewModel.liveByDefault(TinyData.dataset(TinyData.matrix(movies), "many movies")));
    }

    @Test
    void unitLengthMapsEachUsersCodeScaledToLengthOneAndSaysSo() {
        assertTrue(viewModel.unitLengthProperty().get(), "on by default");
        viewModel.unitLengthProperty().set(false);
        trainTinyRun();
        LatentMap plain = viewModel.mapProperty().get();
        viewModel.unitLengthProperty().set(true);
        LatentMap unit = viewModel.mapProperty().get();
        assertTrue(viewModel.summaryProperty().get().contains("'coding' layer (unit length)"), viewModel.summaryProperty().get());
        assertEquals(plain.points().size(), unit.points().size());
        assertFalse(Arrays.equals(plain.explainedVariance(), unit.explainedVariance()), "another projection");
        // what was projected: every user's code at length 1, whatever its length was
        TrainedModel model = viewModel.runProperty().get().model();
        UserActivations codes = UserActivations.of(model, workbench.dataset().ratings(), "coding", LatentMap.MAX_USERS, LatentMapViewModel.SEED).unitLength();
        for (int u = 0; u < codes.rows().length; u++) {
            double squares = 0;
            for (int c = 0; c < codes.width(); c++) {
                squares += codes.values()[u * codes.width() + c] * codes.values()[u * codes.width() + c];
            }
            assertEquals(1, squares, 1e-5);
        }
        viewModel.unitLengthProperty().set(false);
        assertArrayEquals(plain.coordinates(), viewModel.mapProperty().get().coordinates(), 1e-9);
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
