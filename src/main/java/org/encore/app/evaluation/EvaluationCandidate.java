package org.encore.app.evaluation;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.encore.app.TrainedRun;
import org.encore.model.ModelSpec;

/**
 * One thing the Evaluation view can compare: a spec to train under every seed (a preset or a designer entry), a
 * trained run of the open dataset (evaluated as saved), or a baseline; ticked when it takes part.
 */
public final class EvaluationCandidate {
    /** What kind of candidate, as the list names it. */
    public enum Kind {
        SPEC("trained per seed"), RUN("trained run"), BASELINE("baseline");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String name;
    private final Kind kind;
    private final String detail;
    private final ModelSpec spec;
    private final TrainedRun run;
    private final Baseline baseline;
    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    private EvaluationCandidate(String name, Kind kind, String detail, ModelSpec spec, TrainedRun run, Baseline baseline) {
        this.name = name;
        this.kind = kind;
        this.detail = detail;
        this.spec = spec;
        this.run = run;
        this.baseline = baseline;
    }

    static EvaluationCandidate ofSpec(ModelSpec spec) {
        return new EvaluationCandidate(spec.name(), Kind.SPEC, spec.training().epochs() + " epochs by its spec", spec, null, null);
    }

    static EvaluationCandidate ofRun(String name, TrainedRun run) {
        return new EvaluationCandidate(name, Kind.RUN, run.history().size() + " epochs · " + run.statusProperty().get(),
                null, run, null);
    }

    static EvaluationCandidate ofBaseline(Baseline baseline) {
        return new EvaluationCandidate(baseline.key(), Kind.BASELINE, baseline.description(), null, null, baseline);
    }

    /** The name its table row gets. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** One line on how it is made: epochs, the run's status (stopped early, saved), the baseline's method. */
    public String detail() {
        return detail;
    }

    /** The spec, for {@link Kind#SPEC}; else null. */
    public ModelSpec spec() {
        return spec;
    }

    /** The run, for {@link Kind#RUN}; else null. */
    public TrainedRun run() {
        return run;
    }

    /** The baseline, for {@link Kind#BASELINE}; else null. */
    public Baseline baseline() {
        return baseline;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    public boolean isSelected() {
        return selected.get();
    }

    public void setSelected(boolean on) {
        selected.set(on);
    }

    @Override
    public String toString() {
        return name + " (" + kind.label() + ")";
    }
}
