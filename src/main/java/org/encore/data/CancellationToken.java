package org.encore.data;

import java.util.concurrent.CancellationException;

/** Cooperative cancellation shared between the UI or CLI and long-running work. */
public final class CancellationToken {
    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} when cancelled; call it between units of work. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
