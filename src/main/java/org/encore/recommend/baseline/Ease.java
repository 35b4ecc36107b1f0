package org.encore.recommend.baseline;

import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;
import org.encore.training.DenseSolver;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): the item-item weights in closed form,
 * P = (XᵀX + λI)⁻¹, B = I − P · diag(1 / diag(P)), so diag(B) = 0 and B_ij = −P_ij / P_jj; scores = x · B.
 * <p>
 * X is binary by default (rated = 1), as in Steck's paper on implicit feedback; with {@code ratingValued} it holds
 * the scaled ratings. Only the movies that some training user rated take part (the others cannot be learnt; they
 * score −∞ and are never recommended), which also keeps the square matrices as small as the data allows.
 * B is one float matrix on the heap, inverted in place by the engine's {@link DenseSolver} (Cholesky in OpenBLAS's
 * LAPACK under DL4J); a fit that does not fit in memory is refused before anything is allocated, with the figures
 * and the movie filter to use ({@link EaseMemory}).
 * Scoring touches only the rated entries of each row (x is sparse), so it needs no dense matrix product.
 */
public final class Ease implements RowScorer {
    private final int width;
    private final int[] activeColumns;
    private final int[] activeIndexOfColumn;
    private final float[] weights;
    private final double lambda;
    private final boolean ratingValued;
    private final double valueScale;

    private Ease(int width, int[] activeColumns, int[] activeIndexOfColumn, float[] weights, double lambda,
                 boolean ratingValued, double valueScale) {
        this.width = width;
        this.activeColumns = activeColumns;
        this.activeIndexOfColumn = activeIndexOfColumn;
        this.weights = weights;
        this.lambda = lambda;
        this.ratingValued = ratingValued;
        this.valueScale = valueScale;
    }

    /**
     * Fits EASE on {@code trainRows} of {@code matrix}.
     *
     * @param lambda       L2 regularisation, &gt; 0 (Steck used a few hundred on ML-20M; bigger for sparser data)
     * @param ratingValued X holds scaled ratings instead of 1 for rated
     * @param valueScale   scale of the inputs the scorer will be given (rating * valueScale)
     * @param solver       inverts X'X + lambda I (the engine's, {@code Engine.solver()})
     * @throws IllegalStateException when the matrices do not fit in memory (message gives the figures)
     */
    public static Ease fit(RatingMatrix matrix, int[] trainRows, double lambda, boolean ratingValued, double valueScale,
                           DenseSolver solver) {
        if (!(lambda > 0) || !Double.isFinite(lambda)) {
            throw new IllegalArgumentException("EASE lambda must be a number above 0, got " + lambda);
        }
        int width = matrix.movieCount();
        int[] counts = MostPopular.ratingCounts(matrix, trainRows);
        int[] activeIndexOfColumn = new int[width];
        int k = 0;
        for (int c = 0; c < width; c++) {
            activeIndexOfColumn[c] = counts[c] > 0 ? k++ : -1;
        }
        int[] activeColumns = new int[k];
        for (int c = 0; c < width; c++) {
            if (activeIndexOfColumn[c] >= 0) {
                activeColumns[activeIndexOfColumn[c]] = c;
            }
        }
        EaseMemory.check(matrix, k, solver);

        float[] gram = new float[k * k];
        int[] idx = new int[width];
        float[] val = new float[width];
        for (int row : trainRows) {
            int n = 0;
            for (int p = matrix.rowStart(row); p < matrix.rowEnd(row); p++) {
                idx[n] = activeIndexOfColumn[matrix.columnAt(p)];
                val[n] = ratingValued ? (float) (matrix.ratingAt(p) * valueScale) : 1f;
                n++;
            }
            for (int i = 0; i < n; i++) {
                int base = idx[i] * k;
                float vi = val[i];
                for (int j = 0; j < n; j++) {
                    gram[base + idx[j]] += vi * val[j];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            gram[i * k + i] += (float) lambda;
        }
        try {
            solver.invertSymmetricPositiveDefinite(gram, k);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("EASE: X'X + lambda I: " + e.getMessage() + "; use a larger lambda", e);
        }
        // B_ij = -P_ij / P_jj: divide every column j by its diagonal entry, negate, zero the diagonal (in place)
        float[] diagonal = new float[k];
        for (int j = 0; j < k; j++) {
            diagonal[j] = gram[j * k + j];
        }
        for (int i = 0; i < k; i++) {
            int base = i * k;
            for (int j = 0; j < k; j++) {
                gram[base + j] = -gram[base + j] / diagonal[j];
            }
            gram[base + i] = 0f;
        }
        return new Ease(width, activeColumns, activeIndexOfColumn, gram, lambda, ratingValued, valueScale);
    }

    /**
    /** Bytes the fit needs for {@code items} active movies ({@link EaseMemory#bytesNeeded}). */
    public static long bytesNeeded(int items) {
        return EaseMemory.bytesNeeded(items);
    }

    public double lambda() {
        return lambda;
    }

    public boolean ratingValued() {
        return ratingValued;
    }

    /** Movies that took part in the fit (rated by at least one training user). */
    public int activeItems() {
        return activeColumns.length;
    }

    /** B for two columns of the rating matrix (0 when either did not take part). */
    public double weight(int fromColumn, int toColumn) {
        int i = activeIndexOfColumn[fromColumn];
        int j = activeIndexOfColumn[toColumn];
        return i < 0 || j < 0 ? 0 : weights[i * activeColumns.length + j];
    }

    @Override
    public String name() {
        return "ease(l=" + formatLambda(lambda) + ")";
    }

    /** A lambda as written in names and notes: whole numbers without ".0". */
    public static String formatLambda(double lambda) {
        return lambda == Math.rint(lambda) ? String.valueOf((long) lambda) : String.valueOf(lambda);
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double valueScale() {
        return valueScale;
    }

    /** EASE's scores order movies; they are not ratings. */
    @Override
    public boolean predictsRatings() {
        return false;
    }

    /** Scores = x · B, using only the rated entries of each row (rows are sparse; B is dense). */
    @Override
    public void score(float[] inputs, int rows, float[] outputs) {
        int k = activeColumns.length;
        float[] s = new float[k];
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            java.util.Arrays.fill(s, 0f);
            for (int c = 0; c < width; c++) {
                float v = inputs[offset + c];
                int i = activeIndexOfColumn[c];
                if (v != 0f && i >= 0) {
                    float x = ratingValued ? v : 1f;
                    int base = i * k;
                    for (int j = 0; j < k; j++) {
                        s[j] += x * weights[base + j];
                    }
                }
            }
            java.util.Arrays.fill(outputs, offset, offset + width, Float.NEGATIVE_INFINITY);
            for (int j = 0; j < k; j++) {
                outputs[offset + activeColumns[j]] = s[j];
            }
        }
    }
}
