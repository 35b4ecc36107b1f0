package org.encore.training;

/** A run that cannot start or cannot go on (spec invalid, out of memory budget, NaN loss ...). */
public class TrainingException extends Exception {
    public TrainingException(String message) {
        super(message);
    }

    public TrainingException(String message, Throwable cause) {
        super(message, cause);
    }
}
