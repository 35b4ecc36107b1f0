package org.encore.app;

import org.encore.model.ModelSpec;

/**
 * A spec in the designer's list. {@code preset} names the built-in preset it came from (so it can be reset),
 * or is null for one loaded from a file.
 */
public record DesignEntry(String preset, ModelSpec spec) {
    public String name() {
        return spec.name();
    }

    public DesignEntry withSpec(ModelSpec newSpec) {
        return new DesignEntry(preset, newSpec);
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
