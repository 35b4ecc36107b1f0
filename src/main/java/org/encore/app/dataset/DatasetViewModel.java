package org.encore.app.dataset;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.Bar;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.data.Movie;
import org.encore.data.RatingMatrix;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * The dataset browser's state: movies and users tables with their filters, and the data behind the charts.
 */
public final class DatasetViewModel {
    public static final String ALL_GENRES = "All genres";

    /** One daemon thread for the default constructor's rebuilds and scans (only the latest result is shown). */
    private static final Executor SCANS = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "encore-dataset-scan");
        thread.setDaemon(true);
        return thread;
    });

    private final Workbench workbench;
    private final Executor background;
    private final Executor ui;
    private long selections;
    private long rebuilds;
    /**
     * The tables' rows, filtered and sorted on the background executor and handed to the tables as new lists (at
     * ml-32m a {@code setAll} of 87,585 and 200,948 rows through the tables' sorted lists held the FX thread
     * 262-740 ms, a sort by a column header or a search seconds).
     */
    private final TableRows<MovieRow> movies;
    private final TableRows<UserRow> users;
    /** The row whose ratings are shown, kept while the movies table's list is replaced. */
    private MovieRow selectedMovie;
    private final ObservableList<String> genres = FXCollections.observableArrayList(ALL_GENRES);

    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> genre = new SimpleObjectProperty<>(this, "genre", ALL_GENRES);
    /** Set while the filters are cleared for a new dataset: the table is filtered once afterwards, not per field. */
    private boolean resetting;
    private final StringProperty yearFrom = new SimpleStringProperty(this, "yearFrom", "");
    private final StringProperty yearTo = new SimpleStringProperty(this, "yearTo", "");
    private final ReadOnlyStringWrapper filterSummary = new ReadOnlyStringWrapper(this, "filterSummary", "");
    private final ReadOnlyStringWrapper overview = new ReadOnlyStringWrapper(this, "overview", "");
    private final ReadOnlyStringWrapper selectedMovieTitle = new ReadOnlyStringWrapper(this, "selectedMovieTitle", "Select a movie");

    private final ObservableList<Bar> ratingHistogram = FXCollections.observableArrayList();
    private final ObservableList<Bar> ratingsPerUser = FXCollections.observableArrayList();
    private final ObservableList<Bar> ratingsPerMovie = FXCollections.observableArrayList();
    private final ObservableList<Bar> moviesPerGenre = FXCollections.observableArrayList();
    private final ObservableList<Bar> moviesPerDecade = FXCollections.observableArrayList();
    private final ObservableList<Bar> selectedMovieRatings = FXCollections.observableArrayList();

    /** Rebuilds and scans run on a private daemon thread, results come back through {@link Platform#runLater}. */
    public DatasetViewModel(Workbench workbench) {
        this(workbench, SCANS, Platform::runLater);
    }

    /**
     * @param background where the tables are built and the selected movie's rating scan runs (the workbench's
     *                   background executor)
     * @param ui         the UI thread's executor; tests pass {@code Runnable::run} for both
     */
    public DatasetViewModel(Workbench workbench, Executor background, Executor ui) {
        this.workbench = workbench;
        this.background = background;
        this.ui = ui;
        this.movies = new TableRows<>(background, ui, this::summarize);
        this.users = new TableRows<>(background, ui, () -> { });
        search.addListener((obs, old, text) -> refilter());
        genre.addListener((obs, old, g) -> refilter());
        yearFrom.addListener((obs, old, y) -> refilter());
        yearTo.addListener((obs, old, y) -> refilter());
        workbench.datasetProperty().addListener((obs, old, dataset) -> rebuild());
        rebuild();
    }

    /**
     * Rebuilds the tables and charts for the workbench's dataset. The rows and bars are built on the background
     * executor (at ml-32m: 87,585 movies and 200,948 users, seconds of work) and handed to the UI thread in one
     * step, unless another dataset arrived meanwhile; the tables' rows are then filtered and sorted in the background.
     */
    private void rebuild() {
        long ticket = ++rebuilds;
        selections++;
        selectedMovie = null;
        Dataset dataset = workbench.dataset();
        DatasetStatistics stats = workbench.statistics();
        selectedMovieRatings.clear();
        selectedMovieTitle.set("Select a movie");
        if (dataset == null || stats == null) {
            movies.clear();
            users.clear();
            List.of(ratingHistogram, ratingsPerUser, ratingsPerMovie, moviesPerGenre, moviesPerDecade).forEach(List::clear);
            overview.set("");
            return;
        }
        background.execute(() -> {
            Tables tables = Tables.of(dataset, stats);
            ui.execute(() -> {
                if (ticket == rebuilds) {
                    show(tables);
                }
            });
        });
    }

    /** Everything the view shows for one dataset, built off the UI thread. */
    private static final class Tables {
        final TreeSet<String> genreNames = new TreeSet<>();
        List<MovieRow> movies;
        List<UserRow> users;
        final List<Bar> histogram = new ArrayList<>();
        final List<Bar> byGenre = new ArrayList<>();
        final List<Bar> byDecade = new ArrayList<>();
        List<Bar> perUser;
        List<Bar> perMovie;
        String overview;

        static Tables of(Dataset dataset, DatasetStatistics stats) {
            Tables t = new Tables();
            RatingMatrix matrix = dataset.ratings();
            int[] perMovie = stats.ratingsPerMovie();
            float[] meanPerMovie = stats.meanPerMovie();
            List<MovieRow> movieRows = new ArrayList<>(dataset.movies().size());
            for (Movie movie : dataset.movies()) {
                int column = matrix.movies().indexOf(movie.id());
                int count = column >= 0 ? perMovie[column] : 0;
                movieRows.add(new MovieRow(movie, column, count, count > 0 ? meanPerMovie[column] : Double.NaN));
                t.genreNames.addAll(movie.genres());
            }
            t.movies = List.copyOf(movieRows);
            int[] perUser = stats.ratingsPerUser();
            float[] meanPerUser = stats.meanPerUser();
            List<UserRow> userRows = new ArrayList<>(matrix.userCount());
            for (int row = 0; row < matrix.userCount(); row++) {
                userRows.add(new UserRow(matrix.users().idAt(row), row, perUser[row], meanPerUser[row]));
            }
            t.users = List.copyOf(userRows);
            for (Map.Entry<Float, Long> e : stats.ratingHistogram().entrySet()) {
                t.histogram.add(new Bar(starLabel(e.getKey()), e.getValue()));
            }
            stats.moviesPerGenre().forEach((name, count) -> t.byGenre.add(new Bar(name, count)));
            stats.moviesPerDecade().forEach((decade, count) -> t.byDecade.add(new Bar(decade + "s", count)));
            t.perUser = LogBins.of(perUser);
            t.perMovie = LogBins.of(perMovie);
            t.overview = String.format(Locale.ROOT, "%,d ratings · %,d users · %,d movies (%,d rated) · density %.3f%% · mean %.2f",
                    stats.ratings(), stats.users(), stats.movies(), stats.ratedMovies(), stats.density() * 100, stats.meanRating());
            return t;
        }
    }

    private void show(Tables tables) {
        List<String> genreChoices = new ArrayList<>(List.of(ALL_GENRES));
        genreChoices.addAll(tables.genreNames);
        genres.setAll(genreChoices);
        resetFilters();
        movies.setRows(tables.movies, moviePredicate());
        users.setRows(tables.users, null);
        ratingHistogram.setAll(tables.histogram);
        ratingsPerUser.setAll(tables.perUser);
        ratingsPerMovie.setAll(tables.perMovie);
        moviesPerGenre.setAll(tables.byGenre);
        moviesPerDecade.setAll(tables.byDecade);
        overview.set(tables.overview);
        summarize();
    }

    /**
     * Clears the search, the genre and the years: a filter chosen on the previous dataset would hide movies of
     * this one without the filter bar showing it (a genre box emptied by the new genre list still filtered).
     */
    private void resetFilters() {
        resetting = true;
        try {
            search.set("");
            yearFrom.set("");
            yearTo.set("");
            // through null, so that a genre box whose items were just replaced shows the choice again
            genre.set(null);
            genre.set(ALL_GENRES);
        } finally {
            resetting = false;
        }
    }

    /**
     * Sorts the movies table's rows by {@code order} (the table's comparator after a click on a column header; null:
     * the dataset's order) on the background executor; the table shows the sorted list when it is ready.
     */
    public void sortMovies(Comparator<? super MovieRow> order) {
        movies.sort(order);
    }

    /** As {@link #sortMovies}, for the users table. */
    public void sortUsers(Comparator<? super UserRow> order) {
        users.sort(order);
    }

    private void refilter() {
        if (resetting) {
            return;
        }
        movies.filter(moviePredicate());
    }

    /** The movies table's filter from the search text, genre and years. */
    private Predicate<MovieRow> moviePredicate() {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        String wantedGenre = genre.get();
        Integer from = parseYear(yearFrom.get());
        Integer to = parseYear(yearTo.get());
        return row -> {
            if (!text.isEmpty() && !row.title().toLowerCase(Locale.ROOT).contains(text) && !String.valueOf(row.id()).equals(text)) {
                return false;
            }
            if (wantedGenre != null && !ALL_GENRES.equals(wantedGenre) && !row.movie().genres().contains(wantedGenre)) {
                return false;
            }
            if (from != null && (row.year() == null || row.year() < from)) {
                return false;
            }
            return to == null || (row.year() != null && row.year() <= to);
        };
    }

    private void summarize() {
        Integer from = parseYear(yearFrom.get());
        Integer to = parseYear(yearTo.get());
        String summary = String.format(Locale.ROOT, "%,d of %,d movies", movies.shown().size(), movies.all().size());
        // a year that does not parse is left out of the filter: say so rather than show an unexplained count
        List<String> ignored = new ArrayList<>();
        if (from == null && !isBlank(yearFrom.get())) {
            ignored.add("“" + yearFrom.get().trim() + "”");
        }
        if (to == null && !isBlank(yearTo.get())) {
            ignored.add("“" + yearTo.get().trim() + "”");
        }
        if (!ignored.isEmpty()) {
            summary += " · not a year, ignored: " + String.join(", ", ignored);
        }
        filterSummary.set(summary);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static Integer parseYear(String text) {
        if (isBlank(text)) {
            return null;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String starLabel(float rating) {
        return rating == Math.rint(rating) ? String.format(Locale.ROOT, "%.0f", rating) : String.format(Locale.ROOT, "%.1f", rating);
    }

    /**
     * Shows the rating distribution of {@code row}'s movie (half stars, 0.5 to 5). The title changes at once; the
     * bars follow when the scan of the rating matrix (32 million entries at ml-32m) has run on the background
     * executor, and only if no other movie was selected meanwhile. Call on the UI thread.
     */
    public void selectMovie(MovieRow row) {
        if (row == null && movies.replacing() || row != null && row == selectedMovie) {
            // the table's list is being replaced (the table then re-selects the row), or the row is shown already
            return;
        }
        selectedMovie = row;
        long ticket = ++selections;
        if (row == null) {
            selectedMovieRatings.clear();
            selectedMovieTitle.set("Select a movie");
            return;
        }
        selectedMovieTitle.set(row.movie().displayTitle() + (row.ratings() > 0
                ? String.format(Locale.ROOT, " — %,d ratings, mean %.2f", row.ratings(), row.mean()) : " — no ratings"));
        RatingMatrix matrix = workbench.dataset().ratings();
        int column = row.column();
        background.execute(() -> {
            List<Bar> bars = starBars(matrix, column);
            ui.execute(() -> {
                if (ticket == selections) {
                    selectedMovieRatings.setAll(bars);
                }
            });
        });
    }

    /** The movie in {@code column}'s ratings counted by half star (0.5 .. 5); ten bars, zeros for no column. */
    static List<Bar> starBars(RatingMatrix matrix, int column) {
        long[] counts = new long[10];
        if (column >= 0) {
            int[] columns = matrix.columnIndices();
            float[] ratings = matrix.ratings();
            for (int p = 0; p < columns.length; p++) {
                if (columns[p] == column) {
                    int bucket = Math.round(ratings[p] * 2) - 1;
                    counts[Math.max(0, Math.min(9, bucket))]++;
                }
            }
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            bars.add(new Bar(starLabel((i + 1) / 2f), counts[i]));
        }
        return bars;
    }

    /** Opens {@code user} in the per-user panel. */
    public void showInUserPanel(UserRow user) {
        if (user != null) {
            workbench.showUser(user.id());
        }
    }

    /** The movies table's rows as filtered and sorted now: a new list after each change (bind to {@link #moviesProperty}). */
    public ObservableList<MovieRow> movies() {
        return movies.shown();
    }

    public ReadOnlyObjectProperty<ObservableList<MovieRow>> moviesProperty() {
        return movies.shownProperty();
    }

    /** The movie whose ratings are shown (the table re-selects it in a re-sorted list), or null. */
    public MovieRow selectedMovie() {
        return selectedMovie;
    }

    /** The users table's rows as sorted now: a new list after each change (bind to {@link #usersProperty}). */
    public ObservableList<UserRow> users() {
        return users.shown();
    }

    public ReadOnlyObjectProperty<ObservableList<UserRow>> usersProperty() {
        return users.shownProperty();
    }

    public ObservableList<String> genres() {
        return genres;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> genreProperty() {
        return genre;
    }

    public StringProperty yearFromProperty() {
        return yearFrom;
    }

    public StringProperty yearToProperty() {
        return yearTo;
    }

    public ReadOnlyStringProperty filterSummaryProperty() {
        return filterSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedMovieTitleProperty() {
        return selectedMovieTitle.getReadOnlyProperty();
    }

    public ObservableList<Bar> ratingHistogram() {
        return ratingHistogram;
    }

    public ObservableList<Bar> ratingsPerUser() {
        return ratingsPerUser;
    }

    public ObservableList<Bar> ratingsPerMovie() {
        return ratingsPerMovie;
    }

    public ObservableList<Bar> moviesPerGenre() {
        return moviesPerGenre;
    }

    public ObservableList<Bar> moviesPerDecade() {
        return moviesPerDecade;
    }

    public ObservableList<Bar> selectedMovieRatings() {
        return selectedMovieRatings;
    }
}
