package org.encore.evaluation;

import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;

import java.util.List;

/**
 * What an evaluation run compares.
 *
 * @param specs            autoencoder specs to train on the split's training users (presets or custom)
 * @param loaded           already trained scorers (e.g. run folders) evaluated as they are
 * @param popular          include the most-popular baseline
 * @param bias             include the rating baseline global mean + user bias + movie bias ({@code BiasBaseline})
 * @param ease             include EASE
 * @param easeLambdas      EASE lambdas to try; the best NDCG@100 on the validation users is reported on test
 * @param easeRatingValued EASE on scaled ratings instead of binary X
 * @param epochs           epochs for every trained spec, or null for each spec's own
 * @param referenceBlend   add the reference blend (and its rank-fusion variant) when model1..model4 are present
 */
public record EvaluationRequest(List<ModelSpec> specs, List<RowScorer> loaded, boolean popular, boolean ease,
                                double[] easeLambdas, boolean easeRatingValued, Integer epochs,
                                boolean referenceBlend, boolean bias) {
    /** Lambdas tried by default, around Steck's ML-20M value (500); ml-latest-small's validation users pick 200. */
    public static final double[] DEFAULT_EASE_LAMBDAS = {50, 100, 200, 500, 1000};

    public EvaluationRequest {
        specs = List.copyOf(specs);
        loaded = List.copyOf(loaded);
        easeLambdas = easeLambdas == null || easeLambdas.length == 0 ? DEFAULT_EASE_LAMBDAS.clone() : easeLambdas.clone();
    }

    /** A request without the bias baseline. */
    public EvaluationRequest(List<ModelSpec> specs, List<RowScorer> loaded, boolean popular, boolean ease,
                             double[] easeLambdas, boolean easeRatingValued, Integer epochs, boolean referenceBlend) {
        this(specs, loaded, popular, ease, easeLambdas, easeRatingValued, epochs, referenceBlend, false);
    }

    /** This request with the bias baseline on or off. */
    public EvaluationRequest withBias(boolean value) {
        return new EvaluationRequest(specs, loaded, popular, ease, easeLambdas, easeRatingValued, epochs, referenceBlend, value);
    }
}
