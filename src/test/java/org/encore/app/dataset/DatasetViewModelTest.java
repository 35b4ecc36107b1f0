package org.encore.app.dataset;

import javafx.collections.ObservableList;
import org.encore.app.Bar;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.data.RatingMatrix;
import org.encore.testutil.QueuedWork;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetViewModelTest {
    private final Workbench workbench = new Workbench();
    private DatasetViewModel viewModel;
    private Dataset dataset;

    @BeforeEach
    void open() {
        viewModel = new DatasetViewModel(workbench, Runnable::run, Runnable::run);
        dataset = TinyData.smallDataset();
        workbench.setDataset(dataset, DatasetStatistics.of(dataset));
    }

    @Test
    void theMoviesTableListsEveryMovieWithItsRatingCountAndMean() {
        assertEquals(TinyData.SMALL_MOVIES, viewModel.movies().size());
        assertEquals(dataset.ratings().ratingCount(), viewModel.movies().stream().mapToInt(MovieRow::ratings).sum());
        MovieRow first = viewModel.movies().stream().filter(r -> r.id() == 10).findFirst().orElseThrow();
        RatingMatrix m = dataset.ratings();
        int column = m.movies().indexOf(10);
        double sum = 0;
        int count = 0;
        for (int p = 0; p < m.ratingCount(); p++) {
            if (m.columnAt(p) == column) {
                sum += m.ratingAt(p);
                count++;
            }
        }
        assertEquals(count, first.ratings());
        assertEquals(sum / count, first.mean(), 1e-5);
        assertEquals(TinyData.SMALL_USERS, viewModel.users().size());
    }

    @Test
    void openingAnotherDatasetClearsTheFiltersSetOnThePreviousOne() {
        viewModel.searchProperty().set("film 1");
        viewModel.genreProperty().set("Horror");
        viewModel.yearFromProperty().set("1990");
        assertTrue(viewModel.movies().size() < TinyData.SMALL_MOVIES);
        Dataset other = TinyData.smallDataset();
        workbench.setDataset(other, DatasetStatistics.of(other));
        assertEquals("", viewModel.searchProperty().get());
        assertEquals(DatasetViewModel.ALL_GENRES, viewModel.genreProperty().get());
        assertEquals("", viewModel.yearFromProperty().get());
        assertEquals(TinyData.SMALL_MOVIES, viewModel.movies().size(), "every movie of the new dataset is listed");
        viewModel.searchProperty().set("film 12");
        assertEquals(1, viewModel.movies().size(), "a search on the new dataset finds its movie");
    }

    @Test
    void searchGenreAndYearFiltersCombine() {
        viewModel.searchProperty().set("film 1");
        // Film 1, Film 10 .. Film 19
        assertEquals(11, viewModel.movies().size());
        viewModel.genreProperty().set("Comedy");
        assertTrue(viewModel.movies().stream().allMatch(r -> r.movie().genres().contains("Comedy") && r.title().startsWith("Film 1")));
        viewModel.searchProperty().set("");
        viewModel.genreProperty().set(DatasetViewModel.ALL_GENRES);
        viewModel.yearFromProperty().set("1960");
        viewModel.yearToProperty().set("1969");
        assertEquals(5, viewModel.movies().size(), "1960, 1962, ... 1968");
        assertEquals("5 of 40 movies", viewModel.filterSummaryProperty().get());
        viewModel.yearToProperty().set("not a year");
        assertEquals(TinyData.SMALL_MOVIES - 5 - 1, viewModel.movies().size(), "from 1960 on, the undated movie left out");
    }

    @Test
    void aYearThatDoesNotParseIsNamedInTheSummaryInsteadOfSilentlyIgnored() {
        viewModel.yearFromProperty().set("1960");
        viewModel.yearToProperty().set("19x");
        assertTrue(viewModel.filterSummaryProperty().get().endsWith("not a year, ignored: “19x”"), viewModel.filterSummaryProperty().get());
        viewModel.yearToProperty().set("1969");
        assertEquals("5 of 40 movies", viewModel.filterSummaryProperty().get());
    }

    @Test
    void theChartsHoldTheDatasetsDistributions() {
        assertEquals(dataset.ratings().ratingCount(), viewModel.ratingHistogram().stream().mapToDouble(Bar::value).sum(), 1e-9);
        assertEquals(TinyData.SMALL_USERS, viewModel.ratingsPerUser().stream().mapToDouble(Bar::value).sum(), 1e-9);
        assertEquals(List.of(new Bar("8–15", TinyData.SMALL_USERS)), List.copyOf(viewModel.ratingsPerUser()), "every user rated 12 movies");
        assertEquals(TinyData.SMALL_GENRES.length, viewModel.moviesPerGenre().size());
        assertTrue(viewModel.moviesPerDecade().stream().anyMatch(b -> b.label().equals("1950s") && b.value() == 5));
    }

    @Test
    void selectingAMovieShowsItsRatingDistribution() {
        MovieRow row = viewModel.movies().get(0);
        viewModel.selectMovie(row);
        assertEquals(10, viewModel.selectedMovieRatings().size(), "half stars 0.5 .. 5");
        assertEquals(row.ratings(), viewModel.selectedMovieRatings().stream().mapToDouble(Bar::value).sum(), 1e-9);
        assertTrue(viewModel.selectedMovieTitleProperty().get().startsWith(row.movie().displayTitle()));
    }

    @Test
    void theRatingScanRunsInTheBackgroundAndAStaleResultIsDropped() {
        List<Runnable> scans = new java.util.ArrayList<>();
        List<Runnable> uiTasks = new java.util.ArrayList<>();
        DatasetViewModel deferred = new DatasetViewModel(workbench, scans::add, uiTasks::add);
        QueuedWork.runAll(scans, uiTasks);
        MovieRow first = deferred.movies().get(0);
        MovieRow second = deferred.movies().get(1);
        deferred.selectMovie(first);
        deferred.selectMovie(second);
        // nothing scanned on the calling thread: the title is there, the bars are not yet
        assertTrue(deferred.selectedMovieTitleProperty().get().startsWith(second.movie().displayTitle()));
        assertTrue(deferred.selectedMovieRatings().isEmpty());
        assertEquals(2, scans.size());
        QueuedWork.runAll(scans, uiTasks);
        assertEquals(second.ratings(), deferred.selectedMovieRatings().stream().mapToDouble(Bar::value).sum(), 1e-9);
    }

    @Test
    void theTablesAreBuiltInTheBackgroundAndOnlyTheLatestDatasetIsShown() {
        List<Runnable> background = new java.util.ArrayList<>();
        List<Runnable> uiTasks = new java.util.ArrayList<>();
        Workbench other = new Workbench();
        DatasetViewModel deferred = new DatasetViewModel(other, background::add, uiTasks::add);
        other.setDataset(dataset, DatasetStatistics.of(dataset));
        assertTrue(deferred.movies().isEmpty(), "nothing built on the calling thread");
        Dataset sample = TinyData.smallDataset();
        other.setDataset(sample, DatasetStatistics.of(sample));
        QueuedWork.runAll(background, uiTasks);
        assertEquals(TinyData.SMALL_MOVIES, deferred.movies().size());
        assertEquals(TinyData.SMALL_USERS, deferred.users().size());
        assertFalse(deferred.overviewProperty().get().isEmpty());
        other.setDataset(null, null);
        assertTrue(deferred.movies().isEmpty());
    }

    @Test
    void sortsAndFiltersRunInTheBackgroundAndEachShowsANewList() {
        Comparator<MovieRow> byTitle = Comparator.comparing(MovieRow::title);
        viewModel.sortMovies(byTitle);
        viewModel.sortUsers(Comparator.comparingInt(UserRow::id).reversed());
        assertEquals(sorted(viewModel.movies(), byTitle), List.copyOf(viewModel.movies()));
        assertEquals(sorted(viewModel.users(), Comparator.comparingInt(UserRow::id).reversed()), List.copyOf(viewModel.users()));

        List<Runnable> background = new java.util.ArrayList<>();
        List<Runnable> uiTasks = new java.util.ArrayList<>();
        Workbench other = new Workbench();
        DatasetViewModel deferred = new DatasetViewModel(other, background::add, uiTasks::add);
        other.setDataset(dataset, DatasetStatistics.of(dataset));
        QueuedWork.runAll(background, uiTasks);
        ObservableList<MovieRow> unsorted = deferred.movies();
        Comparator<MovieRow> byCount = Comparator.comparingInt(MovieRow::ratings).reversed().thenComparing(MovieRow::id);
        deferred.sortMovies(byCount);
        assertSame(unsorted, deferred.movies(), "nothing sorted on the calling thread");
        QueuedWork.runAll(background, uiTasks);
        assertNotSame(unsorted, deferred.movies(), "the sorted rows arrive as a new list");
        assertEquals(sorted(unsorted, byCount), List.copyOf(deferred.movies()));

        deferred.searchProperty().set("film 1");
        deferred.sortMovies(byTitle);
        assertEquals(TinyData.SMALL_MOVIES, deferred.movies().size(), "nothing filtered on the calling thread");
        QueuedWork.runAll(background, uiTasks);
        assertEquals(11, deferred.movies().size(), "the search and the newest order, in one list");
        assertEquals(sorted(deferred.movies(), byTitle), List.copyOf(deferred.movies()));
        assertEquals("11 of 40 movies", deferred.filterSummaryProperty().get());

        Dataset next = TinyData.smallDataset();
        other.setDataset(next, DatasetStatistics.of(next));
        QueuedWork.runAll(background, uiTasks);
        assertEquals(TinyData.SMALL_MOVIES, deferred.movies().size(), "the search was cleared for the new dataset");
        assertEquals(sorted(deferred.movies(), byTitle), List.copyOf(deferred.movies()), "in the order chosen before");
    }

    @Test
    void theSelectedMovieStaysShownWhileTheTableClearsItsSelectionForANewList() {
        MovieRow row = viewModel.movies().stream().filter(r -> r.title().equals("Film 12")).findFirst().orElseThrow();
        viewModel.selectMovie(row);
        viewModel.moviesProperty().addListener((obs, old, rows) -> viewModel.selectMovie(null));
        viewModel.sortMovies(Comparator.comparing(MovieRow::title));
        assertSame(row, viewModel.selectedMovie(), "a table clearing its selection while the list is swapped is ignored");
        assertFalse(viewModel.selectedMovieRatings().isEmpty());
    }

    private static <T> List<T> sorted(List<T> rows, Comparator<? super T> order) {
        return rows.stream().sorted(order).toList();
    }

    @Test
    void aUserCanBeSentToThePerUserPanel() {
        UserRow user = viewModel.users().get(5);
        viewModel.showInUserPanel(user);
        assertEquals(user.id(), workbench.requestedUserProperty().get());
        assertEquals(Workbench.USER_VIEW, workbench.viewProperty().get());
    }

    @Test
    void logBinsDoubleInWidth() {
        assertEquals(List.of(new Bar("0", 1), new Bar("1", 1), new Bar("2–3", 2), new Bar("4–7", 1), new Bar("8–15", 1)),
                LogBins.of(new int[] {1, 2, 3, 4, 8, 0}));
        assertEquals(List.of(new Bar("4–7", 1), new Bar("8–15", 0), new Bar("16–31", 2)), LogBins.of(new int[] {5, 20, 31}),
                "empty bins between the smallest and largest stay, those below the smallest go");
    }
}
