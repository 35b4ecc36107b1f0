package org.encore.app.user;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.encore.app.TrainedRun;

/** A trained run or a baseline offered to the blend, with the weight the user gives it (0 leaves it out). */
public final class ModelWeight {
    private final PanelScorer source;
    private final DoubleProperty weight;

    public ModelWeight(PanelScorer source, double initial) {
        this.source = source;
        this.weight = new SimpleDoubleProperty(this, "weight", initial);
    }

    /** What scores the list, and its name. */
    public PanelScorer source() {
        return source;
    }

    /** The list's name. */
    public String name() {
        return source.name();
    }

    /** The trained run, or null for a baseline. */
    public TrainedRun run() {
        return source.run();
    }

    public DoubleProperty weightProperty() {
        return weight;
    }

    public double weight() {
        return weight.get();
    }
}
