package org.encore.recommend;

import org.encore.data.IdIndex;
import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Top-N recommendation: scores = predict(x) * (x == 0), then the N best.
 * <p>
 * Rated movies are removed from the candidates rather than multiplied by zero: for non-negative scores that is
 * the reference's {@code predict(x) * (x == 0)}, and it stays correct for scorers whose scores can be negative
 * (normalised blends, EASE), where a masked 0 could otherwise outrank unrated movies.
 */
public final class Recommender {
    private Recommender() {
    }

    /** Top {@code n} unrated movies for matrix row {@code row}. */
    public static List<Recommendation> top(RowScorer scorer, RatingMatrix matrix, int row, int n) {
        return top(scorer, matrix, new int[]{row}, n).get(0);
    }

    /** Top {@code n} for many rows, densifying one batch at a time. */
    public static List<List<Recommendation>> top(RowScorer scorer, RatingMatrix matrix, int[] rows, int n) {
        List<List<Recommendation>> result = new ArrayList<>(rows.length);
        IdIndex movies = matrix.movies();
        int width = matrix.movieCount();
        BatchScoring.forEachBatch(scorer, matrix, rows, (batchRows, inputs, scores) -> {
            for (int i = 0; i < batchRows.length; i++) {
                result.add(toRecommendations(TopN.columns(scores, inputs, i * width, width, n), scores, i * width, movies));
            }
        });
        return result;
    }

    /**
     * Top {@code n} for a user who is not in the dataset, from their ratings.
     *
     * @param movies  the columns the scorer was trained on (the rating matrix's movie index)
     * @param ratings (movie id, stars) pairs; a repeated movie keeps the last rating
     * @throws IllegalArgumentException for a movie id the model does not know or a rating outside (0, 5]
     */
    public static List<Recommendation> topForRatings(RowScorer scorer, IdIndex movies, List<MovieRating> ratings, int n) {
        if (scorer.width() != movies.size()) {
            throw new IllegalArgumentException("scorer '" + scorer.name() + "' has width " + scorer.width()
                    + " but the movie index has " + movies.size() + " movies");
        }
        int width = movies.size();
        float[] inputs = new float[width];
        for (MovieRating r : ratings) {
            int column = movies.indexOf(r.movieId());
            if (column < 0) {
                throw new IllegalArgumentException("movie " + r.movieId() + " is not one of the model's movies");
            }
            if (!(r.rating() > 0 && r.rating() <= 5)) {
                throw new IllegalArgumentException("rating " + r.rating() + " of movie " + r.movieId()
                        + " is outside 0.5..5 stars");
            }
            inputs[column] = (float) (r.rating() * scorer.valueScale());
        }
        float[] scores = new float[width];
        scorer.score(inputs, 1, scores);
        return toRecommendations(TopN.columns(scores, inputs, 0, width, n), scores, 0, movies);
    }

    /**
     * The user's own rated movies, best first, ties by recency (most recent first), then by column.
     *
     * @param n how many at most (Integer.MAX_VALUE for all)
     */
    public static List<RatedMovie> ratedByUser(RatingMatrix matrix, int row, int n) {
        Integer[] positions = new Integer[matrix.rowLength(row)];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = matrix.rowStart(row) + i;
        }
        Arrays.sort(positions, Comparator.<Integer>comparingDouble(p -> -matrix.ratingAt(p))
                .thenComparingLong(p -> -matrix.timestampAt(p))
                .thenComparingInt(matrix::columnAt));
        List<RatedMovie> list = new ArrayList<>(Math.min(n, positions.length));
        for (int i = 0; i < positions.length && i < n; i++) {
            int p = positions[i];
            list.add(new RatedMovie(matrix.columnAt(p), matrix.movies().idAt(matrix.columnAt(p)), matrix.ratingAt(p),
                    matrix.timestampAt(p), i + 1));
        }
        return Collections.unmodifiableList(list);
    }

    /** A score shown as percent of a 5-star rating under the scorer's value scaling (0.2: score 1.0 = 100%). */
    public static double percentOfFiveStars(double score, double valueScale) {
        return score / valueScale / 5.0 * 100.0;
    }

    /**
     * A ranking-only score (counts, EASE, logits of a multinomial model) shown without a rating scale: its place
     * between the lowest and the highest score of the list it is in, so the top recommendation is 1 and the last 0
     * (1 for every item of a list whose scores are all equal). Never a percentage of five stars.
     */
    public static double relativeScore(Recommendation item, List<Recommendation> list) {
        double top = list.get(0).score();
        double bottom = list.get(list.size() - 1).score();
        return top > bottom ? (item.score() - bottom) / (top - bottom) : 1.0;
    }

    private static List<Recommendation> toRecommendations(int[] columns, float[] scores, int offset, IdIndex movies) {
        List<Recommendation> list = new ArrayList<>(columns.length);
        for (int i = 0; i < columns.length; i++) {
            list.add(new Recommendation(columns[i], movies.idAt(columns[i]), scores[offset + columns[i]], i + 1));
        }
        return Collections.unmodifiableList(list);
    }
}
