package org.encore.evaluation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsTest {
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /** Ranked 5, 3, 9, 1; hidden 3 (5 stars), 9 (4 stars), 7 (2 stars): relevant = {3, 9}. */
    private final UserOutcome user = new UserOutcome(new int[]{5, 3, 9, 1}, new int[]{3, 7, 9},
            new float[]{5f, 2f, 4f}, new float[]{4f, 3f, 4f}, new int[]{0, 2});

    @Test
    void recallCountsHitsOverTheSmallerOfKAndRelevant() {
        assertEquals(0.5, new RecallAtK(2).of(user), 1e-12);  // one of 2 in the top 2
        assertEquals(1.0, new RecallAtK(3).of(user), 1e-12);  // both in the top 3
        assertEquals(0.0, new RecallAtK(1).of(user), 1e-12);  // top 1 (5) is not relevant
        assertEquals("recall20", new RecallAtK(20).name());
    }

    @Test
    void recallIsOneWhenTheTopKIsAllRelevantEvenWithMoreRelevantThanK() {
        UserOutcome many = new UserOutcome(new int[]{1, 2, 3}, new int[]{1, 2, 3, 4, 5},
                new float[]{4, 4, 4, 4, 4}, null, new int[0]);
        assertEquals(1.0, new RecallAtK(2).of(many), 1e-12);
        assertEquals(3.0 / 5, new RecallAtK(10).of(many), 1e-12);
    }

    @Test
    void ndcgUsesBinaryGainsAndAnIdealListOfTheRelevantMovies() {
        double dcg = 1 / LOG2_3 + 1 / 2.0;      // hits at positions 2 and 3
        double ideal = 1 + 1 / LOG2_3;          // two relevant movies at positions 1 and 2
        assertEquals(dcg / ideal, new NdcgAtK(100).of(user), 1e-12);
        assertEquals((1 / LOG2_3) / ideal, new NdcgAtK(2).of(user), 1e-12);
        assertEquals(0.0, new NdcgAtK(1).of(user), 1e-12);
    }

    @Test
    void usersWithoutRelevantHiddenMoviesAreSkipped() {
        UserOutcome none = new UserOutcome(new int[]{1, 2}, new int[]{1}, new float[]{3.5f}, new float[]{3f}, new int[0]);
        assertTrue(Double.isNaN(new RecallAtK(20).of(none)));
        assertTrue(Double.isNaN(new NdcgAtK(100).of(none)));
        assertEquals(0.5, new Mae().of(none), 1e-6); // rating errors still count for every hidden rating
    }

    @Test
    void rmseAndMaeAreOverAllHiddenRatings() {
        // errors: 3 -> 5 is -1, 7 -> 2 is +1, 9 -> 4 is 0
        assertEquals(Math.sqrt(2.0 / 3), new Rmse().of(user), 1e-6);
        assertEquals(2.0 / 3, new Mae().of(user), 1e-6);
    }

    @Test
    void rmseAndMaeAreUndefinedWithoutRatingPredictions() {
        UserOutcome rankingOnly = new UserOutcome(new int[]{1}, new int[]{1}, new float[]{5f}, null, new int[0]);
        assertTrue(Double.isNaN(new Rmse().of(rankingOnly)));
        assertTrue(Double.isNaN(new Mae().of(rankingOnly)));
    }

    @Test
    void catalogCoverageCountsDistinctMoviesInTheTopK() {
        CatalogCoverage coverage = new CatalogCoverage(2, 10);
        coverage.add(user);                                                     // 5, 3
        coverage.add(new UserOutcome(new int[]{3, 8, 9}, new int[0], new float[0], null, new int[0])); // 3, 8
        assertEquals(3.0 / 10, coverage.value(), 1e-12);
    }

    @Test
    void meanPopularityAveragesTrainingCountsOfTheTopK() {
        int[] counts = {0, 10, 0, 30, 0, 50, 0, 0, 0, 2};
        assertEquals((50 + 30) / 2.0, new MeanPopularity(counts, 2).of(user), 1e-12);
        assertEquals((50 + 30 + 2 + 10) / 4.0, new MeanPopularity(counts, 20).of(user), 1e-12);
    }

    @Test
    void summaryGivesMeanAndStandardErrorSkippingUndefinedUsers() {
        Summary s = Summary.of(new double[]{1, 2, 3, Double.NaN});
        assertEquals(2.0, s.mean(), 1e-12);
        assertEquals(1.0 / Math.sqrt(3), s.standardError(), 1e-12);
        assertEquals(3, s.users());
        assertTrue(Double.isNaN(Summary.of(new double[]{Double.NaN}).mean()));
        assertTrue(Double.isNaN(Summary.of(new double[]{4}).standardError()));
    }

    @Test
    void jensenShannonIsZeroForTheSameProfileAndOneForDisjointOnes() {
        assertEquals(0.0, ProfileDistance.jensenShannon(new double[]{0.25, 0.75}, new double[]{0.25, 0.75}), 1e-12);
        assertEquals(1.0, ProfileDistance.jensenShannon(new double[]{1, 0}, new double[]{0, 1}), 1e-12);
        // p = (1, 0), q = (1/2, 1/2), m = (3/4, 1/4)
        double expected = 0.5 * log2(1 / 0.75) + 0.5 * (0.5 * log2(0.5 / 0.75) + 0.5 * log2(0.5 / 0.25));
        assertEquals(expected, ProfileDistance.jensenShannon(new double[]{1, 0}, new double[]{0.5, 0.5}), 1e-12);
        assertTrue(Double.isNaN(ProfileDistance.jensenShannon(new double[]{0, 0}, new double[]{1, 0})));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    @Test
    void aHigherRelevanceThresholdCountsOnlyTheMoviesRatedAtLeastThatHigh() {
        UserOutcome strict = new UserOutcome(user.ranked(), user.hiddenColumns(), user.hiddenRatings(),
                user.hiddenPredictions(), user.fedColumns(), 5.0);
        assertEquals(2, user.relevantCount(), "4 stars and up: movies 3 and 9");
        assertEquals(1, strict.relevantCount(), "5 stars only: movie 3");
        assertEquals(1.0, new RecallAtK(2).of(strict), 1e-12);  // movie 3 is ranked second
        assertEquals(0.5, new RecallAtK(2).of(user), 1e-12);
    }

    @Test
    void theRelevanceThresholdIsARatingOnTheStarScale() {
        assertEquals(3.5, new SplitSettings(0.1, 0.1, 0.8, 5, 1, 3.5).withSeed(2).relevantRating());
        assertEquals(SplitSettings.DEFAULT_RELEVANT_RATING, SplitSettings.defaults(1).relevantRating());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new SplitSettings(0.1, 0.1, 0.8, 5, 1, 6)).getMessage().contains("(0, 5]"));
    }
}
