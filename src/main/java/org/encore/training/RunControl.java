package org.encore.training;

import org.encore.data.CancellationToken;

/**
 * Cancel, pause and resume for a training run (or a queue of them), shared by whoever starts the run and the engine
 * that runs it. Any method may be called from any thread; the engine calls {@link #awaitResumed()} between batches.
 */
public final class RunControl {
    private final CancellationToken token;
    private final Object lock = new Object();
    private volatile boolean paused;

    /** A control with its own token. */
    public RunControl() {
        this(new CancellationToken());
    }

    /** A control that cancels through {@code token} (e.g. one a command's Ctrl-C handler holds). */
    public RunControl(CancellationToken token) {
        this.token = token == null ? CancellationToken.none() : token;
    }

    public CancellationToken token() {
        return token;
    }

    public void cancel() {
        token.cancel();
        resume();
    }

    public boolean isCancelled() {
        return token.isCancelled();
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Returns once not paused or cancelled; an interrupt also returns (with the thread's flag set again). */
    public void awaitResumed() {
        synchronized (lock) {
            while (paused && !token.isCancelled()) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
