package org.encore.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link ModelSpec} before it is built or trained; every problem names its field by its JSON path
 * (e.g. "architecture.layers[2].units", "training.optimizer.learningRate").
 */
public final class SpecValidator {
    /** Widest hidden layer accepted; far beyond any sensible autoencoder, it guards against typos like 10240000. */
    public static final int MAX_UNITS = 1 << 20;
    /** The top of MovieLens' star scale. */
    private static final double MAX_RATING = 5.0;

    private SpecValidator() {
    }

    /** Every problem of the spec, each naming its field; empty when the spec is valid. */
    public static List<SpecError> validate(ModelSpec spec) {
        List<SpecError> errors = new ArrayList<>();
        if (spec == null) {
            errors.add(new SpecError("spec", "is missing"));
            return errors;
        }
        if (spec.name() == null || spec.name().isBlank()) {
            errors.add(new SpecError("name", "must not be empty"));
        }
        if (spec.architecture() == null) {
            errors.add(new SpecError("architecture", "is missing (expected an object with a \"type\", e.g. \"autoencoder\", and its layers)"));
        } else {
            errors.addAll(spec.architecture().validate());
        }
        if (spec.input() == null) {
            errors.add(new SpecError("input", "is missing (expected valueScale, binarizeAt and l2Normalize)"));
        } else {
            errors.addAll(spec.input().validate());
        }
        if (spec.loss() == null) {
            errors.add(new SpecError("loss", "is missing (expected " + LossType.ids() + ")"));
        } else if (spec.loss() == LossType.MULTINOMIAL && spec.input() != null && spec.input().binarizeAt() == null) {
            // Liang's likelihood is over a user's clicks (a multinomial draw of items); ratings on a scale are not counts
            errors.add(new SpecError("loss", "multinomial is a likelihood of clicks, not of a rating scale: set "
                    + "input.binarizeAt (Liang et al.: 4, i.e. ratings of 4 stars and more count as clicks)"));
        } else if (spec.loss() == LossType.LOGISTIC && spec.input() != null && spec.input().binarizeAt() == null
                && spec.input().valueScale() * MAX_RATING > 1 + 1e-9) {
            errors.add(new SpecError("loss", "logistic needs targets in [0, 1]: set input.binarizeAt, or an "
                    + "input.valueScale of at most " + 1.0 / MAX_RATING + " (got " + spec.input().valueScale() + ")"));
        }
        if (spec.training() == null) {
            errors.add(new SpecError("training", "is missing (expected optimizer, batchSize, epochs, usersFraction, "
                    + "validationFraction, seed, l2 and patience)"));
        } else {
            errors.addAll(spec.training().validate());
        }
        return errors;
    }

    /** Convenience: throws {@link IllegalArgumentException} listing every problem. */
    public static void requireValid(ModelSpec spec) {
        List<SpecError> errors = validate(spec);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid spec: " + String.join("; ", errors.stream().map(SpecError::toString).toList()));
        }
    }
}
