package org.encore.app.training;

import org.encore.app.TrainedRun;
import org.encore.training.TrainMetricsKind;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The Training charts' key: which line is which, and how the training curves were computed. */
final class CurveKey {
    private CurveKey() {
    }

    /**
     * The legend's key for the curves: says how the training curves were computed (running averages over each
     * epoch's steps as Keras reports them, or an exact pass after each epoch), from the shown runs' histories.
     */
    static String of(List<TrainedRun> shown) {
        if (shown.isEmpty()) {
            return "Train a spec to see its curves";
        }
        Set<TrainMetricsKind> kinds = EnumSet.noneOf(TrainMetricsKind.class);
        shown.forEach(run -> run.historySnapshot().forEach(m -> kinds.add(m.trainKind())));
        String train = kinds.size() == 1 && kinds.contains(TrainMetricsKind.EXACT)
                ? "train (exact pass after each epoch)"
                : kinds.contains(TrainMetricsKind.EXACT) ? "train (running or exact, per run)"
                : "train (running average over the epoch's steps, as Keras reports it)";
        return "solid: " + train + " · dashed: validation";
    }
}
