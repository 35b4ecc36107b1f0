package org.encore.app.latent;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.app.StatusMessage;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.data.RatingMatrix;
import org.encore.inspect.Colouring;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPoint;
import org.encore.inspect.UserActivations;
import org.encore.training.TrainedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The latent map view: a trained run of the open dataset and one of its layers, every user's PCA projection
 * ({@link LatentMap}, a seeded sample above {@link LatentMap#MAX_USERS}) coloured by dominant genre, decade,
 * activity or mean rating, or the output layer's movie vectors; hovering describes a point, a click sends a
 * user to the per-user panel and a box selection lists the users and the movies they rated most. Maps are
 * computed on the background executor; only the newest request's map is shown.
 * <p>
 * The run training now is listed too ("live"): with {@link #liveUpdatesProperty() update every epoch} on (the
 * default unless the set has more than {@link #LIVE_LIMIT} users or movies), its map is redrawn after every epoch
 * ({@link LiveLatentMap}), with the epoch shown, until the finished model's map replaces it.
 */
public final class LatentMapViewModel {
    /** Seed of the user sample (the CLI's default, so both show the same sample). */
    public static final long SEED = 42;
    /** Movies listed for a box selection. */
    public static final int TOP_MOVIES = 15;
    /** Users or movies above which a live map is off by default (each epoch would map a 20,000-user sample). */
    public static final int LIVE_LIMIT = 20_000;

    private final Workbench workbench;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<TrainedRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<TrainedRun> run = new SimpleObjectProperty<>(this, "run");
    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>(this, "layer");
    private final ObjectProperty<Colouring> colouring = new SimpleObjectProperty<>(this, "colouring", Colouring.GENRE);
    private final BooleanProperty movies = new SimpleBooleanProperty(this, "movies");
    // on by default: the codes' lengths mostly follow how many movies a user rated, their directions the taste
    // (PlantedGroupsMapTest: the planted groups separate at unit length, not reliably without)
    private final BooleanProperty unitLength = new SimpleBooleanProperty(this, "unitLength", true);
    private final ReadOnlyObjectWrapper<LatentMap> map = new ReadOnlyObjectWrapper<>(this, "map");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyStringWrapper xLabel = new ReadOnlyStringWrapper(this, "xLabel", "PC1");
    private final ReadOnlyStringWrapper yLabel = new ReadOnlyStringWrapper(this, "yLabel", "PC2");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ObservableList<MapPoint> selection = FXCollections.observableArrayList();
    private final ObservableList<String> selectedMovies = FXCollections.observableArrayList();
    private final StatusMessage message = new StatusMessage();
    private final BooleanProperty liveUpdates = new SimpleBooleanProperty(this, "liveUpdates", true);
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyStringWrapper epochLabel = new ReadOnlyStringWrapper(this, "epochLabel", "");
    private final LiveLatentMap liveMap;
    /** The run whose map is shown, whether at unit length, and the live epoch shown (0: none). */
    private TrainedRun shownRun;
    private boolean shownUnitLength;
    private int shownEpoch;
    private long generation;

    public LatentMapViewModel(Workbench workbench, Executor background, Executor ui) {
        this.workbench = workbench;
        this.background = background;
        this.ui = ui;
        this.liveMap = new LiveLatentMap(background, ui, this::showLive, text -> message.error("Cannot map the epoch: " + text));
        workbench.runs().addListener((ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::follow);
            }
            rebuildRuns();
        });
        workbench.runs().forEach(this::follow);
        workbench.datasetProperty().addListener((obs, old, dataset) -> {
            liveUpdates.set(liveByDefault(dataset));
            rebuildRuns();
        });
        liveUpdates.set(liveByDefault(workbench.dataset()));
        run.addListener((obs, old, picked) -> picked(picked));
        layer.addListener((obs, old, name) -> {
            updateLive();
            compute();
        });
        colouring.addListener((obs, old, c) -> {
            updateLive();
            liveMap.reproject();
            compute();
        });
        movies.addListener((obs, old, on) -> {
            updateLive();
            compute();
        });
        unitLength.addListener((obs, old, on) -> {
            updateLive();
            liveMap.reproject();
            compute();
        });
        liveUpdates.addListener((obs, old, on) -> {
            updateLive();
            describeLive();
        });
        rebuildRuns();
    }

    /** Whether a live map is on by default for {@code dataset}: at most {@link #LIVE_LIMIT} users and movies. */
    public static boolean liveByDefault(Dataset dataset) {
        return dataset == null || (dataset.ratings().userCount() <= LIVE_LIMIT && dataset.ratings().movieCount() <= LIVE_LIMIT);
    }

    /** Rebuilds the list when a run starts, finishes or fails; maps the picked run once it has finished. */
    private void follow(TrainedRun r) {
        r.modelProperty().addListener((obs, old, model) -> {
            rebuildRuns();
            if (model != null && r == run.get()) {
                picked(r);
            }
        });
        r.statusProperty().addListener((obs, old, text) -> rebuildRuns());
    }

    /** A run was picked: a finished one is mapped now, one training now is watched epoch by epoch. */
    private void picked(TrainedRun picked) {
        TrainedModel model = picked == null ? null : picked.model();
        boolean training = picked != null && picked.training();
        live.set(training);
        liveMap.watch(training ? picked : null);
        epochLabel.set("");
        if (model == null) {
            layers.clear();
        } else {
            layers.setAll(model.layerNames());
            String kept = layer.get();
            String chosen = kept != null && model.layerNames().contains(kept) ? kept : LatentMap.defaultLayer(model);
            layer.set(chosen); // a new layer computes the map through its listener
            if (chosen.equals(kept)) {
                compute();
            }
        }
        if (training) {
            shownEpoch = 0;
            map.set(null);
            updateLive();
            describeLive();
        }
    }

    private void updateLive() {
        liveMap.settings(new LiveLatentMap.Settings(workbench.dataset(), layer.get(), colouring.get(), movies.get(),
                unitLength.get(), liveUpdates.get()));
    }

    /** The summary of a live pick before its first map, or with updates off. */
    private void describeLive() {
        TrainedRun picked = run.get();
        if (picked == null || !picked.training() || (liveUpdates.get() && map.get() != null)) {
            return;
        }
        summary.set(liveUpdates.get()
                ? "Live: " + picked.name() + " is training; its map appears after the next epoch (of "
                        + picked.spec().training().epochs() + ")"
                : "Live: " + picked.name() + " is training; tick 'update every epoch' to watch its map, or wait for the finished run");
    }

    /** An epoch's map of the live run (UI executor). */
    private void showLive(LiveLatentMap.Frame frame) {
        TrainedRun picked = run.get();
        if (frame.run() != picked || !picked.training() || frame.epoch() < shownEpoch) {
            return;
        }
        if (!layers.equals(frame.layers())) {
            layers.setAll(frame.layers());
        }
        if (!frame.map().layer().equals(layer.get()) && !movies.get()) {
            layer.set(frame.map().layer());
        }
        shownEpoch = frame.epoch();
        epochLabel.set(String.format(Locale.ROOT, "epoch %d of %d", frame.epoch(), picked.spec().training().epochs()));
        show(frame.map(), new Request(generation, null, workbench.dataset(), frame.map().layer(), colouring.get(),
                movies.get(), unitLength.get()), picked);
        summary.set("Live, " + epochLabel.get() + " · " + summary.get());
    }

    /** The finished runs and the run training now of the open dataset; keeps the pick when it is still there. */
    private void rebuildRuns() {
        Dataset dataset = workbench.dataset();
        List<TrainedRun> usable = workbench.runs().stream()
                .filter(r -> (r.model() != null || r.training()) && r.dataset() == dataset).toList();
        TrainedRun picked = run.get();
        runs.setAll(usable);
        if (picked == null || !usable.contains(picked)) {
            run.set(usable.isEmpty() ? null : usable.get(usable.size() - 1));
        }
        if (usable.isEmpty()) {
            map.set(null);
            summary.set(dataset == null ? "Open a dataset, then train or open a run" : "Train or open a run of this dataset to map it");
        }
    }

    /** What one map computation needs, read on the FX thread. */
    private record Request(long generation, TrainedModel model, Dataset dataset, String layer, Colouring colouring,
                           boolean movies, boolean unitLength) {
    }

    /** Recomputes the map for the current choices in the background. */
    public void compute() {
        TrainedRun picked = run.get();
        Dataset dataset = workbench.dataset();
        if (picked == null || picked.model() == null || dataset == null || picked.dataset() != dataset
                || (!movies.get() && layer.get() == null)) {
            return;
        }
        Request request = new Request(++generation, picked.model(), dataset, layer.get(), colouring.get(), movies.get(),
                unitLength.get());
        computing.set(true);
        message.info("Computing the map…");
        BackgroundTask.wrap(() -> request.movies()
                        ? LatentMap.ofMovies(request.model(), request.dataset(), request.colouring())
                        : LatentMap.ofUsers(scaled(UserActivations.of(request.model(), request.dataset().ratings(),
                                request.layer(), LatentMap.MAX_USERS, SEED), request.unitLength()), request.dataset(), request.colouring()))
                .onSuccess(result -> {
                    if (request.generation() == generation) {
                        show(result, request, picked);
                    }
                })
                .onFailure(e -> {
                    if (request.generation() == generation) {
                        computing.set(false);
                        message.error("Cannot map " + picked.name() + ": " + BackgroundTask.describe(e));
                    }
                })
                .executeWith(background, ui);
    }

    /** Shows a map of {@code from}; axes keep their signs from the map shown before when it was of the same run and layer. */
    private void show(LatentMap computed, Request request, TrainedRun from) {
        LatentMap before = map.get();
        LatentMap result = before != null && from == shownRun && before.layer().equals(computed.layer())
                && shownUnitLength == request.unitLength() ? computed.alignedTo(before) : computed;
        shownRun = from;
        shownUnitLength = request.unitLength();
        computing.set(false);
        message.info("");
        double[] explained = result.explainedVariance();
        xLabel.set(String.format(Locale.ROOT, "PC1 (%.1f%% of the variance)", 100 * explained[0]));
        yLabel.set(String.format(Locale.ROOT, "PC2 (%.1f%% of the variance)", 100 * explained[1]));
        String noun = request.movies() ? "movies" : "users";
        String what = request.movies() ? "output-layer movie vectors"
                : "'" + result.layer() + "' layer" + (request.unitLength() ? " (unit length)" : "");
        summary.set(result.sampled()
                ? String.format(Locale.ROOT, "%s, %d wide · sampled %,d of %,d %s", what, result.layerWidth(), result.points().size(), result.total(), noun)
                : String.format(Locale.ROOT, "%s, %d wide · %,d %s", what, result.layerWidth(), result.points().size(), noun));
        selection.clear();
        selectedMovies.clear();
        map.set(result);
    }

    /** {@code activations}, each user's vector at unit length when {@code unitLength} ({@link UserActivations#unitLength}). */
    static UserActivations scaled(UserActivations activations, boolean unitLength) {
        return unitLength ? activations.unitLength() : activations;
    }

    /** The point's description for hovering: id, what it is coloured by, number of ratings. */
    public String describe(MapPoint point) {
        Dataset dataset = workbench.dataset();
        LatentMap shown = map.get();
        if (dataset == null || shown == null) {
            return "";
        }
        RatingMatrix m = dataset.ratings();
        if (movies.get()) {
            Movie movie = dataset.movie(point.id());
            String title = movie == null ? "movie " + point.id() : movie.displayTitle();
            return String.format(Locale.ROOT, "%s (id %d) · %s", title, point.id(), point.label());
        }
        int row = m.users().indexOf(point.id());
        int ratings = row < 0 ? 0 : m.rowLength(row);
        return String.format(Locale.ROOT, "User %d · %s · %,d ratings", point.id(), point.label(), ratings);
    }

    /** Sends a user point to the per-user panel (a movie point only gets described). */
    public void open(MapPoint point) {
        if (!movies.get() && map.get() != null) {
            workbench.showUser(point.id());
        }
    }

    /**
     * Selects the points inside the box (map coordinates, corners in any order) and lists, for users, the movies
     * most of them rated ("Title: n of k users"), for movies their titles.
     */
    public void selectBox(double x0, double y0, double x1, double y1) {
        LatentMap shown = map.get();
        Dataset dataset = workbench.dataset();
        if (shown == null || dataset == null) {
            return;
        }
        double minX = Math.min(x0, x1);
        double maxX = Math.max(x0, x1);
        double minY = Math.min(y0, y1);
        double maxY = Math.max(y0, y1);
        List<MapPoint> inside = shown.points().stream()
                .filter(p -> p.x() >= minX && p.x() <= maxX && p.y() >= minY && p.y() <= maxY).toList();
        selection.setAll(inside);
        selectedMovies.setAll(movies.get() ? titles(dataset, inside) : mostRated(dataset, inside));
    }

    private static List<String> titles(Dataset dataset, List<MapPoint> inside) {
        return inside.stream().limit(200).map(p -> {
            Movie movie = dataset.movie(p.id());
            return movie == null ? "movie " + p.id() : movie.displayTitle();
        }).toList();
    }

    private static List<String> mostRated(Dataset dataset, List<MapPoint> users) {
        RatingMatrix m = dataset.ratings();
        int[] counts = new int[m.movieCount()];
        for (MapPoint user : users) {
            int row = m.users().indexOf(user.id());
            for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
                counts[m.columnAt(p)]++;
            }
        }
        Integer[] order = new Integer[counts.length];
        Arrays.setAll(order, c -> c);
        Arrays.sort(order, Comparator.comparingInt((Integer c) -> -counts[c]).thenComparingInt(c -> c));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(TOP_MOVIES, order.length) && counts[order[i]] > 0; i++) {
            Movie movie = dataset.movieOfColumn(order[i]);
            lines.add(String.format(Locale.ROOT, "%s: %d of %d users", movie.displayTitle(), counts[order[i]], users.size()));
        }
        return lines;
    }

    public ObservableList<TrainedRun> runs() {
        return runs;
    }

    public ObjectProperty<TrainedRun> runProperty() {
        return run;
    }

    public ObservableList<String> layers() {
        return layers;
    }

    public ObjectProperty<String> layerProperty() {
        return layer;
    }

    public ObjectProperty<Colouring> colouringProperty() {
        return colouring;
    }

    /** Map the output layer's movie vectors instead of the users. */
    public BooleanProperty moviesProperty() {
        return movies;
    }

    /** The map shown, or null. */
    public ReadOnlyObjectProperty<LatentMap> mapProperty() {
        return map.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    /** "PC1 (16.2% of the variance)". */
    public ReadOnlyStringProperty xLabelProperty() {
        return xLabel.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty yLabelProperty() {
        return yLabel.getReadOnlyProperty();
    }

    /** What is mapped and how many points, "sampled N of M users" when sampled. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Points of the last box selection. */
    public ObservableList<MapPoint> selection() {
        return selection;
    }

    /** The selected users' most rated movies, or the selected movies' titles. */
    public ObservableList<String> selectedMovies() {
        return selectedMovies;
    }

    /** Each user's vector scaled to length 1 before the PCA: the map of directions (taste) rather than sizes. */
    public BooleanProperty unitLengthProperty() {
        return unitLength;
    }

    /** "update every epoch": whether the live run's map is redrawn after each epoch. */
    public BooleanProperty liveUpdatesProperty() {
        return liveUpdates;
    }

    /** Whether the run picked is the one training now. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** "epoch 7 of 30" while a live map is shown, else empty. */
    public ReadOnlyStringProperty epochLabelProperty() {
        return epochLabel.getReadOnlyProperty();
    }

    public StatusMessage message() {
        return message;
    }
}
