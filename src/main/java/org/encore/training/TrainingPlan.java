package org.encore.training;

import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;

/**
 * Which matrix rows train and which validate.
 * CONTRACT STUB: the training owner implements {@link #reference}; the signatures stay.
 *
 * @param trainRows      rating-matrix rows used for training
 * @param validationRows rating-matrix rows used for validation
 */
public record TrainingPlan(int[] trainRows, int[] validationRows) {

    /** The reference protocol: a seeded {@code spec.usersFraction()} of users, split by {@code spec.validationFraction()}. */
    public static TrainingPlan reference(ModelSpec spec, RatingMatrix matrix) {
        throw new UnsupportedOperationException("TrainingPlan.reference not implemented yet");
    }
}
