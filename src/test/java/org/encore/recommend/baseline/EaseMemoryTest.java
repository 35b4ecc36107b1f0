package org.encore.recommend.baseline;

import org.encore.data.IdIndex;
import org.encore.data.RatingMatrix;
import org.encore.data.MovieRatingsFilter;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EaseMemoryTest {
    /** Movie c (0-based) is rated by the first c + 1 of 100 users: 100 movies, movie c has c + 1 ratings. */
    private static RatingMatrix staircase() {
        int users = 100;
        int movies = 100;
        int[] rowPointers = new int[users + 1];
        java.util.List<Integer> columns = new java.util.ArrayList<>();
        for (int u = 0; u < users; u++) {
            for (int c = u; c < movies; c++) {
                columns.add(c); // user u rates movies u..99, so movie c has c + 1 raters
            }
            rowPointers[u + 1] = columns.size();
        }
        int[] cols = columns.stream().mapToInt(Integer::intValue).toArray();
        float[] ratings = new float[cols.length];
        java.util.Arrays.fill(ratings, 3f);
        int[] ids = new int[users];
        java.util.Arrays.setAll(ids, i -> i + 1);
        return new RatingMatrix(rowPointers, cols, ratings, new long[cols.length], new IdIndex(ids), new IdIndex(ids.clone()));
    }

    @Test
    void aFitThatFitsPasses() {
        assertDoesNotThrow(() -> EaseMemory.check(staircase(), 100, new EaseMemory.Room(1L << 30, 1L << 30, 1L << 33)));
    }

    @Test
    void aFitThatDoesNotFitIsRefusedWithTheFiguresAndTheSmallestFilterThatFits() {
        // room for a 40 x 40 matrix on the heap: 6,400 bytes; 40 movies have at least 61 raters
        EaseMemory.Room room = new EaseMemory.Room(40L * 40 * 4, 1L << 30, 1L << 33);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EaseMemory.check(staircase(), 100, room));
        assertTrue(e.getMessage().contains("EASE over 100 movies needs a 100 x 100 float matrix"), e.getMessage());
        assertTrue(e.getMessage().contains("--min-movie-ratings 61 (keeps the 40 movies"), e.getMessage());
        assertEquals(61, EaseMemory.smallestFittingMinimum(MovieRatingsFilter.usersPerMovie(staircase()), room));
    }

    @Test
    void whenNotEvenTheMostRatedMoviesFitTheMessageSaysSo() {
        EaseMemory.Room room = new EaseMemory.Room(0, 0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EaseMemory.check(staircase(), 100, room));
        assertTrue(e.getMessage().contains("Even the most-rated movies alone do not fit"), e.getMessage());
    }

    @Test
    void moreMoviesThanAJavaArrayCanSquareAreRefusedWhateverTheMemory() {
        EaseMemory.Room plenty = new EaseMemory.Room(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(plenty.fits(46_340));
        assertTrue(!plenty.fits(46_341));
        assertEquals(2L * 87_585 * 87_585 * 4, EaseMemory.bytesNeeded(87_585));
    }
}
