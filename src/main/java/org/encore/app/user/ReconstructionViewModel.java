package org.encore.app.user;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.app.Bar;
import org.encore.app.StatusMessage;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.inspect.Reconstruction;
import org.encore.recommend.Recommendation;
import org.encore.training.Histogram;
import org.encore.training.TrainedModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The per-user panel's Reconstruction tab: for the user shown and one trained model, the rated movies with the
 * rating, the model's output (stars for a rating predictor, its rank for a ranking model) and the error, then the
 * unrated movies with the highest outputs (the recommendations), and a histogram of every output for the user
 * ({@link Reconstruction}, the reference's {@code predict(x) * (x == 0)}). Computed on the background executor.
 */
public final class ReconstructionViewModel {
    /** Recommendations listed. */
    public static final int TOP = 20;

    private final Workbench workbench;
    private final ReadOnlyIntegerProperty userId;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<TrainedRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<TrainedRun> run = new SimpleObjectProperty<>(this, "run");
    private final ObservableList<ReconstructionRow> rated = FXCollections.observableArrayList();
    private final ObservableList<ReconstructionRow> recommended = FXCollections.observableArrayList();
    private final ObservableList<Bar> histogram = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Pick a user and a trained model");
    private final ReadOnlyStringWrapper outputHeading = new ReadOnlyStringWrapper(this, "outputHeading", "Output");
    private final StatusMessage message = new StatusMessage();
    private long generation;

    /** {@code userId}: the per-user panel's user (-1 for none), followed. */
    public ReconstructionViewModel(Workbench workbench, ReadOnlyIntegerProperty userId, Executor background, Executor ui) {
        this.workbench = workbench;
        this.userId = userId;
        this.background = background;
        this.ui = ui;
        workbench.runs().addListener((ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(r -> r.modelProperty().addListener((obs, old, model) -> rebuildRuns()));
            }
            rebuildRuns();
        });
        workbench.datasetProperty().addListener((obs, old, dataset) -> rebuildRuns());
        run.addListener((obs, old, picked) -> refresh());
        userId.addListener((obs, old, id) -> refresh());
        rebuildRuns();
    }

    private void rebuildRuns() {
        Dataset dataset = workbench.dataset();
        List<TrainedRun> usable = workbench.runs().stream().filter(r -> r.model() != null && r.dataset() == dataset).toList();
        TrainedRun picked = run.get();
        runs.setAll(usable);
        if (picked == null || !usable.contains(picked)) {
            run.set(usable.isEmpty() ? null : usable.get(0));
        }
    }

    /** What the tab shows, built off the FX thread. */
    private record Result(long generation, List<ReconstructionRow> rated, List<ReconstructionRow> recommended,
                          List<Bar> histogram, String summary, String heading) {
    }

    /** Recomputes the reconstruction of the user shown by the picked model. */
    public void refresh() {
        Dataset dataset = workbench.dataset();
        TrainedRun picked = run.get();
        int id = userId.get();
        long request = ++generation;
        if (dataset == null || picked == null || picked.model() == null || id < 0) {
            rated.clear();
            recommended.clear();
            histogram.clear();
            summary.set(picked == null ? "Train or open a run to see how it reconstructs a user" : "Pick a user");
            return;
        }
        int row = dataset.ratings().users().indexOf(id);
        if (row < 0) {
            return;
        }
        TrainedModel model = picked.model();
        BackgroundTask.wrap(() -> compute(request, dataset, model, row, picked.name()))
                .onSuccess(result -> {
                    if (result.generation() == generation) {
                        rated.setAll(result.rated());
                        recommended.setAll(result.recommended());
                        histogram.setAll(result.histogram());
                        summary.set(result.summary());
                        outputHeading.set(result.heading());
                        message.info("");
                    }
                })
                .onFailure(e -> message.error("Cannot reconstruct user " + id + ": " + BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }

    private static Result compute(long generation, Dataset dataset, TrainedModel model, int row, String name) {
        Reconstruction r = Reconstruction.of(model, dataset.ratings(), row, TOP);
        boolean stars = r.predictsRatings();
        List<ReconstructionRow> ratedRows = new ArrayList<>();
        for (Reconstruction.RatedRow m : r.rated()) {
            ratedRows.add(new ReconstructionRow(title(dataset, m.movieId()), String.format(Locale.ROOT, "%.1f", m.rating()),
                    stars ? String.format(Locale.ROOT, "%.2f", m.predicted()) : String.format(Locale.ROOT, "%.3f", m.score()),
                    stars ? String.format(Locale.ROOT, "%+.2f", m.error()) : "", m.rank()));
        }
        List<ReconstructionRow> recs = new ArrayList<>();
        for (Recommendation m : r.recommendations()) {
            double shown = stars ? m.score() / model.valueScale() : m.score();
            recs.add(new ReconstructionRow(title(dataset, m.movieId()), "",
                    String.format(Locale.ROOT, stars ? "%.2f" : "%.3f", shown), "", rankOf(r, m)));
        }
        Histogram h = r.outputs();
        List<Bar> bars = new ArrayList<>();
        long[] counts = h.counts();
        for (int i = 0; i < counts.length; i++) {
            bars.add(new Bar(String.format(Locale.ROOT, stars ? "%.2f" : "%.3f", h.binStart(i) + h.binWidth() / 2), counts[i]));
        }
        String summary = stars
                ? String.format(Locale.ROOT, "%s · user %d · %d rated · error on the rated movies: RMSE %.2f, MAE %.2f stars",
                name, r.userId(), r.rated().size(), r.ratedRmse(), r.ratedMae())
                : String.format(Locale.ROOT, "%s · user %d · %d rated · a ranking model: its outputs order the movies, "
                + "they are not stars", name, r.userId(), r.rated().size());
        return new Result(generation, ratedRows, recs, bars, summary, stars ? "Output (stars)" : "Output (score)");
    }

    /** A recommendation's rank among all outputs: its place among the unrated plus the rated ranked above it. */
    private static int rankOf(Reconstruction r, Recommendation m) {
        long ratedAbove = r.rated().stream().filter(x -> x.score() > m.score()).count();
        return m.rank() + (int) ratedAbove;
    }

    private static String title(Dataset dataset, int movieId) {
        Movie movie = dataset.movie(movieId);
        return movie == null ? "movie " + movieId : movie.displayTitle();
    }

    public ObservableList<TrainedRun> runs() {
        return runs;
    }

    public ObjectProperty<TrainedRun> runProperty() {
        return run;
    }

    /** The rated movies, best rated first. */
    public ObservableList<ReconstructionRow> rated() {
        return rated;
    }

    /** The unrated movies with the highest outputs, best first: the recommendations. */
    public ObservableList<ReconstructionRow> recommended() {
        return recommended;
    }

    /** Histogram of every output for the user (stars for a rating predictor). */
    public ObservableList<Bar> histogram() {
        return histogram;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Output (stars)" or "Output (score)". */
    public ReadOnlyStringProperty outputHeadingProperty() {
        return outputHeading.getReadOnlyProperty();
    }

    public StatusMessage message() {
        return message;
    }
}
