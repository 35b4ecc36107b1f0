package org.encore.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a user's rating row becomes a model's input.
 *
 * @param valueScale  the model sees rating * valueScale (reference: 1/5 = 0.2); scores are in the same scale
 * @param binarizeAt  when set, ratings at or above it become 1 and the others 0 (Liang et al. 2018 keep ratings
 *                    &gt; 3.5); null = off
 * @param l2Normalize divide each input row by its Euclidean norm (Mult-DAE / Mult-VAE)
 */
public record InputSpec(double valueScale, Double binarizeAt, boolean l2Normalize) {

    /** Rating * 0.2, no binarising, no normalisation: the reference protocol. */
    public static InputSpec reference() {
        return scaled(ModelSpec.REFERENCE_SCALE);
    }

    /** Rating * {@code valueScale}, nothing else. */
    public static InputSpec scaled(double valueScale) {
        return new InputSpec(valueScale, null, false);
    }

    /** Liang et al. 2018's input: rating &gt;= 4 becomes 1, the rest 0, rows L2-normalised (the labels are not). */
    public static InputSpec liang() {
        return new InputSpec(ModelSpec.REFERENCE_SCALE, 4.0, true);
    }

    /** Problems with these settings, named from "input". Any kind may binarise and normalise its input. */
    List<SpecError> validate() {
        List<SpecError> errors = new ArrayList<>();
        if (!(valueScale > 0) || Double.isInfinite(valueScale)) {
            errors.add(new SpecError("input.valueScale", "must be > 0 (the model sees rating * valueScale), got " + valueScale));
        }
        if (binarizeAt != null && (!(binarizeAt > 0) || Double.isInfinite(binarizeAt))) {
            errors.add(new SpecError("input.binarizeAt", "must be a rating above 0 (ratings at or above it become 1) "
                    + "or null (off), got " + binarizeAt));
        }
        return errors;
    }
}
