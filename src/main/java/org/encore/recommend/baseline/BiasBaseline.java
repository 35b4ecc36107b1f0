package org.encore.recommend.baseline;

import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;

import java.util.Arrays;
import java.util.Locale;

/**
 * The rating baseline of Koren (2008, "Factorization meets the neighborhood", section 2.1): a predicted rating
 * b_ui = mu + b_u + b_i, with mu the global mean and the user and movie biases minimising
 * sum (r_ui - mu - b_u - b_i)^2 + lambdaUser * sum b_u^2 + lambdaItem * sum b_i^2 over the training ratings.
 * Fitted by alternating exact minimisation (each sweep: every b_i given the b_u, then every b_u given the b_i:
 * b_i = sum_u (r_ui - mu - b_u) / (lambdaItem + n_i), b_u = sum_i (r_ui - mu - b_i) / (lambdaUser + n_u)); the
 * objective is convex, so a few sweeps converge. Koren's defaults: lambdaItem 25, lambdaUser 10.
 * <p>
 * Scoring a row (any user, trained or held out): the user's bias is computed from the ratings fed in, with the
 * movie biases fixed, by the same formula; the row's score for every movie is b_ui * valueScale, clamped to the
 * range of the training ratings. Movies no training user rated have b_i = 0. A row with no ratings gets b_u = 0.
 * Since the score is a predicted rating, {@link #predictsRatings()} is true and the evaluator reports its RMSE.
 */
public final class BiasBaseline implements RowScorer {
    /** Koren 2008's regularisation of the movie biases. */
    public static final double DEFAULT_LAMBDA_ITEM = 25;
    /** Koren 2008's regularisation of the user biases. */
    public static final double DEFAULT_LAMBDA_USER = 10;
    public static final int DEFAULT_SWEEPS = 5;

    private final double globalMean;
    private final float[] itemBias;
    private final double lambdaUser;
    private final double lambdaItem;
    private final double valueScale;
    private final float minRating;
    private final float maxRating;

    private BiasBaseline(double globalMean, float[] itemBias, double lambdaUser, double lambdaItem, double valueScale,
                         float minRating, float maxRating) {
        this.globalMean = globalMean;
        this.itemBias = itemBias;
        this.lambdaUser = lambdaUser;
        this.lambdaItem = lambdaItem;
        this.valueScale = valueScale;
        this.minRating = minRating;
        this.maxRating = maxRating;
    }

    /** Fits with Koren's defaults ({@link #DEFAULT_LAMBDA_USER}, {@link #DEFAULT_LAMBDA_ITEM}, {@link #DEFAULT_SWEEPS}). */
    public static BiasBaseline fit(RatingMatrix matrix, int[] trainRows, double valueScale) {
        return fit(matrix, trainRows, new Settings(DEFAULT_LAMBDA_USER, DEFAULT_LAMBDA_ITEM, DEFAULT_SWEEPS), valueScale);
    }

