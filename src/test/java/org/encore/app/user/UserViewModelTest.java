package org.encore.app.user;

import org.encore.app.Bar;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
import org.encore.data.RatingMatrix;
import org.encore.recommend.Blend;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserViewModelTest {
    private final Workbench workbench = new Workbench();
    private UserViewModel viewModel;

    @TempDir
    Path runs;

    @BeforeEach
    void setUp() {
        TinyData.openSmallDataset(workbench);
        viewModel = new UserViewModel(workbench, new Random(1), Runnable::run, Runnable::run);
    }

    private void trainTwoModels() {
        TrainingViewModel training = new TrainingViewModel(workbench, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("a", 2));
        training.enqueue(TinyData.tinySpec("b", 1).withTraining(t -> t.seed(99)));
        training.trainQueue();
    }

    @Test
    void withoutModelsTheRatedMoviesShowBestFirst() {
        viewModel.showUser(7);
        assertEquals(12, viewModel.rated().size());
        for (int i = 1; i < viewModel.rated().size(); i++) {
            assertTrue(viewModel.rated().get(i - 1).rating() >= viewModel.rated().get(i).rating());
        }
        assertTrue(viewModel.lists().isEmpty());
        assertTrue(viewModel.summaryProperty().get().contains("train or open a run"));
    }

    @Test
    void eachModelAndTheBlendListUnratedMoviesOnlyWithSharedOnesMarked() {
        trainTwoModels();
        assertEquals(2, viewModel.models().size());
        viewModel.topNProperty().set(5);
        viewModel.showUser(7);
        assertEquals(List.of("a", "b", "Blend (score)"), viewModel.lists().stream().map(RecommendationList::name).toList());
        Set<Integer> rated = new HashSet<>();
        viewModel.rated().forEach(r -> rated.add(r.movieId()));
        Map<Integer, Integer> appearances = new HashMap<>();
        for (RecommendationList list : viewModel.lists()) {
            assertEquals(5, list.rows().size());
            for (RecRow row : list.rows()) {
                assertFalse(rated.contains(row.movieId()), "rated movie " + row.movieId() + " in " + list.name());
                appearances.merge(row.movieId(), 1, Integer::sum);
            }
        }
        for (RecommendationList list : viewModel.lists()) {
            for (RecRow row : list.rows()) {
                assertEquals(appearances.get(row.movieId()), row.listings());
            }
        }
        assertTrue(viewModel.lists().get(0).rows().get(0).score().endsWith("%"));
        ProfileBars profiles = viewModel.profiles();
        assertEquals(100.0, profiles.ratedDecades().stream().mapToDouble(Bar::value).sum(), 1e-6);
        assertEquals(100.0, profiles.ratedGenres().stream().mapToDouble(Bar::value).sum(), 1e-6,
                "a movie of k genres counts 1/k in each: the genre bars are a share of movies");
        assertEquals(profiles.ratedGenres().size(), profiles.recommendedGenres().size());
    }

    @Test
    void weightsAndModeChangeTheBlendAndAZeroWeightLeavesAModelOut() {
        trainTwoModels();
        viewModel.showUser(3);
        viewModel.blendModeProperty().set(Blend.Mode.RANK);
        assertEquals("Blend (rank)", viewModel.lists().get(2).name());
        viewModel.models().get(1).weightProperty().set(0);
        assertEquals(2, viewModel.lists().size(), "a blend of one model is that model: not shown");
    }

    @Test
    void usersComeFromTheBrowserTheirIdOrChance() {
        workbench.showUser(12);
        assertEquals("12", viewModel.userIdTextProperty().get());
        viewModel.userIdTextProperty().set("9999");
        viewModel.showTypedUser();
        assertEquals("No user 9999 in test-small", viewModel.messageProperty().get());
        viewModel.userIdTextProperty().set("x");
        viewModel.showTypedUser();
        assertTrue(viewModel.messageProperty().get().contains("whole number"));
        viewModel.showRandomUser();
        int id = Integer.parseInt(viewModel.userIdTextProperty().get());
        assertTrue(id >= 1 && id <= TinyData.SMALL_USERS);
        assertEquals(12, viewModel.rated().size());
    }

    /** How many users rated each movie id, over the whole small dataset. */
    private Map<Integer, Integer> ratingCounts() {
        RatingMatrix matrix = workbench.dataset().ratings();
        Map<Integer, Integer> counts = new HashMap<>();
        for (int p = 0; p < matrix.rowStart(matrix.userCount()); p++) {
            counts.merge(matrix.movies().idAt(matrix.columnAt(p)), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void thePopularBaselineListsTheMostRatedUnratedMoviesByRankAndNormalisedScore() {
        viewModel.topNProperty().set(5);
        viewModel.baselines().popularProperty().set(true);
        viewModel.showUser(7);
        assertEquals(List.of("popular"), viewModel.models().stream().map(ModelWeight::name).toList());
        assertEquals(Blend.OTHER_WEIGHT, viewModel.models().get(0).weight(), "a baseline starts with an equal share");
        assertEquals(List.of("popular"), viewModel.lists().stream().map(RecommendationList::name).toList());
        Set<Integer> rated = new HashSet<>();
        viewModel.rated().forEach(r -> rated.add(r.movieId()));
        Map<Integer, Integer> counts = ratingCounts();
        List<RecRow> rows = viewModel.lists().get(0).rows();
        assertEquals(5, rows.size());
        Set<Integer> listed = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RecRow row = rows.get(i);
            assertEquals(i + 1, row.rank());
            assertFalse(rated.contains(row.movieId()), "rated movie " + row.movieId() + " recommended");
            assertFalse(row.score().endsWith("%"), "popular predicts no ratings: " + row.score());
            assertEquals(String.format(Locale.ROOT, "%.2f", (double) counts.get(row.movieId()) / counts.get(rows.get(0).movieId())),
                    row.score());
            if (i > 0) {
                assertTrue(counts.get(rows.get(i - 1).movieId()) >= counts.get(row.movieId()));
            }
            listed.add(row.movieId());
        }
        assertEquals("1.00", rows.get(0).score());
        int fifth = counts.get(rows.get(4).movieId());
        counts.forEach((movie, count) -> assertTrue(rated.contains(movie) || listed.contains(movie) || count <= fifth,
                "movie " + movie + " rated by " + count + " users is missing from popular's top 5"));

        viewModel.baselines().popularProperty().set(false);
        assertTrue(viewModel.models().isEmpty());
        assertTrue(viewModel.lists().isEmpty());
    }

    @Test
    void aBlendTakesTheBaselinesLikeTrainedModels() {
        trainTwoModels();
        UserViewModel withEngine = new UserViewModel(workbench, new Dl4jEngine(), new Random(1), Runnable::run, Runnable::run);
        withEngine.topNProperty().set(5);
        withEngine.baselines().popularProperty().set(true);
        withEngine.baselines().easeProperty().set(true);
        withEngine.showUser(7);
        assertEquals(List.of("a", "b", "popular", "ease(l=200)", "Blend (score)"),
                withEngine.lists().stream().map(RecommendationList::name).toList());
        // leave only popular (and a trace of model a) in the blend: its list is popular's, up to ties in the counts
        withEngine.models().get(0).weightProperty().set(1e-6);
        withEngine.models().get(1).weightProperty().set(0);
        withEngine.models().get(3).weightProperty().set(0);
        RecommendationList blend = withEngine.lists().get(4);
        assertEquals("Blend (score)", blend.name());
        Map<Integer, Integer> counts = ratingCounts();
        List<Integer> popularCounts = withEngine.lists().get(2).rows().stream().map(r -> counts.get(r.movieId())).toList();
        List<Integer> blendCounts = blend.rows().stream().map(r -> counts.get(r.movieId())).toList();
        assertEquals(popularCounts, blendCounts);
        assertEquals("1.00", blend.rows().get(0).score());
        withEngine.models().get(0).weightProperty().set(0);
        assertEquals(4, withEngine.lists().size(), "a blend of popular alone is popular: not shown");
    }
    @Test
    void usersOfOneDatasetGetTheSameProfileCategoriesSoTheChartsOnlyChangeHeights() {
        viewModel.showUser(7);
        ProfileBars first = viewModel.profiles();
        viewModel.showUser(3);
        ProfileBars second = viewModel.profiles();
        assertFalse(first.equals(second), "another user, other shares");
        assertEquals(labels(first.ratedGenres()), labels(second.ratedGenres()));
        assertEquals(labels(first.recommendedGenres()), labels(second.recommendedGenres()));
        assertEquals(labels(first.ratedDecades()), labels(second.ratedDecades()));
        assertEquals(labels(first.ratedGenres()), labels(first.recommendedGenres()), "both sides over the same genres");
        assertEquals(100.0, second.ratedGenres().stream().mapToDouble(Bar::value).sum(), 1e-6);
    }

    private static List<String> labels(List<Bar> bars) {
        return bars.stream().map(Bar::label).toList();
    }
}
