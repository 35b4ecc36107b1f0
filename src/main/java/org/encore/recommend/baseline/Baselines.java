package org.encore.recommend.baseline;

import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.training.DenseSolver;

import java.util.stream.IntStream;

/**
 * The baselines as recommenders for a whole dataset, as {@code encore recommend} and the per-user panel use them:
 * fitted on every user of the matrix (there is no held-out split to respect when only recommending), on inputs
 * scaled like the presets' ({@link ModelSpec#REFERENCE_SCALE}) so that they blend with trained models. Both rank
 * only: their scores are counts and item-item sums, not ratings. The evaluator fits them on its training users instead.
 */
public final class Baselines {
    /** EASE's lambda when none is given: the value chosen on ml-latest-small's validation users (bench/evaluation.md). */
    public static final double DEFAULT_EASE_LAMBDA = 200;

    private Baselines() {
    }

    /** Most popular: the rating count of each movie over every user. */
    public static MostPopular popular(RatingMatrix matrix) {
        return MostPopular.fit(matrix, everyUser(matrix), ModelSpec.REFERENCE_SCALE);
    }

    /**
     * EASE on binary ratings of every user.
     *
     * @throws IllegalStateException when the item-item matrices do not fit in memory (the message gives the figures)
     */
    public static Ease ease(RatingMatrix matrix, double lambda, DenseSolver solver) {
        return Ease.fit(matrix, everyUser(matrix), lambda, false, ModelSpec.REFERENCE_SCALE, solver);
    }

    /** Global mean plus regularised user and item biases (Koren 2008), fitted on every user: a rating predictor. */
    public static BiasBaseline bias(RatingMatrix matrix) {
        return BiasBaseline.fit(matrix, everyUser(matrix), ModelSpec.REFERENCE_SCALE);
    }

    private static int[] everyUser(RatingMatrix matrix) {
        return IntStream.range(0, matrix.userCount()).toArray();
    }
}
