package org.encore.recommend.baseline;

import org.encore.data.RatingMatrix;
import org.encore.recommend.Recommendation;
import org.encore.recommend.Recommender;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MostPopularTest {
    // movie 30 rated by 3 users, 10 by 2, 20 and 40 by 1 (users 1-3); users 4 and 5 are not training users
    private final RatingMatrix matrix = TinyData.matrix(new int[][]{
            {1, 10, 2}, {1, 30, 2},
            {2, 10, 10}, {2, 30, 10}, {2, 20, 10},
            {3, 30, 1}, {3, 40, 4},
            {4, 40, 8}, {5, 50, 8}, {5, 10, 8}});

    @Test
    void ranksMoviesByTheirNumberOfRatingsInTrainingUsersOnly() {
        MostPopular popular = MostPopular.fit(matrix, new int[]{0, 1, 2}, 0.2);
        assertEquals(2, popular.count(matrix.movies().indexOf(10)));
        assertEquals(0, popular.count(matrix.movies().indexOf(50)));
        List<Recommendation> forUser4 = Recommender.top(popular, matrix, 3, 5);
        // 40 is rated by user 4 and so left out; 20 before 50 (1 vs 0 training ratings); rating values play no part
        assertEquals(List.of(30, 10, 20, 50), forUser4.stream().map(Recommendation::movieId).toList());
        assertEquals(3.0, forUser4.get(0).score());
    }
}
