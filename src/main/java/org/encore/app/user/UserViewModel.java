package org.encore.app.user;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.app.StatusMessage;
import org.encore.app.Bar;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.data.RatingMatrix;
import org.encore.model.Presets;
import org.encore.model.RowScorer;
import org.encore.recommend.Blend;
import org.encore.recommend.RatedMovie;
import org.encore.recommend.Recommendation;
import org.encore.recommend.Recommender;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Executor;

/**
 * The per-user panel: one user's rated movies beside the top N of every trained model and of a weighted blend,
 * movies listed more than once marked, and genre and decade profiles of rated versus recommended movies.
 */
public final class UserViewModel {
    private static final int PROFILE_GENRES = 10;

    private final Workbench workbench;
    private final Random random;
    private final Executor background;
    private final Executor ui;
    private long generation;
    private final StringProperty userIdText = new SimpleStringProperty(this, "userIdText", "");
    private final IntegerProperty topN = new SimpleIntegerProperty(this, "topN", 10);
    private final BooleanProperty sideBySide = new SimpleBooleanProperty(this, "sideBySide", true);
    private final ObjectProperty<Blend.Mode> blendMode = new SimpleObjectProperty<>(this, "blendMode", Blend.Mode.SCORE);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Pick a user");
    private final StatusMessage message = new StatusMessage();
    private final ReadOnlyIntegerWrapper userId = new ReadOnlyIntegerWrapper(this, "userId", -1);
    private final ObservableList<ModelWeight> models = FXCollections.observableArrayList();
    private final ObservableList<RatedRow> rated = FXCollections.observableArrayList();
    private final ObservableList<RecommendationList> lists = FXCollections.observableArrayList();
    private final ObservableList<Bar> ratedGenres = FXCollections.observableArrayList();
    private final ObservableList<Bar> recommendedGenres = FXCollections.observableArrayList();
    private final ObservableList<Bar> ratedDecades = FXCollections.observableArrayList();
    private final ObservableList<Bar> recommendedDecades = FXCollections.observableArrayList();
    private int row = -1;

