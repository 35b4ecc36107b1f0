package org.encore.evaluation;

import java.util.Set;
import java.util.function.IntToDoubleFunction;

/** What the cut-off metrics ({@link RecallAtK}, {@link NdcgAtK}) share: the check of k and the walk over the top k. */
final class TopK {
    private TopK() {
    }

    static int checked(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        return k;
    }

    /** The sum of {@code gain} at each 0-based position among the first k ranked columns that holds a relevant one. */
    static double gainOfHits(UserOutcome user, Set<Integer> relevant, int k, IntToDoubleFunction gain) {
        double total = 0;
        for (int i = 0; i < Math.min(k, user.ranked().length); i++) {
            if (relevant.contains(user.ranked()[i])) {
                total += gain.applyAsDouble(i);
            }
        }
        return total;
    }
}
