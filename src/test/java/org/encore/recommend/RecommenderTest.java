package org.encore.recommend;

import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommenderTest {

    /** Users 1..3 over movies 10,20,30,40,50 (columns 0..4). */
    private final RatingMatrix matrix = TinyData.matrix(new int[][]{
            {1, 10, 10}, {1, 30, 6},
            {2, 20, 8}, {2, 40, 9}, {2, 50, 2},
            {3, 50, 10}});

    @Test
    void ratedMoviesAreNeverRecommendedEvenWhenTheyScoreHighest() {
        // the highest scores go to column 0 and 2, which user 1 rated
        RowScorer scorer = TinyData.fixed("s", new float[]{0.9f, 0.3f, 0.8f, 0.5f, 0.1f}, 0.2);
        List<Recommendation> top = Recommender.top(scorer, matrix, 0, 5);
        assertEquals(List.of(3, 1, 4), top.stream().map(Recommendation::column).toList());
        assertEquals(List.of(40, 20, 50), top.stream().map(Recommendation::movieId).toList());
        assertEquals(List.of(1, 2, 3), top.stream().map(Recommendation::rank).toList());
        assertEquals(0.5, top.get(0).score(), 1e-6);
    }

    @Test
    void negativeScoresStillRankBelowNothingThatWasRated() {
        // masking by exclusion: a rated movie (score 0 after a naive x == 0 mask) must not appear above negative scores
        RowScorer scorer = TinyData.fixed("s", new float[]{-0.1f, -0.5f, -0.2f, -0.3f, -0.4f}, 0.2);
        List<Recommendation> top = Recommender.top(scorer, matrix, 0, 2);
        assertEquals(List.of(3, 4), top.stream().map(Recommendation::column).toList());
    }

    @Test
    void topNStopsAtN() {
        RowScorer scorer = TinyData.fixed("s", new float[]{0.1f, 0.2f, 0.3f, 0.4f, 0.5f}, 0.2);
        assertEquals(1, Recommender.top(scorer, matrix, 2, 1).size());
        assertEquals(List.of(3, 2, 1, 0), Recommender.top(scorer, matrix, 2, 10).stream().map(Recommendation::column).toList());
    }

    @Test
    void manyUsersAcrossSeveralBatchesMatchOneUserAtATime() {
        int users = 600; // more than one batch of 256 rows
        int movies = 40;
        Random random = new Random(3);
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        for (int u = 1; u <= users; u++) {
            for (int m = 1; m <= movies; m++) {
                if (random.nextDouble() < 0.2) {
                    rows.add(new int[]{u, m, 1 + random.nextInt(10)});
                }
            }
        }
        RatingMatrix big = TinyData.matrix(rows.toArray(new int[0][]));
        // a scorer whose output depends on the input row, so that batch offsets matter
        RowScorer echo = new EchoScorer(big.movieCount());
        int[] all = java.util.stream.IntStream.range(0, big.userCount()).toArray();
        List<List<Recommendation>> batched = Recommender.top(echo, big, all, 5);
        assertEquals(big.userCount(), batched.size());
        for (int row = 0; row < big.userCount(); row += 37) {
            assertEquals(Recommender.top(echo, big, row, 5), batched.get(row));
            for (Recommendation r : batched.get(row)) {
                assertEquals(0f, big.rating(row, r.column()), "rated movie recommended to row " + row);
            }
        }
    }

    @Test
    void aNewUserGetsRecommendationsFromTheirRatings() {
        RowScorer echo = new EchoScorer(matrix.movieCount());
        // EchoScorer scores column c with the input of column c+1: rating movie 40 (column 3) lifts column 2 (movie 30)
        List<Recommendation> top = Recommender.topForRatings(echo, matrix.movies(),
                List.of(new MovieRating(40, 5.0), new MovieRating(20, 1.0)), 2);
        assertEquals(30, top.get(0).movieId());
        assertEquals(1.0, top.get(0).score(), 1e-6);
        assertEquals(10, top.get(1).movieId());
        assertTrue(top.stream().noneMatch(r -> r.movieId() == 40 || r.movieId() == 20));
    }

    @Test
    void aNewUserRatingAnUnknownMovieIsRefusedByName() {
        RowScorer echo = new EchoScorer(matrix.movieCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recommender.topForRatings(echo, matrix.movies(), List.of(new MovieRating(999, 4.0)), 3));
        assertTrue(e.getMessage().contains("999"), e.getMessage());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Recommender.topForRatings(echo, matrix.movies(), List.of(new MovieRating(10, 7.0)), 3));
        assertTrue(bad.getMessage().contains("7.0"), bad.getMessage());
    }

    @Test
    void aScorerOfAnotherWidthIsRefused() {
        RowScorer narrow = TinyData.fixed("narrow", new float[3], 0.2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recommender.top(narrow, matrix, 0, 3));
        assertTrue(e.getMessage().contains("width 3"), e.getMessage());
    }

    @Test
    void ratedListIsBestFirstWithTiesBrokenByRecency() {
        RatingMatrix m = TinyData.matrix(new int[][]{
                {1, 10, 8, 100}, {1, 20, 10, 50}, {1, 30, 8, 300}, {1, 40, 4, 400}});
        List<RatedMovie> rated = Recommender.ratedByUser(m, 0, 10);
        assertEquals(List.of(20, 30, 10, 40), rated.stream().map(RatedMovie::movieId).toList());
        assertEquals(5.0, rated.get(0).rating());
        assertEquals(2, Recommender.ratedByUser(m, 0, 2).size());
    }

    @Test
    void percentOfFiveStarsUnderTheDefaultScaling() {
        assertEquals(100.0, Recommender.percentOfFiveStars(1.0, 0.2), 1e-9);
        assertEquals(90.0, Recommender.percentOfFiveStars(0.9, 0.2), 1e-9);
        assertEquals(50.0, Recommender.percentOfFiveStars(2.5, 1.0), 1e-9);
    }

    @Test
    void topNBreaksScoreTiesByLowerColumn() {
        float[] scores = {0.5f, 0.7f, 0.5f, 0.7f};
        float[] inputs = new float[4];
        assertEquals(List.of(1, 3, 0, 2), java.util.Arrays.stream(TopN.columns(scores, inputs, 0, 4, 4)).boxed().toList());
        assertFalse(TopN.columns(new float[]{Float.NaN, 1f}, new float[2], 0, 2, 2).length == 2);
    }

    /** Scores column c with the input of column c + 1 (wrapping), per row. */
    static final class EchoScorer implements RowScorer {
        private final int width;

        EchoScorer(int width) {
            this.width = width;
        }

        @Override
        public String name() {
            return "echo";
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public double valueScale() {
            return 0.2;
        }

        @Override
        public void score(float[] inputs, int rows, float[] outputs) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < width; c++) {
                    outputs[r * width + c] = inputs[r * width + (c + 1) % width];
                }
            }
        }
    }
}
