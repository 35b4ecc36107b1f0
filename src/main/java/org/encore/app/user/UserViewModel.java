package org.encore.app.user;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.data.MovieProfiles;
import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;
import org.encore.recommend.Blend;
import org.encore.recommend.RatedMovie;
import org.encore.recommend.Recommendation;
import org.encore.recommend.Recommender;
import org.encore.training.Engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executor;

/**
 * The per-user panel: one user's rated movies beside the top N of every trained model, of the baselines switched
 * on ({@link PanelBaselines}) and of a weighted blend, movies listed more than once marked, and genre and decade
 * profiles of rated versus recommended movies ({@link ProfileBars}).
 */
public final class UserViewModel {
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
    /** The four profile bar lists, replaced together: the charts redraw once per user, not once per list. */
    private final ReadOnlyObjectWrapper<ProfileBars> profiles = new ReadOnlyObjectWrapper<>(this, "profiles", NO_PROFILES);
    private final PanelBaselines baselines;
    private final ProfileBars.Cache profileCache = new ProfileBars.Cache();
    private int row = -1;
    private static final ProfileBars NO_PROFILES = new ProfileBars(List.of(), List.of(), List.of(), List.of());

    /** A panel without an engine: EASE cannot be fitted (most popular can). */
    public UserViewModel(Workbench workbench, Random random, Executor background, Executor ui) {
        this(workbench, null, random, background, ui);
    }

    /** @param engine supplies EASE's solver for the baselines */
    public UserViewModel(Workbench workbench, Engine engine, Random random, Executor background, Executor ui) {
        this.workbench = workbench;
        this.baselines = new PanelBaselines(workbench, engine, background, ui, message);
        baselines.fitted().addListener((ListChangeListener<PanelScorer>) change -> rebuildModels());
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
        Map<RowScorer, Double> previous = new HashMap<>();
        models.forEach(m -> previous.put(m.source().scorer(), m.weight()));
        List<PanelScorer> sources = new ArrayList<>();
        for (TrainedRun run : workbench.runs()) {
            if (run.model() != null && run.dataset() == dataset) {
                sources.add(PanelScorer.of(run));
            }
        }
        sources.addAll(baselines.fitted());
        List<ModelWeight> usable = new ArrayList<>();
        for (PanelScorer source : sources) {
            double initial = previous.getOrDefault(source.scorer(), Blend.referenceWeight(source.modelName()));
            ModelWeight weight = new ModelWeight(source, initial);
            weight.weightProperty().addListener((obs, old, w) -> refresh());
            usable.add(weight);
        }
        models.setAll(usable);
        refresh();
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
        profiles.set(NO_PROFILES);
        summary.set(text);
    }

    /** What one computation needs, read on the FX thread. */
    private record Request(long generation, Dataset dataset, int row, int n, List<String> names, List<RowScorer> scorers,
                           double[] weights, Blend.Mode mode, ProfileBars.Cache profiles) {
    }

    /** What it produced, applied on the FX thread unless a newer request has started. */
    private record Result(long generation, List<RatedRow> rated, List<RecommendationList> lists, ProfileBars profiles,
                          String summary) {
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
            names.add(models.get(i).name());
            scorers.add(models.get(i).source().scorer());
            weights[i] = models.get(i).weight();
        }
        Request request = new Request(++generation, dataset, row, Math.max(1, topN.get()), names, scorers, weights, blendMode.get(),
                profileCache);
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
        profiles.set(result.profiles());
        summary.set(result.summary());
    }

    private static Result compute(Request request) {
        Dataset dataset = request.dataset();
        RatingMatrix matrix = dataset.ratings();
        int row = request.row();
        List<RatedMovie> own = Recommender.ratedByUser(matrix, row, Integer.MAX_VALUE);
        List<RatedRow> ratedRows = new ArrayList<>(own.size());
        List<Integer> ratedMovies = new ArrayList<>(own.size());
        for (RatedMovie r : own) {
            Movie movie = movie(dataset, r.movieId());
            ratedMovies.add(r.movieId());
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
        List<Integer> recommendedMovies = new ArrayList<>();
        for (Map.Entry<String, List<Recommendation>> e : raw.entrySet()) {
            RowScorer scorer = scorers.get(e.getKey());
            List<RecRow> rows = new ArrayList<>();
            double topScore = e.getValue().isEmpty() ? Double.NaN : e.getValue().get(0).score();
            for (Recommendation r : e.getValue()) {
                Movie movie = movie(dataset, r.movieId());
                recommendedMovies.add(r.movieId());
                rows.add(new RecRow(r.rank(), r.movieId(), movie.title(), movie.hasYear() ? movie.year() : null, genres(movie),
                        scoreText(scorer, r.score(), topScore), listings.get(r.movieId())));
            }
            built.add(new RecommendationList(e.getKey(), rows));
        }
        int modelCount = request.scorers().size();
        String summary = String.format(Locale.ROOT, "User %d · %,d ratings · mean %.2f · %d model%s", matrix.users().idAt(row),
                own.size(), own.stream().mapToDouble(RatedMovie::rating).average().orElse(0), modelCount,
                modelCount == 1 ? "" : "s") + (modelCount == 0 ? " — train or open a run to see recommendations" : "");
        ProfileBars profiles = ProfileBars.of(request.profiles().of(dataset), MovieProfiles.columnsOf(matrix, ratedMovies),
                MovieProfiles.columnsOf(matrix, recommendedMovies));
        return new Result(request.generation(), ratedRows, built, profiles, summary);
    }

    /**
     * A rating scorer's score as a percent of five stars; a ranking-only one's (baselines, blends) as a share of the
     * list's top score, so #1 reads 1.00 whatever the scorer's units (counts, item-item sums, z-scores).
     */
    static String scoreText(RowScorer scorer, double score, double topScore) {
        if (!scorer.predictsRatings()) {
            return String.format(Locale.ROOT, "%.2f", topScore > 0 ? score / topScore : score);
        }
        return String.format(Locale.ROOT, "%.0f%%", Recommender.percentOfFiveStars(score, scorer.valueScale()));
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

    /** The baselines offered beside the trained runs, and which are switched on. */
    public PanelBaselines baselines() {
        return baselines;
    }

    /** Trained models of the open dataset, then the baselines switched on, with their blend weights. */
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

    /** The rated-versus-recommended genre and decade bars of the user shown (empty lists before one is picked). */
    public ReadOnlyObjectProperty<ProfileBars> profilesProperty() {
        return profiles.getReadOnlyProperty();
    }

    public ProfileBars profiles() {
        return profiles.get();
    }

    /** MovieLens id of the user shown, -1 before one is picked (the Reconstruction tab follows it). */
    public ReadOnlyIntegerProperty userIdProperty() {
        return userId.getReadOnlyProperty();
    }
}
