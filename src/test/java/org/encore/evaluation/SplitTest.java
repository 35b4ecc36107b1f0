package org.encore.evaluation;

import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SplitTest {
    private final Dataset dataset = TinyData.groups(300, 60, 11);
    private final RatingMatrix matrix = dataset.ratings();

    @Test
    void heldOutUsersAreWholeUsersDisjointFromTraining() {
        StrongGeneralizationSplit split = StrongGeneralizationSplit.create(matrix, SplitSettings.defaults(1));
        Set<Integer> train = new HashSet<>();
        Arrays.stream(split.trainRows()).forEach(train::add);
        for (int row : split.validation().rows()) {
            assertFalse(train.contains(row));
        }
        for (int row : split.test().rows()) {
            assertFalse(train.contains(row));
            assertTrue(Arrays.stream(split.validation().rows()).noneMatch(v -> v == row));
        }
        int kept = split.trainRows().length + split.validation().size() + split.test().size()
                + split.droppedHeldOutUsers();
        assertEquals(matrix.userCount() - split.usersBelowMinimum(), kept);
        long expectedTest = Math.round(0.1 * (matrix.userCount() - split.usersBelowMinimum()));
        assertTrue(Math.abs(expectedTest - split.test().size()) <= split.droppedHeldOutUsers(),
                "10% of the kept users are test users, less any dropped for lack of ratings");
    }

    @Test
    void usersWithFewerThanTheMinimumAreLeftOut() {
        RatingMatrix m = TinyData.matrix(new int[][]{
                {1, 1, 8}, {1, 2, 8}, {1, 3, 8}, {1, 4, 8}, // 4 ratings: below 5
                {2, 1, 8}, {2, 2, 8}, {2, 3, 8}, {2, 4, 8}, {2, 5, 8},
                {3, 1, 8}, {3, 2, 8}, {3, 3, 8}, {3, 4, 8}, {3, 5, 8},
                {4, 1, 8}, {4, 2, 8}, {4, 3, 8}, {4, 4, 8}, {4, 5, 8}});
        StrongGeneralizationSplit split = StrongGeneralizationSplit.create(m,
                new SplitSettings(0.34, 0.34, 0.8, 5, 3));
        assertEquals(1, split.usersBelowMinimum());
        assertEquals(3, split.trainRows().length + split.validation().size() + split.test().size());
        assertTrue(Arrays.stream(split.trainRows()).noneMatch(r -> r == 0));
    }

    @Test
    void eachHeldOutUserFeedsEightyPercentAndHidesTheRest() {
        StrongGeneralizationSplit split = StrongGeneralizationSplit.create(matrix, SplitSettings.defaults(5));
        HeldOutUsers test = split.test();
        for (int i = 0; i < test.size(); i++) {
            int row = test.rows()[i];
            int fed = test.foldIn().rowLength(i);
            int hidden = test.hiddenColumnsOf(i).length;
            assertTrue(hidden >= 1, "every held-out user hides at least one rating");
            int total = fed + hidden;
            assertEquals((int) Math.floor(0.8 * total + 1e-9), fed, "user row " + row);
            Set<Integer> seen = new HashSet<>();
            for (int p = test.foldIn().rowStart(i); p < test.foldIn().rowEnd(i); p++) {
                int c = test.foldIn().columnAt(p);
                assertEquals(matrix.rating(row, c), test.foldIn().ratingAt(p));
                seen.add(c);
            }
            int[] hiddenColumns = test.hiddenColumnsOf(i);
            float[] hiddenRatings = test.hiddenRatingsOf(i);
            for (int h = 0; h < hiddenColumns.length; h++) {
                assertTrue(seen.add(hiddenColumns[h]), "a movie is both fed in and hidden");
                assertEquals(matrix.rating(row, hiddenColumns[h]), hiddenRatings[h]);
            }
            assertEquals(test.foldIn().users().idAt(i), matrix.users().idAt(row));
        }
    }

    @Test
    void heldOutRatingsOfMoviesNoTrainingUserRatedAreDropped() {
        // movie 99 is rated only by user 9; whichever side user 9 falls on, 99 never reaches a held-out list unseen
        int[][] rows = new int[9 * 6 + 1][];
        int k = 0;
        for (int u = 1; u <= 9; u++) {
            for (int m = 1; m <= 6; m++) {
                rows[k++] = new int[]{u, m, 6 + (u + m) % 5};
            }
        }
        rows[k] = new int[]{9, 99, 10};
        RatingMatrix m = TinyData.matrix(rows);
        for (long seed = 0; seed < 10; seed++) {
            StrongGeneralizationSplit split = StrongGeneralizationSplit.create(m, new SplitSettings(0.2, 0.2, 0.8, 5, seed));
            int column99 = m.movies().indexOf(99);
            boolean user9HeldOut = Arrays.stream(split.trainRows()).noneMatch(r -> r == 8);
            assertEquals(user9HeldOut ? 1 : 0, split.droppedUnseenRatings());
            for (HeldOutUsers users : new HeldOutUsers[]{split.validation(), split.test()}) {
                assertTrue(Arrays.stream(users.hiddenColumns()).noneMatch(c -> c == column99));
                assertTrue(Arrays.stream(users.foldIn().columnIndices()).noneMatch(c -> c == column99));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameSplitAndAnotherSeedAnotherOne() {
        StrongGeneralizationSplit a = StrongGeneralizationSplit.create(matrix, SplitSettings.defaults(9));
        StrongGeneralizationSplit b = StrongGeneralizationSplit.create(matrix, SplitSettings.defaults(9));
        StrongGeneralizationSplit c = StrongGeneralizationSplit.create(matrix, SplitSettings.defaults(10));
        assertArrayEquals(a.test().rows(), b.test().rows());
        assertArrayEquals(a.test().hiddenColumns(), b.test().hiddenColumns());
        assertArrayEquals(a.validation().foldIn().columnIndices(), b.validation().foldIn().columnIndices());
        assertFalse(Arrays.equals(a.test().rows(), c.test().rows()));
    }
}