    /**
     * Fits the biases on the ratings of {@code trainRows} of {@code matrix}.
     *
     * @param valueScale scale of the rows the scorer will be given (rating * valueScale)
     * @throws IllegalArgumentException when the training users have no ratings or a setting is out of range
     */
    public static BiasBaseline fit(RatingMatrix matrix, int[] trainRows, Settings settings, double valueScale) {
        if (!(valueScale > 0) || !Double.isFinite(valueScale)) {
            throw new IllegalArgumentException("valueScale must be a number above 0, got " + valueScale);
        }
        double sum = 0;
        long count = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int row : trainRows) {
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                float r = matrix.ratingAt(p);
                sum += r;
                count++;
                min = Math.min(min, r);
                max = Math.max(max, r);
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("the bias baseline needs training ratings, but the "
                    + trainRows.length + " training users have none");
        }
        double mu = sum / count;
        int width = matrix.movieCount();
        double[] itemSums = new double[width];
        int[] itemCounts = new int[width];
        double[] userBias = new double[trainRows.length];
        float[] itemBias = new float[width];
        for (int sweep = 0; sweep < settings.sweeps(); sweep++) {
            Arrays.fill(itemSums, 0);
            Arrays.fill(itemCounts, 0);
            for (int u = 0; u < trainRows.length; u++) {
                int row = trainRows[u];
                for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                    int c = matrix.columnAt(p);
                    itemSums[c] += matrix.ratingAt(p) - mu - userBias[u];
                    itemCounts[c]++;
                }
            }
            for (int c = 0; c < width; c++) {
                itemBias[c] = itemCounts[c] == 0 ? 0f : (float) (itemSums[c] / (settings.lambdaItem() + itemCounts[c]));
            }
            for (int u = 0; u < trainRows.length; u++) {
                int row = trainRows[u];
                double s = 0;
                for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                    s += matrix.ratingAt(p) - mu - itemBias[matrix.columnAt(p)];
                }
                userBias[u] = s / (settings.lambdaUser() + matrix.rowLength(row));
            }
        }
        return new BiasBaseline(mu, itemBias, settings.lambdaUser(), settings.lambdaItem(), valueScale, min, max);
    }

    /**
     * Regularisation and sweeps of the fit.
     *
     * @param lambdaUser regularisation of the user biases, &gt;= 0
     * @param lambdaItem regularisation of the movie biases, &gt;= 0
     * @param sweeps     alternating sweeps (movie biases, then user biases), &gt;= 1
     */
    public record Settings(double lambdaUser, double lambdaItem, int sweeps) {
        public Settings {
            if (!(lambdaUser >= 0) || !Double.isFinite(lambdaUser) || !(lambdaItem >= 0) || !Double.isFinite(lambdaItem)) {
                throw new IllegalArgumentException("bias lambdas must be numbers >= 0, got user " + lambdaUser
                        + " and item " + lambdaItem);
            }
            if (sweeps < 1) {
                throw new IllegalArgumentException("bias sweeps must be at least 1, got " + sweeps);
            }
        }
    }

    /** The global mean rating mu of the training ratings. */
    public double globalMean() {
        return globalMean;
    }

    /** The movie bias b_i of {@code column} (0 for a movie no training user rated). */
    public double itemBias(int column) {
        return itemBias[column];
    }

    /**
     * The user bias of one row of ratings as the scorer computes it: sum (r - mu - b_i) / (lambdaUser + n) over the
     * rated cells of {@code row} (values rating * valueScale, 0 = unrated), from {@code offset}.
     */
    public double userBias(float[] rows, int offset) {
        int width = itemBias.length;
        double s = 0;
        int n = 0;
        for (int c = 0; c < width; c++) {
            float v = rows[offset + c];
            if (v != 0f) {
                s += v / valueScale - globalMean - itemBias[c];
                n++;
            }
        }
        return n == 0 ? 0 : s / (lambdaUser + n);
    }

    @Override
    public String name() {
        return "bias";
    }

    @Override
    public int width() {
        return itemBias.length;
    }

    @Override
    public double valueScale() {
        return valueScale;
    }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) {
        int width = itemBias.length;
        if (rows < 0 || inputs.length < (long) rows * width || outputs.length < (long) rows * width) {
            throw new IllegalArgumentException("score needs " + rows + " x " + width + " floats in and out, got "
                    + inputs.length + " and " + outputs.length);
        }
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double userMean = globalMean + userBias(inputs, base);
            for (int c = 0; c < width; c++) {
                double rating = Math.max(minRating, Math.min(maxRating, userMean + itemBias[c]));
                outputs[base + c] = (float) (rating * valueScale);
            }
        }
    }

    /** For protocol cards: the regularisation it was fitted with. */
    public String describe() {
        return String.format(Locale.ROOT, "global mean %.3f + user bias (lambda %s) + movie bias (lambda %s)",
                globalMean, lambdaUser, lambdaItem);
    }
}
