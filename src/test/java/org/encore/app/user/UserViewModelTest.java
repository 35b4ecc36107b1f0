package org.encore.app.user;

import org.encore.app.Bar;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
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
        assertEquals(100.0, viewModel.ratedDecades().stream().mapToDouble(Bar::value).sum(), 1e-6);
        assertEquals(viewModel.ratedGenres().size(), viewModel.recommendedGenres().size());
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
}
