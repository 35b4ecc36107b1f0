package org.encore.model;

/** A validation problem in a {@link ModelSpec}: the field (e.g. "layers[2].units", "optimizer.learningRate") and what is wrong. */
public record SpecError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