    public UserViewModel(Workbench workbench, Random random, Executor background, Executor ui) {
        this.workbench = workbench;
        this.random = random;
        this.background = background;
        this.ui = ui;
        workbench.runs().addListener((ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                for (TrainedRun run : change.getAddedSubList()) {
                    run.modelProperty().addListener((obs, old, model) -> rebuildModels());
                }
            }
            rebuildModels();
        });
        workbench.datasetProperty().addListener((obs, old, dataset) -> {
            row = -1;
            userId.set(-1);
            rebuildModels();
            clear("Pick a user");
        });
        workbench.requestedUserProperty().addListener((obs, old, id) -> {
            if (id.intValue() >= 0) {
                showUser(id.intValue());
            }
        });
        topN.addListener((obs, old, n) -> refresh());
        blendMode.addListener((obs, old, mode) -> refresh());
        rebuildModels();
    }

    private void rebuildModels() {
        Dataset dataset = workbench.dataset();
        Map<TrainedRun, Double> previous = new HashMap<>();
        models.forEach(m -> previous.put(m.run(), m.weight()));
        List<ModelWeight> usable = new ArrayList<>();
        for (TrainedRun run : workbench.runs()) {
            if (run.model() != null && run.dataset() == dataset) {
                ModelWeight weight = new ModelWeight(run, previous.getOrDefault(run, referenceWeight(run)));
                weight.weightProperty().addListener((obs, old, w) -> refresh());
                usable.add(weight);
            }
        }
        models.setAll(usable);
        refresh();
    }

    /** The reference blend weights models 1 and 4 up and mixes in 2 and 3. */
    private static double referenceWeight(TrainedRun run) {
        int preset = Presets.NAMES.indexOf(run.spec().name());
        return preset < 0 ? 0.25 : Blend.REFERENCE_WEIGHTS[preset];
    }

    /** Shows the user typed into {@link #userIdTextProperty()}. */
    public void showTypedUser() {
        try {
            showUser(Integer.parseInt(userIdText.get().trim()));
        } catch (NumberFormatException e) {
            message.error("A user id is a whole number, got '" + userIdText.get() + "'");
        }
    }

    public void showRandomUser() {
        Dataset dataset = workbench.dataset();
        if (dataset == null || dataset.ratings().userCount() == 0) {
            message.info("Open a dataset first");
            return;
        }
        showUser(dataset.ratings().users().idAt(random.nextInt(dataset.ratings().userCount())));
    }

    /** Shows MovieLens user {@code userId}. */
    public void showUser(int userId) {
        Dataset dataset = workbench.dataset();
        if (dataset == null) {
            message.info("Open a dataset first");
            return;
        }
        int found = dataset.ratings().users().indexOf(userId);
        if (found < 0) {
            message.error("No user " + userId + " in " + dataset.release());
            return;
        }
        row = found;
        this.userId.set(userId);
        userIdText.set(String.valueOf(userId));
        message.info("");
        refresh();
    }

    private void clear(String text) {
        generation++;
        rated.clear();
        lists.clear();
        List.of(ratedGenres, recommendedGenres, ratedDecades, recommendedDecades).forEach(List::clear);
        summary.set(text);
    }

    /** What one computation needs, read on the FX thread. */
    private record Request(long generation, Dataset dataset, int row, int n, List<String> names, List<RowScorer> scorers,
                           double[] weights, Blend.Mode mode) {
    }

    /** What it produced, applied on the FX thread unless a newer request has started. */
    private record Result(long generation, List<RatedRow> rated, List<RecommendationList> lists, List<Bar> ratedGenres,
                          List<Bar> recommendedGenres, List<Bar> ratedDecades, List<Bar> recommendedDecades, String summary) {
    }

    /**
     * Recomputes the lists for the current user in the background (one row per model, but a blend of four
     * wide models is worth keeping off the FX thread while a weight slider moves); only the newest result shows.
     */
    public void refresh() {
        Dataset dataset = workbench.dataset();
        if (dataset == null || row < 0) {
            return;
        }
        List<String> names = new ArrayList<>();
        List<RowScorer> scorers = new ArrayList<>();
        double[] weights = new double[models.size()];
        for (int i = 0; i < models.size(); i++) {
            names.add(models.get(i).run().name());
            scorers.add(models.get(i).run().model());
            weights[i] = models.get(i).weight();
        }
        Request request = new Request(++generation, dataset, row, Math.max(1, topN.get()), names, scorers, weights, blendMode.get());
        BackgroundTask.wrap(() -> compute(request))
                .onSuccess(this::apply)
                .onFailure(e -> message.error("Cannot recommend: " + BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }

    private void apply(Result result) {
        if (result.generation() != generation) {
            return;
        }
        rated.setAll(result.rated());
        lists.setAll(result.lists());
        ratedGenres.setAll(result.ratedGenres());
        recommendedGenres.setAll(result.recommendedGenres());
        ratedDecades.setAll(result.ratedDecades());
        recommendedDecades.setAll(result.recommendedDecades());
        summary.set(result.summary());
    }

    private static Result compute(Request request) {
        Dataset dataset = request.dataset();
        RatingMatrix matrix = dataset.ratings();
        int row = request.row();
        List<RatedMovie> own = Recommender.ratedByUser(matrix, row, Integer.MAX_VALUE);
        List<RatedRow> ratedRows = new ArrayList<>(own.size());
        List<Movie> ratedMovies = new ArrayList<>(own.size());
        for (RatedMovie r : own) {
            Movie movie = movie(dataset, r.movieId());
            ratedMovies.add(movie);
            ratedRows.add(new RatedRow(r.movieId(), movie.title(), movie.hasYear() ? movie.year() : null, genres(movie), r.rating()));
        }

        int n = request.n();
        Map<String, List<Recommendation>> raw = new LinkedHashMap<>();
        Map<String, RowScorer> scorers = new LinkedHashMap<>();
        List<RowScorer> members = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < request.scorers().size(); i++) {
            RowScorer model = request.scorers().get(i);
            raw.put(request.names().get(i), Recommender.top(model, matrix, row, n));
            scorers.put(request.names().get(i), model);
            if (request.weights()[i] > 0) {
                members.add(model);
                weights.add(request.weights()[i]);
            }
        }
        if (members.size() >= 2) {
            Blend blend = new Blend("blend", members, weights.stream().mapToDouble(Double::doubleValue).toArray(), request.mode());
            String name = "Blend (" + request.mode().name().toLowerCase(Locale.ROOT) + ")";
            raw.put(name, Recommender.top(blend, matrix, row, n));
            scorers.put(name, blend);
        }
        Map<Integer, Integer> listings = new HashMap<>();
        raw.values().forEach(list -> list.forEach(r -> listings.merge(r.movieId(), 1, Integer::sum)));
        List<RecommendationList> built = new ArrayList<>();
        List<Movie> recommendedMovies = new ArrayList<>();
        for (Map.Entry<String, List<Recommendation>> e : raw.entrySet()) {
            RowScorer scorer = scorers.get(e.getKey());
            List<RecRow> rows = new ArrayList<>();
            for (Recommendation r : e.getValue()) {
                Movie movie = movie(dataset, r.movieId());
                recommendedMovies.add(movie);
                rows.add(new RecRow(r.rank(), r.movieId(), movie.title(), movie.hasYear() ? movie.year() : null, genres(movie),
                        scoreText(scorer, r.score()), listings.get(r.movieId())));
            }
            built.add(new RecommendationList(e.getKey(), rows));
        }
        int modelCount = request.scorers().size();
        String summary = String.format(Locale.ROOT, "User %d · %,d ratings · mean %.2f · %d model%s", matrix.users().idAt(row),
                own.size(), own.stream().mapToDouble(RatedMovie::rating).average().orElse(0), modelCount,
                modelCount == 1 ? "" : "s") + (modelCount == 0 ? " — train or open a run to see recommendations" : "");
        List<List<Bar>> profiles = profiles(ratedMovies, recommendedMovies);
        return new Result(request.generation(), ratedRows, built, profiles.get(0), profiles.get(1), profiles.get(2),
                profiles.get(3), summary);
    }

    private static String scoreText(RowScorer scorer, double score) {
        if (!scorer.predictsRatings()) {
            return String.format(Locale.ROOT, "%.2f", score);
        }
        return String.format(Locale.ROOT, "%.0f%%", Recommender.percentOfFiveStars(score, scorer.valueScale()));
    }

    /** Rated genres, recommended genres, rated decades, recommended decades: percent of movies. */
    private static List<List<Bar>> profiles(List<Movie> ratedMovies, List<Movie> recommendedMovies) {
        Map<String, Double> ratedShare = genreShares(ratedMovies);
        Map<String, Double> recShare = genreShares(recommendedMovies);
        // the genres that matter most to either side, largest first
        Map<String, Double> combined = new HashMap<>();
        ratedShare.forEach((g, v) -> combined.merge(g, v, Double::sum));
        recShare.forEach((g, v) -> combined.merge(g, v, Double::sum));
        List<String> top = combined.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(PROFILE_GENRES).map(Map.Entry::getKey).toList();
        List<Bar> ratedGenreBars = top.stream().map(g -> new Bar(g, ratedShare.getOrDefault(g, 0.0))).toList();
        List<Bar> recommendedGenreBars = top.stream().map(g -> new Bar(g, recShare.getOrDefault(g, 0.0))).toList();
        Map<Integer, Double> ratedDec = decadeShares(ratedMovies);
        Map<Integer, Double> recDec = decadeShares(recommendedMovies);
        TreeMap<Integer, Boolean> decades = new TreeMap<>();
        ratedDec.keySet().forEach(d -> decades.put(d, true));
        recDec.keySet().forEach(d -> decades.put(d, true));
        return List.of(ratedGenreBars, recommendedGenreBars,
                decades.keySet().stream().map(d -> new Bar(d + "s", ratedDec.getOrDefault(d, 0.0))).toList(),
                decades.keySet().stream().map(d -> new Bar(d + "s", recDec.getOrDefault(d, 0.0))).toList());
    }

    /** Percent of the movies having each genre. */
    static Map<String, Double> genreShares(List<Movie> movies) {
        Map<String, Double> shares = new HashMap<>();
        for (Movie m : movies) {
            m.genres().forEach(g -> shares.merge(g, 100.0 / movies.size(), Double::sum));
        }
        return shares;
    }

    /** Percent of the movies (with a year) released in each decade. */
    static Map<Integer, Double> decadeShares(List<Movie> movies) {
        List<Movie> dated = movies.stream().filter(Movie::hasYear).toList();
        Map<Integer, Double> shares = new HashMap<>();
        for (Movie m : dated) {
            shares.merge(m.year() / 10 * 10, 100.0 / dated.size(), Double::sum);
        }
        return shares;
    }

    private static Movie movie(Dataset dataset, int id) {
        Movie movie = dataset.movie(id);
        return movie != null ? movie : new Movie(id, "Movie " + id, Movie.NO_YEAR, java.util.Set.of());
    }

    private static String genres(Movie movie) {
        return String.join(", ", movie.genres().stream().sorted().toList());
    }

    public StringProperty userIdTextProperty() {
        return userIdText;
    }

    public IntegerProperty topNProperty() {
        return topN;
    }

    /** The lists side by side to compare them, or one at a time at full width (titles whole). */
    public BooleanProperty sideBySideProperty() {
        return sideBySide;
    }

    public ObjectProperty<Blend.Mode> blendModeProperty() {
        return blendMode;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.textProperty();
    }

    /** The view's status line, and whether it is an error. */
    public StatusMessage message() {
        return message;
    }

    /** Trained models of the open dataset, with their blend weights. */
    public ObservableList<ModelWeight> models() {
        return models;
    }

    /** The user's rated movies, best first. */
    public ObservableList<RatedRow> rated() {
        return rated;
    }

    /** One list per model, then the blend's (when two or more models have weight). */
    public ObservableList<RecommendationList> lists() {
        return lists;
    }

    public ObservableList<Bar> ratedGenres() {
        return ratedGenres;
    }

    public ObservableList<Bar> recommendedGenres() {
        return recommendedGenres;
    }

    public ObservableList<Bar> ratedDecades() {
        return ratedDecades;
    }

    public ObservableList<Bar> recommendedDecades() {
        return recommendedDecades;
    }

    /** MovieLens id of the user shown, -1 before one is picked (the Reconstruction tab follows it). */
    public ReadOnlyIntegerProperty userIdProperty() {
        return userId.getReadOnlyProperty();
    }
}
