package org.encore.data;

/**
 * Receives progress of long work: {@code done} out of {@code total} units (bytes, batches ...). The MovieLens
 * loader calls it on the thread that called {@code load}, never on its worker threads.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
