package org.encore.evaluation;

import org.encore.data.RatingMatrix;

/**
 * Held-out users of a strong-generalisation split. Row i of {@link #foldIn()} holds the ratings fed to the model
 * for the user of original matrix row {@code rows()[i]} (same movie columns as the full matrix); that user's
 * hidden ratings are entries {@code hiddenPointers()[i] .. hiddenPointers()[i+1]-1} of the hidden arrays, sorted
 * by column.
 */
public record HeldOutUsers(int[] rows, RatingMatrix foldIn, int[] hiddenPointers, int[] hiddenColumns,
                           float[] hiddenRatings) {

    public int size() {
        return rows.length;
    }

    public int hiddenCount() {
        return hiddenPointers[rows.length];
    }

    /** The columns fed in for {@code user} (row {@code user} of {@link #foldIn()}), ascending. */
    public int[] fedColumnsOf(int user) {
        return java.util.Arrays.copyOfRange(foldIn.columnIndices(), foldIn.rowStart(user), foldIn.rowEnd(user));
    }

    public int[] hiddenColumnsOf(int user) {
        return java.util.Arrays.copyOfRange(hiddenColumns, hiddenPointers[user], hiddenPointers[user + 1]);
    }

    public float[] hiddenRatingsOf(int user) {
        return java.util.Arrays.copyOfRange(hiddenRatings, hiddenPointers[user], hiddenPointers[user + 1]);
    }
}
