package org.encore.app.user;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import org.encore.app.TrainedRun;

/** A trained run offered to the blend, with the weight the user gives it (0 leaves it out). */
public final class ModelWeight {
    private final TrainedRun run;
    private final DoubleProperty weight;

    public ModelWeight(TrainedRun run, double initial) {
        this.run = run;
        this.weight = new SimpleDoubleProperty(this, "weight", initial);
    }

    public TrainedRun run() {
        return run;
    }

    public DoubleProperty weightProperty() {
        return weight;
    }

    public double weight() {
        return weight.get();
    }
}
