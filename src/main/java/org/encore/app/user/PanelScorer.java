package org.encore.app.user;

import org.encore.app.TrainedRun;
import org.encore.model.RowScorer;

/**
 * One list source of the per-user panel: a trained run's model or a fitted baseline, under the name its list and
 * blend weight show.
 *
 * @param name      the list's caption
 * @param scorer    what scores the user's row
 * @param run       the trained run it comes from; null for a baseline
 * @param modelName the name the reference weight ({@code Blend.referenceWeight}) is
 *                  looked up by: a run's spec name (the preset it was built from), a baseline's own name
 */
public record PanelScorer(String name, RowScorer scorer, TrainedRun run, String modelName) {
    public static PanelScorer of(TrainedRun run) {
        return new PanelScorer(run.name(), run.model(), run, run.spec().name());
    }

    public static PanelScorer baseline(String name, RowScorer scorer) {
        return new PanelScorer(name, scorer, null, scorer.name());
    }

    /** Whether it is a baseline rather than a trained run. */
    public boolean baseline() {
        return run == null;
    }
}
