package org.encore.inspect;

import org.encore.data.RatingMatrix;
import org.encore.recommend.baseline.FixedScores;
import org.encore.recommend.Recommendation;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconstructionTest {
    /** User 1 rated movies 10 (4 stars) and 30 (2.5 stars); user 2 rated 20; five movies 10..50. */
    private static final RatingMatrix MATRIX = TinyData.matrix(new int[][]{
            {1, 10, 8}, {1, 30, 5}, {2, 20, 6}, {2, 40, 2}, {2, 50, 9}});
    /** Outputs per column (movies 10..50) in the 0.2 scale: 3.5, 4.5, 3, 1, 2 stars. */
    private static final float[] OUTPUTS = {0.7f, 0.9f, 0.6f, 0.2f, 0.4f};

    @Test
    void ratedMoviesShowTheirRatingOutputInStarsErrorAndRankThenTheTopUnratedMovies() {
        Reconstruction r = Reconstruction.of(new FixedScores("fixed", OUTPUTS, 0.2), MATRIX, 0, 2);
        assertEquals(1, r.userId());
        assertTrue(r.predictsRatings());
        assertEquals(2, r.rated().size());
        Reconstruction.RatedRow best = r.rated().get(0);
        assertEquals(10, best.movieId());
        assertEquals(4.0, best.rating());
        assertEquals(3.5, best.predicted(), 1e-6);
        assertEquals(-0.5, best.error(), 1e-6);
        assertEquals(2, best.rank(), "movie 20 (4.5 stars) outranks it");
        Reconstruction.RatedRow second = r.rated().get(1);
        assertEquals(30, second.movieId());
        assertEquals(0.5, second.error(), 1e-6);
        assertEquals(3, second.rank());
        assertEquals(Math.sqrt(0.25), r.ratedRmse(), 1e-6);
        assertEquals(0.5, r.ratedMae(), 1e-6);
        // the recommendations are the unrated movies with the highest outputs: predict(x) * (x == 0)
        assertEquals(List.of(20, 50), r.recommendations().stream().map(Recommendation::movieId).toList());
        assertEquals(5, r.outputs().total(), "every output is in the histogram");
        assertEquals(1.0, r.outputs().min(), 1e-6);
        assertEquals(4.5, r.outputs().max(), 1e-6);
    }

    @Test
    void aRankingModelShowsRanksWithoutStarsOrErrors() {
        FixedScores ranking = new FixedScores("ranking", OUTPUTS, 0.2) {
            @Override
            public boolean predictsRatings() {
                return false;
            }
        };
        Reconstruction r = Reconstruction.of(ranking, MATRIX, 1, 10);
        assertFalse(r.predictsRatings());
        assertEquals(List.of(50, 20, 40), r.rated().stream().map(Reconstruction.RatedRow::movieId).toList());
        for (Reconstruction.RatedRow row : r.rated()) {
            assertTrue(Double.isNaN(row.predicted()) && Double.isNaN(row.error()));
        }
        assertEquals(List.of(4, 1, 5), r.rated().stream().map(Reconstruction.RatedRow::rank).toList());
        assertEquals(List.of(10, 30), r.recommendations().stream().map(Recommendation::movieId).toList());
        assertTrue(Double.isNaN(r.ratedRmse()));
        assertEquals(0.9, r.outputs().max(), 1e-6, "raw scores, not stars");
    }
}
