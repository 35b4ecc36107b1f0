package org.encore.data;

import java.util.Random;

/**
 * The one Fisher-Yates shuffle that the training plan, the batch order and the evaluation split all use: the same
 * seed always draws the same permutation, which is what makes runs and splits reproducible from their seed.
 */
public final class Shuffle {
    private Shuffle() {
    }

    /** Shuffles {@code values} in place, drawing {@code random.nextInt(i + 1)} for i from the last index down to 1. */
    public static void inPlace(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
