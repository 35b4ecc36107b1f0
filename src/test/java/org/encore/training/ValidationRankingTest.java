package org.encore.training;

import org.encore.data.RatingMatrix;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationRankingTest {
    /** {user, movie, half stars}: user 0 rates 10 movies (8 fed, 2 hidden), user 1 one (left out), user 2 five (4 fed). */
    private static final RatingMatrix MATRIX = TinyData.matrix(new int[][]{
            {0, 0, 10}, {0, 1, 9}, {0, 2, 8}, {0, 3, 8}, {0, 4, 10}, {0, 5, 2}, {0, 6, 3}, {0, 7, 9}, {0, 8, 10}, {0, 9, 8}, {1, 0, 10}, {2, 2, 8}, {2, 3, 8}, {2, 4, 2}, {2, 5, 10}, {2, 6, 10}});

    @Test
    void eightyPercentOfEachUsersRatingsAreFedInAndUsersWithOneRatingAreLeftOut() {
        ValidationRanking ranking = new ValidationRanking(MATRIX, new int[]{0, 1, 2}, 3);
        assertEquals(2, ranking.users());
        float[] rows = new float[2 * MATRIX.movieCount()];
        ranking.foldIn(0, 2, 0.2f, rows);
        int fed0 = 0;
        int fed2 = 0;
        for (int c = 0; c < MATRIX.movieCount(); c++) {
            fed0 += rows[c] != 0 ? 1 : 0;
            fed2 += rows[MATRIX.movieCount() + c] != 0 ? 1 : 0;
        }
        assertEquals(8, fed0);
        assertEquals(4, fed2);
    }

    @Test
    void aScorerThatRanksTheHiddenRelevantMoviesFirstScoresOne() {
        ValidationRanking ranking = new ValidationRanking(MATRIX, new int[]{0, 2}, 3);
        int width = MATRIX.movieCount();
        float[] fed = new float[2 * width];
        ranking.foldIn(0, 2, 0.2f, fed);
        float[] scores = new float[2 * width];
        int[] rows = {0, 2};
        Set<Integer> relevantHidden = new HashSet<>();
        for (int u = 0; u < 2; u++) {
            for (int c = 0; c < width; c++) {
                boolean hidden = fed[u * width + c] == 0 && MATRIX.rating(rows[u], c) != 0;
                // hidden relevant movies on top; fed-in movies score higher still but must be removed
                scores[u * width + c] = fed[u * width + c] != 0 ? 100 : hidden && MATRIX.rating(rows[u], c) >= 4 ? 10 : 0;
                if (hidden && MATRIX.rating(rows[u], c) >= 4) {
                    relevantHidden.add(u * width + c);
                }
            }
            ranking.add(u, scores, u * width);
        }
        RankingMetrics metrics = ranking.finish();
        assertTrue(metrics.users() >= 1 && !relevantHidden.isEmpty(), metrics.toString());
        assertEquals(1.0, metrics.ndcg100(), 1e-12);
        assertEquals(1.0, metrics.recall20(), 1e-12);
        // finish starts over: no users added since
        assertTrue(Double.isNaN(ranking.finish().ndcg100()));
    }

    @Test
    void theMathIsTheEvaluatorsDefinition() {
        int[] ranked = {4, 1, 7};
        assertEquals(1 / (Math.log(3) / Math.log(2)) / (1 + 1 / (Math.log(3) / Math.log(2))),
                RankingMath.ndcg(ranked, c -> c == 1 || c == 9, 2, 100), 1e-12);
        assertEquals(0.5, RankingMath.recall(ranked, c -> c == 1 || c == 9, 2, 20), 1e-12);
        assertTrue(Double.isNaN(RankingMath.ndcg(ranked, c -> false, 0, 100)));
    }
    @Test
    void theTopHundredIsTheFullSortWithTiesByLowerColumnAndNaNsLast() {
        Random random = new Random(9);
        List<int[]> cells = new ArrayList<>();
        for (int user = 0; user < 4; user++) {
            for (int movie = 0; movie < 300; movie++) {
                if (random.nextDouble() < 0.3) {
                    cells.add(new int[]{user, movie, 1 + random.nextInt(10)});
                }
            }
        }
        RatingMatrix matrix = TinyData.matrix(cells.toArray(new int[0][]));
        int width = matrix.movieCount();
        int[] rows = {0, 1, 2, 3};
        ValidationRanking ranking = new ValidationRanking(matrix, rows, 4);
        float[] fed = new float[rows.length * width];
        ranking.foldIn(0, rows.length, 0.2f, fed);
        float[] scores = new float[rows.length * width];
        double ndcgSum = 0;
        double recallSum = 0;
        int defined = 0;
        for (int u = 0; u < rows.length; u++) {
            List<Integer> candidates = new ArrayList<>();
            Set<Integer> relevant = new HashSet<>();
            for (int c = 0; c < width; c++) {
                scores[u * width + c] = random.nextDouble() < 0.05 ? Float.NaN : random.nextInt(12) / 4f;
                if (fed[u * width + c] == 0) {
                    candidates.add(c);
                    if (matrix.rating(rows[u], c) >= ValidationRanking.RELEVANT_RATING) {
                        relevant.add(c);
                    }
                }
            }
            int offset = u * width;
            candidates.sort((a, b) -> {
                float va = scores[offset + a];
                float vb = scores[offset + b];
                if (Float.isNaN(va) || Float.isNaN(vb)) {
                    return Float.isNaN(va) == Float.isNaN(vb) ? Integer.compare(a, b) : Float.isNaN(va) ? 1 : -1;
                }
                return va != vb ? Float.compare(vb, va) : Integer.compare(a, b);
            });
            int[] ranked = candidates.stream().limit(ValidationRanking.NDCG_AT).mapToInt(Integer::intValue).toArray();
            if (!relevant.isEmpty()) {
                ndcgSum += RankingMath.ndcg(ranked, relevant::contains, relevant.size(), ValidationRanking.NDCG_AT);
                recallSum += RankingMath.recall(ranked, relevant::contains, relevant.size(), ValidationRanking.RECALL_AT);
                defined++;
            }
            ranking.add(u, scores, offset);
        }
        RankingMetrics metrics = ranking.finish();
        assertTrue(defined > 0);
        assertEquals(defined, metrics.users());
        assertEquals(ndcgSum / defined, metrics.ndcg100(), 1e-12);
        assertEquals(recallSum / defined, metrics.recall20(), 1e-12);
    }
}
