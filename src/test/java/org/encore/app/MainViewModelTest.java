package org.encore.app;

import org.encore.data.Dataset;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's state without a stage: background work runs inline. */
class MainViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private final AppPreferences preferences = new AppPreferences(Preferences.userRoot().node("org/encore/workbench-unittest-main"));
    private final Workbench workbench = new Workbench();
    private MainViewModel viewModel;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() {
        preferences.clear();
        viewModel = new MainViewModel(workbench, new Dl4jEngine(), DatasetOpener.MOVIELENS, preferences, INLINE, INLINE);
    }

    @AfterEach
    void forget() {
        preferences.clear();
    }

    @Test
    void openingADatasetPublishesItDescribesItAndRemembersIt() throws Exception {
        Path folder = TinyData.writeSmallDatasetCsv(temp.resolve("small"));
        viewModel.open(folder);
        assertEquals(TinyData.SMALL_USERS, workbench.dataset().ratings().userCount());
        assertEquals(TinyData.SMALL_USERS, workbench.statistics().users());
        assertTrue(viewModel.datasetSummaryProperty().get().contains("60 users"), viewModel.datasetSummaryProperty().get());
        assertFalse(viewModel.loadingProperty().get());
        assertEquals(folder.toAbsolutePath().toString(), viewModel.recentDatasets().get(0));
        assertEquals(folder.toAbsolutePath().toString(), preferences.recentDatasets().get(0));
    }

    @Test
    void theStatusNamesTheReleaseOnlyWhenTheFileNameDoesNotSayIt() {
        Dataset small = TinyData.smallDataset();
        DatasetOpener asRelease = (source, progress, cancel) ->
                new Dataset("ml-latest-small", source, small.ratings(), small.movies(), small.report());
        MainViewModel named = new MainViewModel(workbench, new Dl4jEngine(), asRelease, preferences, INLINE, INLINE);
        named.open(temp.resolve("ml-latest-small.zip"));
        assertTrue(named.datasetSummaryProperty().get().startsWith("ml-latest-small.zip · 60 users"), named.datasetSummaryProperty().get());
        named.open(temp.resolve("ratings-copy"));
        assertTrue(named.datasetSummaryProperty().get().startsWith("ratings-copy (ml-latest-small) · 60 users"), named.datasetSummaryProperty().get());
    }

    @Test
    void oneFolderReachedByTwoPathsIsOneRecentEntry() throws Exception {
        Path folder = TinyData.writeSmallDatasetCsv(temp.resolve("small"));
        viewModel.open(folder);
        Files.createDirectories(temp.resolve("other"));
        viewModel.open(temp.resolve(".").resolve("other").resolve("..").resolve("small"));
        assertNull(viewModel.errorProperty().get());
        assertEquals(List.of(folder.toAbsolutePath().normalize().toString()), List.copyOf(viewModel.recentDatasets()));
    }

    @Test
    void aBadDatasetReportsFileAndLineAndKeepsTheOpenOne() throws Exception {
        viewModel.open(TinyData.writeSmallDatasetCsv(temp.resolve("good")));
        Dataset open = workbench.dataset();
        Path bad = temp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,100\n2,20,four,100\n");
        viewModel.open(bad);
        String error = viewModel.errorProperty().get();
        assertTrue(error != null && error.contains("ratings.csv") && error.contains("3"), String.valueOf(error));
        assertSame(open, workbench.dataset());
        assertFalse(viewModel.loadingProperty().get());
        viewModel.clearError();
        assertNull(viewModel.errorProperty().get());
    }

    @Test
    void aMissingFolderIsAnErrorNotACrash() {
        viewModel.open(temp.resolve("nowhere"));
        assertTrue(viewModel.errorProperty().get() != null);
        assertNull(workbench.dataset());
    }

    @Test
    void aCancelledOpenKeepsTheOpenDataset() throws Exception {
        viewModel.open(TinyData.writeSmallDatasetCsv(temp.resolve("good")));
        Dataset open = workbench.dataset();
        MainViewModel cancelling = new MainViewModel(workbench, new Dl4jEngine(), (source, progress, cancel) -> {
            cancel.cancel();
            cancel.throwIfCancelled();
            return null;
        }, preferences, INLINE, INLINE);
        cancelling.open(temp.resolve("whatever"));
        assertSame(open, workbench.dataset());
        assertEquals("Opening cancelled", cancelling.loadingTextProperty().get());
        assertNull(cancelling.errorProperty().get());
    }

    @Test
    void progressFollowsTheReader() {
        double[] seen = {0};
        MainViewModel watched = new MainViewModel(workbench, new Dl4jEngine(), (source, progress, cancel) -> {
            progress.progress(50, 200);
            return TinyData.smallDataset();
        }, preferences, INLINE, INLINE);
        watched.loadProgressProperty().addListener((obs, old, value) -> seen[0] = Math.max(seen[0], value.doubleValue()));
        watched.open(temp);
        assertEquals(0.25, seen[0], 1e-9);
    }
}
