package org.encore.app;

import org.encore.app.designer.SpecForm;
import org.encore.model.ModelSpec;

/**
 * A spec in the designer's list. {@code preset} names the built-in preset it came from (so it can be reset),
 * or is null for one loaded from a file; {@code origin} is what it started as (the preset, its users fraction
 * suited to the open dataset), which "reset" puts back and against which an edit in place shows as modified.
 */
public record DesignEntry(String preset, ModelSpec spec, ModelSpec origin) {
    /** An entry that starts as {@code spec}. */
    public DesignEntry(String preset, ModelSpec spec) {
        this(preset, spec, spec);
    }

    public String name() {
        return spec.name();
    }

    public DesignEntry withSpec(ModelSpec newSpec) {
        return new DesignEntry(preset, newSpec, origin);
    }

    /** The spec it started as, under its current name. */
    public ModelSpec originNamed() {
        return SpecForm.renamed(origin, name());
    }

    /** A preset edited in place (under its own name) and not saved: quitting would lose the edit. */
    public boolean modified() {
        return preset != null && preset.equals(name()) && !spec.equals(originNamed());
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
