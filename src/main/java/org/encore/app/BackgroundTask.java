package org.encore.app;

import org.encore.data.CancellationToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * One piece of long work run off the FX thread, its outcome handed back on the UI executor: success with the
 * value, failure with the exception, cancellation, and progress (coalesced: only the latest fraction is shown).
 * Both executors are passed to {@link #executeWith}, so a view model runs its work inline in a test without a
 * stage. Modelled on JabRef's {@code org.jabref.gui.util.BackgroundTask}.
 *
 * <pre>{@code
 * BackgroundTask.wrap((progress, cancel) -> load(path, progress, cancel))
 *         .onSuccess(dataset -> show(dataset))
 *         .onFailure(e -> error.set(e.getMessage()))
 *         .executeWith(background, ui);
 * }</pre>
 *
 * @param <T> what the work produces
 */
public final class BackgroundTask<T> {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTask.class);

    /** The work itself, run on the background executor. */
    @FunctionalInterface
    public interface Work<T> {
        /**
         * @param progress reports the fraction done in [0, 1]; cheap to call often
         * @param cancel   set when {@link BackgroundTask#cancel()} was called; throw {@link CancellationException}
         *                 (e.g. {@code cancel.throwIfCancelled()}) to end as cancelled
         */
        T call(DoubleConsumer progress, CancellationToken cancel) throws Exception;
    }

    private final Work<T> work;
    private final CancellationToken token = new CancellationToken();
    private Consumer<? super T> onSuccess = value -> { };
    private Consumer<? super Exception> onFailure = e -> LOG.warn("background task failed", e);
    private Runnable onCancelled = () -> { };
    private DoubleConsumer onProgress = fraction -> { };

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    /** A task running {@code work}, which may report progress and check for cancellation. */
    public static <T> BackgroundTask<T> wrap(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    /** A task running {@code work}, which neither reports progress nor checks for cancellation itself. */
    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>((progress, cancel) -> work.call());
    }

    /** Called on the UI executor with the work's value. */
    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    /**
     * Called on the UI executor when the work threw anything but {@link CancellationException}; an
     * {@link OutOfMemoryError} arrives wrapped, its message kept.
     */
    public BackgroundTask<T> onFailure(Consumer<? super Exception> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI executor when the work ended by {@link CancellationException} or finished after {@link #cancel()}. */
    public BackgroundTask<T> onCancelled(Runnable handler) {
        this.onCancelled = Objects.requireNonNull(handler);
        return this;
    }

    /** Called on the UI executor with the latest fraction reported; fractions reported meanwhile are skipped. */
    public BackgroundTask<T> onProgress(DoubleConsumer handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    /** Asks the work to stop; it ends as cancelled at its next check. */
    public void cancel() {
        token.cancel();
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    /** Starts the work on {@code background}; every handler runs on {@code ui}. Returns this task, to cancel it. */
    public BackgroundTask<T> executeWith(Executor background, Executor ui) {
        AtomicBoolean progressPending = new AtomicBoolean();
        AtomicLong latestProgress = new AtomicLong();
        DoubleConsumer progress = fraction -> {
            latestProgress.set(Double.doubleToRawLongBits(fraction));
            if (progressPending.compareAndSet(false, true)) {
                ui.execute(() -> {
                    progressPending.set(false);
                    onProgress.accept(Double.longBitsToDouble(latestProgress.get()));
                });
            }
        };
        background.execute(() -> {
            T value;
            try {
                value = work.call(progress, token);
            } catch (CancellationException e) {
                ui.execute(onCancelled);
                return;
            } catch (Exception e) {
                ui.execute(() -> onFailure.accept(e));
                return;
            } catch (OutOfMemoryError e) {
                ui.execute(() -> onFailure.accept(new IllegalStateException("out of memory: " + e.getMessage(), e)));
                return;
            }
            if (token.isCancelled()) {
                ui.execute(onCancelled);
            } else {
                ui.execute(() -> onSuccess.accept(value));
            }
        });
        return this;
    }

    /** The exception's message, or its class when it has none: what a status line shows. */
    public static String describe(Throwable e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
