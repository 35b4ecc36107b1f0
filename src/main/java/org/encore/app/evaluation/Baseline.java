package org.encore.app.evaluation;

import org.encore.evaluation.EvaluationRequest;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;

import java.util.List;
import java.util.Set;

/**
 * The baselines the Evaluation view offers, and the one place that turns a choice of them into an
 * {@link EvaluationRequest}. A baseline the evaluator gains is one more constant here and one more argument in
 * {@link #request}.
 */
public enum Baseline {
    POPULAR("popular", "most popular: rating counts of the training users"),
    BIAS("bias", "global mean + regularised user and item biases (Koren 2008): the rating predictor to beat on RMSE"),
    EASE("ease", "EASE (Steck 2019): closed form, λ chosen on the validation users");

    private final String key;
    private final String description;

    Baseline(String key, String description) {
        this.key = key;
        this.description = description;
    }

    /** The name the evaluator gives its row (and the CLI's --baselines item). */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    /**
     * What to evaluate: {@code specs} trained on each seed's training users, {@code loaded} as they are, and the
     * chosen {@code baselines}; {@code epochs} for every spec (null: each spec's own). No reference blend: the view
     * compares what was picked.
     */
    public static EvaluationRequest request(List<ModelSpec> specs, List<RowScorer> loaded, Set<Baseline> baselines,
                                            Integer epochs) {
        return new EvaluationRequest(specs, loaded, baselines.contains(POPULAR), baselines.contains(EASE), null, false,
                epochs, false, baselines.contains(BIAS));
    }
}
