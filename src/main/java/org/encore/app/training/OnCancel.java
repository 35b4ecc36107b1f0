package org.encore.app.training;

/** What stopping a training round does with the run being trained ({@link TrainingViewModel#cancel(OnCancel)}). */
public enum OnCancel {
    /** Save the epochs so far as a run marked as stopped early. */
    KEEP,
    /** Drop the run from every list. */
    DISCARD
}
