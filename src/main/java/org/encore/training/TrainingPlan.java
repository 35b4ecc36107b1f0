package org.encore.training;

import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;
import org.encore.model.ModelSpec;

import java.util.Arrays;
import java.util.Random;

/**
 * Which matrix rows train and which validate.
 *
 * @param trainRows      rating-matrix rows used for training
 * @param validationRows rating-matrix rows used for validation
 */
public record TrainingPlan(int[] trainRows, int[] validationRows) {

    /**
     * The reference protocol: a seeded {@code spec.training().usersFraction()} of users, split by {@code spec.training().validationFraction()}.
     * The sample is at least two users (one for each side) when the matrix has two; both sides come back sorted.
     * The same spec seed and matrix always give the same plan; the run folder records the user ids, fractions and seed.
     */
    public static TrainingPlan reference(ModelSpec spec, RatingMatrix matrix) {
        int users = matrix.userCount();
        if (users < 2) {
            throw new IllegalArgumentException("training needs at least 2 users, the matrix has " + users);
        }
        int[] order = new int[users];
        for (int i = 0; i < users; i++) {
            order[i] = i;
        }
        Random random = new Random(spec.training().seed());
        Shuffle.inPlace(order, random);
        int[] sizes = referenceSizes(spec, users);
        int validation = sizes[1];
        int sampled = sizes[0] + validation;
        int[] validationRows = Arrays.copyOfRange(order, 0, validation);
        int[] trainRows = Arrays.copyOfRange(order, validation, sampled);
        Arrays.sort(validationRows);
        Arrays.sort(trainRows);
        return new TrainingPlan(trainRows, validationRows);
    }

    /**
     * How many users {@link #reference} trains and validates on among {@code users}: {train, validation}. The
     * designer shows it before a run starts.
     */
    public static int[] referenceSizes(ModelSpec spec, int users) {
        int sampled = (int) Math.min(users, Math.max(2, Math.round(spec.training().usersFraction() * users)));
        int validation = (int) Math.min(sampled - 1, Math.max(1, Math.round(spec.training().validationFraction() * sampled)));
        return new int[] {sampled - validation, validation};
    }

    /** Rows from MovieLens user ids (for a reloaded run); an unknown id is an error naming it. */
    public static TrainingPlan fromUserIds(RatingMatrix matrix, int[] trainUserIds, int[] validationUserIds) {
        return new TrainingPlan(rowsOf(matrix, trainUserIds, "train"), rowsOf(matrix, validationUserIds, "validation"));
    }

    private static int[] rowsOf(RatingMatrix matrix, int[] ids, String side) {
        int[] rows = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            rows[i] = matrix.users().indexOf(ids[i]);
            if (rows[i] < 0) {
                throw new IllegalArgumentException(side + " user " + ids[i] + " is not in the dataset");
            }
        }
        return rows;
    }

    /** MovieLens user ids of the training rows. */
    public int[] trainUserIds(RatingMatrix matrix) {
        return idsOf(matrix, trainRows);
    }

    /** MovieLens user ids of the validation rows. */
    public int[] validationUserIds(RatingMatrix matrix) {
        return idsOf(matrix, validationRows);
    }

    private static int[] idsOf(RatingMatrix matrix, int[] rows) {
        int[] ids = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = matrix.users().idAt(rows[i]);
        }
        return ids;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingPlan other && Arrays.equals(trainRows, other.trainRows)
                && Arrays.equals(validationRows, other.validationRows);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(trainRows) + Arrays.hashCode(validationRows);
    }

    @Override
    public String toString() {
        return "TrainingPlan[train=" + trainRows.length + " users, validation=" + validationRows.length + " users]";
    }
}
