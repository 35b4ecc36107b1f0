package org.encore.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CSR build: rows by user id, columns by movie id, duplicates folded, any id range. */
class CsrBuilderTest {

    @Test
    void buildsRowsAndColumnsInIdOrder() {
        RatingMatrix m = CsrBuilder.build(new int[] {30, 10, 30, 20}, new int[] {500, 7, 7, 500},
                new float[] {1f, 2f, 3f, 4f}, new long[] {1, 2, 3, 4}, 4);
        assertArrayEquals(new int[] {10, 20, 30}, m.users().ids());
        assertArrayEquals(new int[] {7, 500}, m.movies().ids());
        assertArrayEquals(new int[] {0, 1, 2, 4}, m.rowPointers());
        assertArrayEquals(new int[] {0, 1, 0, 1}, m.columnIndices());
        assertArrayEquals(new float[] {2f, 4f, 3f, 1f}, m.ratings());
        assertArrayEquals(new long[] {2, 4, 3, 1}, m.timestamps());
    }

    @Test
    void duplicatePairKeepsLaterTimestampThenLaterLine() {
        RatingMatrix m = CsrBuilder.build(new int[] {1, 1, 1, 1, 1}, new int[] {5, 5, 5, 6, 6},
                new float[] {1f, 2f, 3f, 4f, 5f}, new long[] {10, 30, 20, 7, 7}, 5);
        assertArrayEquals(new float[] {2f, 5f}, m.ratings());
        assertArrayEquals(new long[] {30, 7}, m.timestamps());
        RatingColumns columns = new RatingColumns();
        columns.add(1, 5, 2, 10);
        columns.add(1, 5, 4, 10);
        assertEquals(1, CsrBuilder.build(List.of(columns), CancellationToken.none()).duplicates());
    }

    @Test
    void timestampsBeyond2038AreKeptUnsigned() {
        RatingMatrix m = CsrBuilder.build(new int[] {1}, new int[] {1}, new float[] {4f}, new long[] {4_000_000_000L}, 1);
        assertEquals(4_000_000_000L, m.timestampAt(0));
    }

    @Test
    void ratingOffTheGridIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> CsrBuilder.build(new int[] {1}, new int[] {1}, new float[] {3.3f}, new long[] {1}, 1));
    }

    /** Random records over small and huge id ranges (the latter takes the sort-based id path) against a map. */
    @Test
    void matchesAReferenceBuildForRandomPartsAndIdRanges() {
        for (int maxId : new int[] {50, Integer.MAX_VALUE - 1}) {
            Random random = new Random(maxId);
            int[] userPool = random.ints(40, 0, maxId).toArray();
            int[] moviePool = random.ints(60, 0, maxId).toArray();
            RatingColumns first = new RatingColumns();
            RatingColumns second = new RatingColumns();
            TreeMap<Long, int[]> expected = new TreeMap<>();
            for (int i = 0; i < 5000; i++) {
                int user = userPool[random.nextInt(userPool.length)];
                int movie = moviePool[random.nextInt(moviePool.length)];
                int halves = 1 + random.nextInt(10);
                int time = random.nextInt(100);
                (i < 2500 ? first : second).add(user, movie, halves, time);
                long key = ((long) user << 32) | movie;
                int[] old = expected.get(key);
                if (old == null || time >= old[1]) {
                    expected.put(key, new int[] {halves, time});
                }
            }
            CsrBuilder.Built built = CsrBuilder.build(List.of(first, second), CancellationToken.none());
            RatingMatrix m = built.matrix();
            assertEquals(expected.size(), m.ratingCount());
            assertEquals(5000 - expected.size(), built.duplicates());
            int position = 0;
            for (var e : expected.entrySet()) {
                int user = (int) (e.getKey() >>> 32);
                int movie = (int) (long) e.getKey();
                int row = m.users().indexOf(user);
                assertEquals(true, position >= m.rowStart(row) && position < m.rowEnd(row));
                assertEquals(movie, m.movies().idAt(m.columnAt(position)));
                assertEquals(e.getValue()[0] / 2f, m.ratingAt(position));
                assertEquals(e.getValue()[1], m.timestampAt(position));
                position++;
            }
        }
    }
}
