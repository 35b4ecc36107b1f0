package org.encore.app.dataset;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.encore.app.BackgroundTask;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.inspect.MovieNeighbours;
import org.encore.training.TrainedModel;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * "Movies near this one" in the Dataset view's movie detail: the movies whose output-layer vectors are most
 * cosine-similar to the selected movie's ({@link MovieNeighbours}), by the newest trained run of the open dataset.
 * The scan runs on the background executor; the normalised vectors are kept per model.
 */
public final class MovieNeighboursViewModel {
    /** Neighbours listed. */
    public static final int COUNT = 8;

    private final Workbench workbench;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private long generation;
    private TrainedModel cachedModel;
    private MovieNeighbours cached;

    public MovieNeighboursViewModel(Workbench workbench, Executor background, Executor ui) {
        this.workbench = workbench;
        this.background = background;
        this.ui = ui;
        workbench.datasetProperty().addListener((obs, old, dataset) -> {
            generation++;
            text.set("");
        });
    }

    /** The newest finished run of the open dataset, or null. */
    private TrainedRun newestRun(Dataset dataset) {
        List<TrainedRun> runs = workbench.runs().stream().filter(r -> r.model() != null && r.dataset() == dataset).toList();
        return runs.isEmpty() ? null : runs.get(runs.size() - 1);
    }

    /** Finds the neighbours of rating-matrix column {@code column} (-1 or no trained run: nothing to show). */
    public void select(int column) {
        long request = ++generation;
        Dataset dataset = workbench.dataset();
        TrainedRun run = dataset == null ? null : newestRun(dataset);
        if (run == null || column < 0) {
            text.set("");
            return;
        }
        TrainedModel model = run.model();
        String name = run.name();
        text.set("Near this one (" + name + "): …");
        BackgroundTask.wrap(() -> neighbours(model, dataset).nearest(column, COUNT))
                .onSuccess(near -> {
                    if (request == generation) {
                        text.set("Near this one (" + name + ", cosine): "
                                + near.stream().map(n -> title(dataset, n.movieId()) + String.format(Locale.ROOT, " %.2f", n.cosine()))
                                .collect(Collectors.joining("; ")));
                    }
                })
                .onFailure(e -> text.set("Near this one: " + BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }

    private synchronized MovieNeighbours neighbours(TrainedModel model, Dataset dataset) {
        if (model != cachedModel) {
            cached = MovieNeighbours.of(model.movieVectors(), model.movieVectorWidth(), dataset.ratings().movies());
            cachedModel = model;
        }
        return cached;
    }

    private static String title(Dataset dataset, int movieId) {
        Movie movie = dataset.movie(movieId);
        return movie == null ? "movie " + movieId : movie.displayTitle();
    }

    /** "Near this one (model4, cosine): A 0.91; B 0.88; …", or empty without a trained run. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }
}
