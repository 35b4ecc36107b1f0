package org.encore.app;

import org.encore.app.designer.DesignEstimate;
import org.encore.app.designer.SpecForm;
import org.encore.data.Dataset;
import org.encore.model.Presets;
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

    /**
     * This entry as it starts on {@code dataset}: a preset not yet edited gets every user where the reference's
     * 10% would leave too few to train on ({@link DesignEstimate#FEW_TRAINING_USERS}; 80 of sample-data's 1,000),
     * the reference's 10% on a large dataset (ml-32m). Any other entry is returned as it is.
     */
    public DesignEntry suitedTo(Dataset dataset) {
        if (preset == null || !Presets.NAMES.contains(preset) || !spec.equals(originNamed())) {
            return this;
        }
        ModelSpec reference = SpecForm.renamed(Presets.byName(preset), name());
        ModelSpec suited = DesignEstimate.of(reference, dataset, null).fewUsers() ? SpecForm.withUsersFraction(reference, 1.0) : reference;
        return suited.equals(spec) ? this : new DesignEntry(preset, suited, suited);
    }

    @Override
    public String toString() {
        return spec.name();
    }
}
