package org.encore.app.user;

import org.encore.testutil.TinyData;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import org.encore.app.Bar;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-user panel's Reconstruction tab without a stage. */
class ReconstructionViewModelTest {
    private final Workbench workbench = new Workbench();
    private final ReadOnlyIntegerWrapper user = new ReadOnlyIntegerWrapper(-1);
    private ReconstructionViewModel viewModel;

    @TempDir
    Path runs;

    @BeforeEach
    void setUp() {
        TinyData.openSmallDataset(workbench);
        viewModel = new ReconstructionViewModel(workbench, user.getReadOnlyProperty(), Runnable::run, Runnable::run);
    }

    @Test
    void withoutAModelItSaysHowToGetOne() {
        user.set(7);
        assertTrue(viewModel.rated().isEmpty());
        assertTrue(viewModel.summaryProperty().get().contains("Train or open a run"), viewModel.summaryProperty().get());
    }

    @Test
    void theUsersRatedMoviesStandBesideTheOutputsAndTheRecommendationsAreUnrated() {
        TrainingViewModel training = new TrainingViewModel(workbench, new Dl4jEngine(), Runnable::run, Runnable::run, runs);
        training.enqueue(TinyData.tinySpec("tiny", 2));
        training.trainQueue();
        user.set(7);
        assertEquals(12, viewModel.rated().size(), "every rated movie of the user");
        Set<String> rated = new HashSet<>();
        for (ReconstructionRow row : viewModel.rated()) {
            rated.add(row.title());
            double stars = Double.parseDouble(row.rating());
            double output = Double.parseDouble(row.output());
            assertEquals(output - stars, Double.parseDouble(row.error()), 0.011, row.toString());
            assertTrue(row.rank() >= 1 && row.rank() <= TinyData.SMALL_MOVIES, row.toString());
        }
        assertEquals(ReconstructionViewModel.TOP, viewModel.recommended().size());
        for (ReconstructionRow row : viewModel.recommended()) {
            assertFalse(rated.contains(row.title()), "a recommendation is unrated: " + row.title());
            assertTrue(row.rating().isEmpty());
        }
        for (int i = 1; i < viewModel.recommended().size(); i++) {
            assertTrue(Double.parseDouble(viewModel.recommended().get(i - 1).output()) >= Double.parseDouble(viewModel.recommended().get(i).output()));
        }
        assertEquals(TinyData.SMALL_MOVIES, viewModel.histogram().stream().mapToDouble(Bar::value).sum(), 1e-9,
                "the histogram counts one output per movie");
        assertEquals("Output (stars)", viewModel.outputHeadingProperty().get());
        assertTrue(viewModel.summaryProperty().get().contains("RMSE"), viewModel.summaryProperty().get());

        user.set(8);
        assertTrue(viewModel.summaryProperty().get().contains("user 8"), viewModel.summaryProperty().get());
    }
}
