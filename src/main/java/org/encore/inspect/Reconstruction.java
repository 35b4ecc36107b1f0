package org.encore.inspect;

import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;
import org.encore.recommend.BatchScoring;
import org.encore.recommend.RatedMovie;
import org.encore.recommend.Recommendation;
import org.encore.recommend.Recommender;
import org.encore.recommend.TopN;
import org.encore.training.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A user's input row beside the model's output for it, the reference's {@code predict(x) * (x == 0)} made visible
 * (DESIGN.md section 9): the movies the user rated with their rating, the model's output and, for a model that
 * predicts ratings, the output on the star scale and its error; then the unrated movies with the highest outputs,
 * which are the recommendations ({@link Recommender#top}); and a histogram of all outputs for the user.
 *
 * @param userId          MovieLens user id
 * @param predictsRatings whether outputs read as stars ({@link RowScorer#predictsRatings()})
 * @param rated           the user's rated movies, best rated first (as {@link Recommender#ratedByUser} orders them)
 * @param recommendations the top unrated movies, best first
 * @param outputs         histogram of the outputs over every movie, in stars for a rating predictor, else raw scores
 */
public record Reconstruction(int userId, boolean predictsRatings, List<RatedRow> rated,
                             List<Recommendation> recommendations, Histogram outputs) {
    /** Bins of the output histogram. */
    public static final int BINS = 40;

    /**
     * One rated movie.
     *
     * @param column    rating-matrix column
     * @param movieId   MovieLens id
     * @param rating    the user's stars
     * @param score     the model's raw output for it
     * @param predicted score / valueScale in stars; NaN for a ranking model
     * @param error     predicted - rating in stars; NaN for a ranking model
     * @param rank      1-based rank of the output among all the user's outputs (rated movies included)
     */
    public record RatedRow(int column, int movieId, double rating, double score, double predicted, double error, int rank) {
    }

    public Reconstruction {
        rated = List.copyOf(rated);
        recommendations = List.copyOf(recommendations);
    }

    /** Root mean squared error in stars over the rated movies; NaN for a ranking model. */
    public double ratedRmse() {
        return Math.sqrt(rated.stream().mapToDouble(r -> r.error() * r.error()).average().orElse(Double.NaN));
    }

    /** Mean absolute error in stars over the rated movies; NaN for a ranking model. */
    public double ratedMae() {
        return rated.stream().mapToDouble(r -> Math.abs(r.error())).average().orElse(Double.NaN);
    }

    /** The reconstruction of matrix row {@code row} by {@code scorer} with its top {@code top} recommendations. */
    public static Reconstruction of(RowScorer scorer, RatingMatrix matrix, int row, int top) {
        int width = matrix.movieCount();
        float[] scores = new float[width];
        BatchScoring.forEachBatch(scorer, matrix, new int[]{row}, (rows, in, out) -> System.arraycopy(out, 0, scores, 0, width));
        boolean stars = scorer.predictsRatings();
        double scale = scorer.valueScale();
        int[] ranks = ranks(scores);
        List<RatedRow> rated = new ArrayList<>();
        for (RatedMovie m : Recommender.ratedByUser(matrix, row, Integer.MAX_VALUE)) {
            double score = scores[m.column()];
            double predicted = stars ? score / scale : Double.NaN;
            rated.add(new RatedRow(m.column(), m.movieId(), m.rating(), score, predicted, predicted - m.rating(), ranks[m.column()]));
        }
        List<Recommendation> recommendations = Recommender.top(scorer, matrix, row, top);
        float[] shown = scores;
        if (stars) {
            shown = new float[width];
            for (int c = 0; c < width; c++) {
                shown[c] = (float) (scores[c] / scale);
            }
        }
        return new Reconstruction(matrix.users().idAt(row), stars, rated, recommendations, Histogram.of(shown, 0, width, BINS));
    }

    /** 1-based rank of every column's score, highest first, ties to the lower column (as {@link TopN} breaks them). */
    private static int[] ranks(float[] scores) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, c -> c);
        Arrays.sort(order, (a, b) -> {
            int bySize = Float.compare(nanLast(scores[b]), nanLast(scores[a]));
            return bySize != 0 ? bySize : Integer.compare(a, b);
        });
        int[] ranks = new int[scores.length];
        for (int i = 0; i < order.length; i++) {
            ranks[order[i]] = i + 1;
        }
        return ranks;
    }

    private static float nanLast(float score) {
        return Float.isNaN(score) ? Float.NEGATIVE_INFINITY : score == 0f ? 0f : score;
    }
}
