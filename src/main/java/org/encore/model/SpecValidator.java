package org.encore.model;

import java.util.ArrayList;
import java.util.List;

/** Checks a {@link ModelSpec} before it is built or trained; every problem names its field. */
public final class SpecValidator {
    /** Widest hidden layer accepted; far beyond any sensible autoencoder, it guards against typos like 10240000. */
    public static final int MAX_UNITS = 1 << 20;

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
        List<LayerSpec> layers = spec.layers();
        int denseCount = 0;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            String field = "layers[" + i + "]";
            if (layer == null) {
                errors.add(new SpecError(field, "is missing (expected a dense or dropout layer)"));
            } else if (layer instanceof LayerSpec.Dense dense) {
                denseCount++;
                if (dense.units() <= 0) {
                    errors.add(new SpecError(field + ".units", "must be > 0, got " + dense.units()));
                } else if (dense.units() > MAX_UNITS) {
                    errors.add(new SpecError(field + ".units", "must be at most " + MAX_UNITS + ", got " + dense.units()));
                }
                if (dense.activation() == null) {
                    errors.add(new SpecError(field + ".activation", "is missing (expected one of "
                            + Activation.kerasNames() + ")"));
                }
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                double rate = dropout.rate();
                if (!(rate >= 0 && rate < 1)) {
                    errors.add(new SpecError(field + ".rate", "must be in [0, 1) (the fraction of units dropped), got " + rate));
                }
            }
        }
        if (denseCount == 0) {
            errors.add(new SpecError("layers", "needs at least one dense hidden layer"));
        }
        OptimizerSpec optimizer = spec.optimizer();
        if (optimizer == null) {
            errors.add(new SpecError("optimizer", "is missing (expected adam, sgd or rmsprop with a learning rate)"));
        } else {
            if (optimizer.type() == null) {
                errors.add(new SpecError("optimizer.type", "is missing (expected adam, sgd or rmsprop)"));
            }
            if (!(optimizer.learningRate() > 0) || Double.isInfinite(optimizer.learningRate())) {
                errors.add(new SpecError("optimizer.learningRate", "must be > 0, got " + optimizer.learningRate()));
            }
            if (!(optimizer.momentum() >= 0 && optimizer.momentum() < 1)) {
                errors.add(new SpecError("optimizer.momentum", "must be in [0, 1), got " + optimizer.momentum()));
            }
        }
        if (spec.loss() == null) {
            errors.add(new SpecError("loss", "is missing (expected mse or masked_mse)"));
        }
        if (spec.batchSize() < 1) {
            errors.add(new SpecError("batchSize", "must be >= 1, got " + spec.batchSize()));
        }
        if (spec.epochs() < 1) {
            errors.add(new SpecError("epochs", "must be >= 1, got " + spec.epochs()));
        }
        if (!(spec.usersFraction() > 0 && spec.usersFraction() <= 1)) {
            errors.add(new SpecError("usersFraction", "must be in (0, 1], got " + spec.usersFraction()));
        }
        if (!(spec.validationFraction() > 0 && spec.validationFraction() < 1)) {
            errors.add(new SpecError("validationFraction", "must be in (0, 1), got " + spec.validationFraction()));
        }
        if (!(spec.valueScale() > 0) || Double.isInfinite(spec.valueScale())) {
            errors.add(new SpecError("valueScale", "must be > 0 (the model sees rating * valueScale), got " + spec.valueScale()));
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
