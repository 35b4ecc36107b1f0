package org.encore.data;

/** Receives progress of long work: {@code done} out of {@code total} units (bytes, batches ...). */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progress(long done, long total);
}
