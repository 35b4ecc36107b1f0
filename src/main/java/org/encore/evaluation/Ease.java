package org.encore.evaluation;

import org.bytedeco.javacpp.Pointer;
import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;
import org.encore.recommend.RankingOnly;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.inverse.InvertMatrix;

import java.util.Locale;

/**
 * EASE (Steck 2019, "Embarrassingly Shallow Autoencoders"): the item-item weights in closed form,
 * P = (XᵀX + λI)⁻¹, B = I − P · diag(1 / diag(P)), so diag(B) = 0 and B_ij = −P_ij / P_jj; scores = x · B.
 * <p>
 * X is binary by default (rated = 1), as in Steck's paper on implicit feedback; with {@code ratingValued} it holds
 * the scaled ratings. Only the movies that some training user rated take part (the others cannot be learnt; they
 * score −∞ and are never recommended), which also keeps the square matrices as small as the data allows.
 * The matrices are float and live off the Java heap in ND4J; a fit whose three width² float matrices do not fit
 * in ND4J's off-heap limit (or whose Gram matrix does not fit in the heap) is refused with the figures.
 */
public final class Ease implements RowScorer, RankingOnly {
    private final int width;
    private final int[] activeColumns;
    private final int[] activeIndexOfColumn;
    private final INDArray weights;
    private final double lambda;
    private final boolean ratingValued;
    private final double valueScale;

    private Ease(int width, int[] activeColumns, int[] activeIndexOfColumn, INDArray weights, double lambda,
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
     * @throws IllegalStateException when the matrices do not fit in memory (message gives the figures)
     */
    public static Ease fit(RatingMatrix matrix, int[] trainRows, double lambda, boolean ratingValued, double valueScale) {
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
        checkMemory(k);

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
        INDArray g = Nd4j.create(gram, new long[]{k, k}, DataType.FLOAT);
        gram = null; // let the heap copy go before the inversion
        INDArray p = InvertMatrix.invert(g, true);
        float[] diagonalValues = new float[k];
        for (int i = 0; i < k; i++) {
            diagonalValues[i] = p.getFloat(i, i);
        }
        INDArray diagonal = Nd4j.create(diagonalValues, new long[]{1, k}, DataType.FLOAT);
        // B_ij = -P_ij / P_jj: divide every column j by its diagonal entry, negate, zero the diagonal
        p.diviRowVector(diagonal).negi();
        for (int i = 0; i < k; i++) {
            p.putScalar(i, i, 0f);
        }
        return new Ease(width, activeColumns, activeIndexOfColumn, p, lambda, ratingValued, valueScale);
    }

    /** Bytes the fit needs off-heap for {@code items} active movies: the Gram matrix, its inverse and LAPACK work. */
    public static long bytesNeeded(int items) {
        return 3L * items * items * Float.BYTES;
    }

    private static void checkMemory(int k) {
        long needed = bytesNeeded(k);
        long offHeapLimit = Pointer.maxBytes();
        long offHeapFree = offHeapLimit > 0 ? offHeapLimit - Pointer.totalBytes() : Long.MAX_VALUE;
        Runtime rt = Runtime.getRuntime();
        long heapFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        long gramBytes = (long) k * k * Float.BYTES;
        if ((long) k * k > Integer.MAX_VALUE - 8 || needed > offHeapFree || gramBytes > heapFree) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "EASE over %,d movies needs 3 x %,d^2 floats = %.2f GB off-heap (free: %.2f GB) and %.2f GB of heap "
                            + "(free: %.2f GB); use fewer movies (e.g. a minimum-ratings-per-movie filter) or raise "
                            + "-Xmx / -Dorg.bytedeco.javacpp.maxbytes",
                    k, k, needed / 1e9, offHeapFree / 1e9, gramBytes / 1e9, heapFree / 1e9));
        }
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
        return i < 0 || j < 0 ? 0 : weights.getDouble(i, j);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "ease(l=%s)", lambda == Math.rint(lambda) ? String.valueOf((long) lambda) : String.valueOf(lambda));
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double valueScale() {
        return valueScale;
    }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) {
        int k = activeColumns.length;
        float[] x = new float[rows * k];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                float v = inputs[r * width + activeColumns[i]];
                x[r * k + i] = v == 0f ? 0f : ratingValued ? v : 1f;
            }
        }
        float[] s;
        try (INDArray xs = Nd4j.create(x, new long[]{rows, k}, DataType.FLOAT);
             INDArray product = xs.mmul(weights)) {
            s = product.data().asFloat();
        }
        for (int r = 0; r < rows; r++) {
            int offset = r * width;
            java.util.Arrays.fill(outputs, offset, offset + width, Float.NEGATIVE_INFINITY);
            for (int i = 0; i < k; i++) {
                outputs[offset + activeColumns[i]] = s[r * k + i];
            }
        }
    }
}
