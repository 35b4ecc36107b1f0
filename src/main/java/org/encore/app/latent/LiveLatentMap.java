package org.encore.app.latent;

import org.encore.app.BackgroundTask;
import org.encore.app.TrainedRun;
import org.encore.data.Dataset;
import org.encore.inspect.Colouring;
import org.encore.inspect.LatentMap;
import org.encore.inspect.UserActivations;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The latent map of a run while it trains: after every epoch, on the training thread, the chosen layer's
 * activations of the users (at most {@link LatentMap#MAX_USERS}, the same seeded sample as a finished run's map) or
 * the output layer's movie vectors are read into plain arrays ({@link UserActivations}; the network is never
 * copied); the PCA projection runs on the background executor while training goes on, each axis' sign is kept
 * from the epoch before ({@link LatentMap#alignedTo}) so points do not jump, and the frame reaches the UI executor.
 * A frame older than the one shown is dropped. Nothing is read while the settings say off.
 */
final class LiveLatentMap {
    private static final Logger LOG = LoggerFactory.getLogger(LiveLatentMap.class);

    /**
     * What to map, set on the FX thread and read on the training thread.
     *
     * @param layer   the layer wanted; the model's default ({@link LatentMap#defaultLayer}) when null or absent
     * @param unitLength whether each user's vector is scaled to length 1 before the PCA ({@link UserActivations#unitLength})
     * @param enabled whether to map every epoch ("update every epoch")
     */
    record Settings(Dataset dataset, String layer, Colouring colouring, boolean movies, boolean unitLength,
                    boolean enabled) {
    }

    /**
     * One epoch's map of the watched run.
     *
     * @param layers the layers of the model, input side first
     */
    record Frame(TrainedRun run, int epoch, LatentMap map, List<String> layers) {
    }

    /** What was read on the training thread: the users' activations or the movie vectors. */
    private record Snapshot(TrainedRun run, int epoch, List<String> layers, UserActivations users,
                            float[] movieVectors, int vectorWidth) {
    }

    private final Executor background;
    private final Executor ui;
    private final Consumer<Frame> onFrame;
    private final Consumer<String> onError;
    private final TrainingListener watcher = new TrainingListener() {
        @Override
        public void epochModel(int epoch, TrainedModel live) {
            read(epoch, live);
        }
    };
    private volatile Settings settings;
    private volatile TrainedRun watched;
    private final Object lock = new Object();
    /** The last frame projected and its snapshot (for re-colouring); guarded by lock. */
    private Frame last;
    private Snapshot lastSnapshot;

    /**
     * @param onFrame called on the UI executor with each epoch's map
     * @param onError called on the UI executor with what went wrong (training goes on)
     */
    LiveLatentMap(Executor background, Executor ui, Consumer<Frame> onFrame, Consumer<String> onError) {
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        this.onFrame = Objects.requireNonNull(onFrame, "onFrame");
        this.onError = Objects.requireNonNull(onError, "onError");
    }

    /** Watches {@code run}'s epochs (null: none), dropping the previous run's watch and frames. FX thread. */
    void watch(TrainedRun run) {
        TrainedRun before = watched;
        if (before == run) {
            return;
        }
        if (before != null && before.epochWatcher() == watcher) {
            before.watchEpochs(null);
        }
        synchronized (lock) {
            last = null;
            lastSnapshot = null;
        }
        watched = run;
        if (run != null) {
            run.watchEpochs(watcher);
        }
    }

    /** The run watched, or null. */
    TrainedRun watched() {
        return watched;
    }

    /** What the next epochs map. */
    void settings(Settings next) {
        settings = next;
    }

    /** Re-projects the last epoch read with the current settings (a new colouring), when there is one of that kind. */
    void reproject() {
        Snapshot snapshot;
        synchronized (lock) {
            snapshot = lastSnapshot;
        }
        Settings now = settings;
        if (snapshot != null && now != null && now.enabled() && now.movies() == (snapshot.users() == null)) {
            project(snapshot, now);
        }
    }

    /** The training thread, after an epoch: reads what the map needs, hands the projection to the background. */
    private void read(int epoch, TrainedModel live) {
        Settings now = settings;
        TrainedRun run = watched;
        if (now == null || !now.enabled() || run == null) {
            return;
        }
        try {
            Snapshot snapshot;
            if (now.movies()) {
                snapshot = new Snapshot(run, epoch, live.layerNames(), null, live.movieVectors(), live.movieVectorWidth());
            } else {
                String layer = now.layer() != null && live.layerNames().contains(now.layer()) ? now.layer()
                        : LatentMap.defaultLayer(live);
                UserActivations users = UserActivations.of(live, now.dataset().ratings(), layer, LatentMap.MAX_USERS,
                        LatentMapViewModel.SEED);
                snapshot = new Snapshot(run, epoch, live.layerNames(), users, null, 0);
            }
            project(snapshot, now);
        } catch (RuntimeException e) { // a map that cannot be drawn must not stop the training
            LOG.warn("cannot map epoch {}", epoch, e);
            ui.execute(() -> onError.accept(BackgroundTask.describe(e)));
        }
    }

    private void project(Snapshot snapshot, Settings with) {
        BackgroundTask.wrap(() -> {
                    LatentMap map = snapshot.users() != null
                            ? LatentMap.ofUsers(LatentMapViewModel.scaled(snapshot.users(), with.unitLength()), with.dataset(), with.colouring())
                            : LatentMap.ofMovies(snapshot.movieVectors(), snapshot.vectorWidth(), with.dataset(), with.colouring());
                    synchronized (lock) {
                        if (snapshot.run() != watched || (last != null && snapshot.epoch() < last.epoch())) {
                            return null;
                        }
                        boolean sameKind = last != null && last.map().layer().equals(map.layer());
                        last = new Frame(snapshot.run(), snapshot.epoch(), sameKind ? map.alignedTo(last.map()) : map,
                                snapshot.layers());
                        lastSnapshot = snapshot;
                        return last;
                    }
                })
                .onSuccess(frame -> {
                    if (frame != null && frame.run() == watched) {
                        onFrame.accept(frame);
                    }
                })
                .onFailure(e -> onError.accept(BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }
}
