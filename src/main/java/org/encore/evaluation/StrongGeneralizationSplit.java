package org.encore.evaluation;

import org.encore.data.IdIndex;
import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Strong generalisation (Liang et al. 2018, Mult-VAE): whole users are held out. Users with fewer than
 * {@code minRatings} ratings are left out; of the rest a seeded {@code validationFraction} and
 * {@code testFraction} are held out and every other user trains. For each held-out user a seeded
 * {@code foldInFraction} of their ratings (at least one) is fed in and the rest (at least one) is hidden.
 * <p>
 * As in Liang et al.'s preprocessing, held-out ratings of movies that no training user rated are dropped (no model
 * learnt from the training users can score those movies); a held-out user left with fewer than two ratings is
 * dropped too. Both counts are kept.
 *
 * @param trainRows            matrix rows of the training users, ascending
 * @param validation           held-out users for choosing settings
 * @param test                 held-out users for the reported numbers
 * @param usersBelowMinimum    users left out for having fewer than minRatings ratings
 * @param droppedUnseenRatings held-out ratings dropped because no training user rated the movie
 * @param droppedHeldOutUsers  held-out users dropped because fewer than two ratings remained
 * @param settings             the settings it was made with
 */
public record StrongGeneralizationSplit(int[] trainRows, HeldOutUsers validation, HeldOutUsers test,
                                        int usersBelowMinimum, int droppedUnseenRatings, int droppedHeldOutUsers,
                                        SplitSettings settings) {

    public static StrongGeneralizationSplit create(RatingMatrix matrix, SplitSettings settings) {
        List<Integer> kept = new ArrayList<>();
        int below = 0;
        for (int row = 0; row < matrix.userCount(); row++) {
            if (matrix.rowLength(row) >= settings.minRatings()) {
                kept.add(row);
            } else {
                below++;
            }
        }
        int[] users = kept.stream().mapToInt(Integer::intValue).toArray();
        Random random = new Random(settings.seed());
        Shuffle.inPlace(users, random);
        int validationCount = (int) Math.round(users.length * settings.validationFraction());
        int testCount = (int) Math.round(users.length * settings.testFraction());
        if (users.length - validationCount - testCount < 1 || validationCount < 1 || testCount < 1) {
            throw new IllegalArgumentException("too few users for a strong-generalisation split: " + users.length
                    + " users with at least " + settings.minRatings() + " ratings give " + validationCount
                    + " validation and " + testCount + " test users");
        }
        int[] validationRows = sorted(Arrays.copyOfRange(users, 0, validationCount));
        int[] testRows = sorted(Arrays.copyOfRange(users, validationCount, validationCount + testCount));
        int[] trainRows = sorted(Arrays.copyOfRange(users, validationCount + testCount, users.length));

        boolean[] seenInTraining = new boolean[matrix.movieCount()];
        for (int row : trainRows) {
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                seenInTraining[matrix.columnAt(p)] = true;
            }
        }
        int[] dropped = new int[2];
        // separate random streams per part, so that changing the test fraction does not reshuffle validation users' ratings
        HeldOutUsers validation = holdOut(matrix, validationRows, seenInTraining, settings, new Random(settings.seed() * 31 + 1), dropped);
        HeldOutUsers test = holdOut(matrix, testRows, seenInTraining, settings, new Random(settings.seed() * 31 + 2), dropped);
        return new StrongGeneralizationSplit(trainRows, validation, test, below, dropped[0], dropped[1], settings);
    }

    private static HeldOutUsers holdOut(RatingMatrix matrix, int[] rows, boolean[] seenInTraining, SplitSettings settings,
                                        Random random, int[] dropped) {
        List<Integer> keptRows = new ArrayList<>();
        int[] foldPointers = new int[rows.length + 1];
        int[] hiddenPointers = new int[rows.length + 1];
        int total = 0;
        for (int row : rows) {
            total += matrix.rowLength(row);
        }
        int[] foldColumns = new int[total];
        float[] foldRatings = new float[total];
        long[] foldTimes = new long[total];
        int[] hiddenColumns = new int[total];
        float[] hiddenRatings = new float[total];
        int folded = 0;
        int hidden = 0;
        int[] userIds = new int[rows.length];
        for (int row : rows) {
            int[] positions = new int[matrix.rowLength(row)];
            int n = 0;
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                if (seenInTraining[matrix.columnAt(p)]) {
                    positions[n++] = p;
                } else {
                    dropped[0]++;
                }
            }
            if (n < 2) {
                dropped[1]++;
                continue;
            }
            positions = Arrays.copyOf(positions, n);
            Shuffle.inPlace(positions, random);
            int feed = (int) Math.floor(n * settings.foldInFraction() + 1e-9);
            feed = Math.max(1, Math.min(n - 1, feed));
            int[] fed = sorted(Arrays.copyOfRange(positions, 0, feed));
            int[] held = sorted(Arrays.copyOfRange(positions, feed, n));
            int i = keptRows.size();
            for (int p : fed) {
                foldColumns[folded] = matrix.columnAt(p);
                foldRatings[folded] = matrix.ratingAt(p);
                foldTimes[folded] = matrix.timestampAt(p);
                folded++;
            }
            for (int p : held) {
                hiddenColumns[hidden] = matrix.columnAt(p);
                hiddenRatings[hidden] = matrix.ratingAt(p);
                hidden++;
            }
            userIds[i] = matrix.users().idAt(row);
            keptRows.add(row);
            foldPointers[i + 1] = folded;
            hiddenPointers[i + 1] = hidden;
        }
        int count = keptRows.size();
        RatingMatrix foldIn = new RatingMatrix(Arrays.copyOf(foldPointers, count + 1), Arrays.copyOf(foldColumns, folded),
                Arrays.copyOf(foldRatings, folded), Arrays.copyOf(foldTimes, folded),
                new IdIndex(Arrays.copyOf(userIds, count)), matrix.movies());
        return new HeldOutUsers(keptRows.stream().mapToInt(Integer::intValue).toArray(), foldIn,
                Arrays.copyOf(hiddenPointers, count + 1), Arrays.copyOf(hiddenColumns, hidden), Arrays.copyOf(hiddenRatings, hidden));
    }

    private static int[] sorted(int[] values) {
        Arrays.sort(values);
        return values;
    }
}
