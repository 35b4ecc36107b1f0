package org.encore.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class MovieRatingsFilterTest {
    // users 10, 20, 30; movies 100 (rated by 3), 200 (by 1), 300 (by 2)
    private static RatingMatrix matrix() {
        return new RatingMatrix(new int[]{0, 3, 4, 6}, new int[]{0, 1, 2, 0, 0, 2},
                new float[]{4f, 2f, 5f, 3f, 1f, 2.5f}, new long[]{1, 2, 3, 4, 5, 6},
                new IdIndex(new int[]{10, 20, 30}), new IdIndex(new int[]{100, 200, 300}));
    }

    @Test
    void keepsOnlyMoviesRatedByEnoughUsersWithTheirIdsAndRatings() {
        RatingMatrix filtered = MovieRatingsFilter.apply(matrix(), 2);
        assertArrayEquals(new int[]{100, 300}, filtered.movies().ids());
        assertArrayEquals(new int[]{10, 20, 30}, filtered.users().ids());
        assertEquals(5, filtered.ratingCount());
        assertEquals(4f, filtered.rating(0, filtered.movies().indexOf(100)));
        assertEquals(5f, filtered.rating(0, filtered.movies().indexOf(300)));
        assertEquals(2.5f, filtered.rating(2, filtered.movies().indexOf(300)));
        assertEquals(1, filtered.rowLength(1));
        assertArrayEquals(new long[]{1, 3, 4, 5, 6}, filtered.timestamps());
    }

    @Test
    void aMinimumNobodyReachesLeavesUsersWithoutRatings() {
        RatingMatrix filtered = MovieRatingsFilter.apply(matrix(), 4);
        assertEquals(0, filtered.movieCount());
        assertEquals(3, filtered.userCount());
        assertEquals(0, filtered.ratingCount());
    }

    @Test
    void countsUsersPerMovieAndTheMoviesAMinimumKeeps() {
        int[] counts = MovieRatingsFilter.usersPerMovie(matrix());
        assertArrayEquals(new int[]{3, 1, 2}, counts);
        assertEquals(3, MovieRatingsFilter.moviesKept(counts, 1));
        assertEquals(1, MovieRatingsFilter.moviesKept(counts, 3));
    }

    @Test
    void aMinimumOfOneKeepsTheDatasetAsItIs() {
        Dataset dataset = new Dataset("test", java.nio.file.Path.of("x"), matrix(), java.util.List.of(), null);
        assertSame(dataset, MovieRatingsFilter.apply(dataset, 1));
        assertEquals(2, MovieRatingsFilter.apply(dataset, 2).ratings().movieCount());
    }
}
