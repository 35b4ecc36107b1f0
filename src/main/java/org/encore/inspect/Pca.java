package org.encore.inspect;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Principal component analysis: the leading eigenvectors of the sample covariance of the centred rows,
 * C = (X - mean)^T (X - mean) / (n - 1) (Pearson 1901; Jolliffe, Principal Component Analysis, 2002, ch. 1).
 * <p>
 * When the rows are fewer than the columns the same non-zero eigenvalues come from the n x n Gram matrix
 * G = (X - mean)(X - mean)^T / (n - 1), whose eigenvector u gives the axis (X - mean)^T u / sqrt((n - 1) lambda)
 * (Jolliffe 2002, section 3.5), so the matrix is never larger than min(rows, columns) squared. Only the leading
 * axes are computed (see {@link #leadingEigenvectors}). The explained variance of an axis is its eigenvalue over the
 * trace of C (the total variance). Each axis' sign is fixed so that its largest-magnitude element is positive,
 * which makes the result deterministic.
 */
public final class Pca {
    private static final int OVERSAMPLING = 10;
    private static final double TOLERANCE = 1e-10;
    private static final int MAX_ITERATIONS = 1000;
    private static final long SEED = 0x5EEDL;

    private final double[] mean;
    private final double[][] axes;
    private final double[] variances;
    private final double totalVariance;

    private Pca(double[] mean, double[][] axes, double[] variances, double totalVariance) {
        this.mean = mean;
        this.axes = axes;
        this.variances = variances;
        this.totalVariance = totalVariance;
    }

    /**
     * Fits {@code components} axes to {@code rows} rows of {@code width} values (row-major). Fewer axes come back
     * when the data has fewer dimensions (rows - 1 or width); at least two rows are needed.
     */
    public static Pca fit(float[] data, int rows, int width, int components) {
        if (rows < 2 || width < 1 || components < 1) {
            throw new IllegalArgumentException("PCA needs at least 2 rows, 1 column and 1 component, got "
                    + rows + " x " + width + " and " + components);
        }
        if (data.length < (long) rows * width) {
            throw new IllegalArgumentException("PCA of " + rows + " x " + width + " needs that many values, got " + data.length);
        }
        double[] mean = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                mean[c] += data[r * width + c];
            }
        }
        for (int c = 0; c < width; c++) {
            mean[c] /= rows;
        }
        boolean gram = rows < width;
        // the vectors whose pairwise dot products make the matrix to decompose: columns, or rows for the Gram form
        double[][] vectors = gram ? new double[rows][width] : new double[width][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                double centred = data[r * width + c] - mean[c];
                if (gram) {
                    vectors[r][c] = centred;
                } else {
                    vectors[c][r] = centred;
                }
            }
        }
        int size = vectors.length;
        double[][] products = new double[size][size];
        IntStream.range(0, size).parallel().forEach(i -> {
            for (int j = i; j < size; j++) {
                products[i][j] = dot(vectors[i], vectors[j]) / (rows - 1);
            }
        });
        double trace = 0;
        for (int i = 0; i < size; i++) {
            trace += products[i][i];
            for (int j = 0; j < i; j++) {
                products[i][j] = products[j][i];
            }
        }
        int k = Math.min(components, Math.min(width, rows - 1));
        double[][] leading = leadingEigenvectors(products, k);
        double[][] axes = new double[k][];
        double[] variances = new double[k];
        for (int a = 0; a < k; a++) {
            variances[a] = Math.max(0, leading[k][a]);
            axes[a] = gram ? axisFromGram(vectors, leading[a], width) : leading[a];
            normaliseAndFixSign(axes[a]);
        }
        return new Pca(mean, axes, variances, trace);
    }

    /**
     * The {@code k} leading eigenvectors of a symmetric positive semi-definite matrix by subspace iteration with
     * Rayleigh-Ritz projection (Saad, Numerical Methods for Large Eigenvalue Problems, 2011, section 5.2; Halko,
     * Martinsson and Tropp 2011 for the oversampled random start): a seeded random block of k + 10 vectors is
     * multiplied by the matrix and re-orthonormalised until the Ritz pairs' residuals |S v - theta v| fall below
     * 1e-10 of the largest eigenvalue. Each step costs size^2 (k + 10); only the small Rayleigh quotient matrix goes
     * through Commons Math's eigen decomposition (a full decomposition of a 1,000-wide matrix takes tens of seconds
     * there and can fail to converge). Returns k vectors, then the k eigenvalues as row k.
     */
    private static double[][] leadingEigenvectors(double[][] s, int k) {
        int size = s.length;
        int block = Math.min(size, k + OVERSAMPLING);
        Random random = new Random(SEED);
        double[][] q = new double[block][size];
        for (double[] column : q) {
            for (int i = 0; i < size; i++) {
                column[i] = random.nextGaussian();
            }
        }
        orthonormalise(q, random);
        double[][] result = new double[k + 1][];
        for (int iteration = 1; ; iteration++) {
            double[][] z = multiply(s, q);
            double[][] t = new double[block][block];
            for (int a = 0; a < block; a++) {
                for (int b = a; b < block; b++) {
                    t[a][b] = (dot(q[a], z[b]) + dot(q[b], z[a])) / 2;
                    t[b][a] = t[a][b];
                }
            }
            EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(t, false));
            double[] values = eigen.getRealEigenvalues();
            Integer[] order = IntStream.range(0, block).boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -values[i]));
            double largest = Math.max(Math.abs(values[order[0]]), Double.MIN_NORMAL);
            boolean converged = true;
            double[] eigenvalues = new double[k];
            for (int a = 0; a < k; a++) {
                double[] y = eigen.getEigenvector(order[a]).toArray();
                double[] v = combine(q, y, size);
                double[] sv = combine(z, y, size);
                double residual = 0;
                for (int i = 0; i < size; i++) {
                    double r = sv[i] - values[order[a]] * v[i];
                    residual += r * r;
                }
                converged &= Math.sqrt(residual) <= TOLERANCE * largest;
                result[a] = v;
                eigenvalues[a] = values[order[a]];
            }
            result[k] = eigenvalues;
            if (converged || block == size || iteration >= MAX_ITERATIONS) {
                return result;
            }
            q = z;
            orthonormalise(q, random);
        }
    }

    /** S times each column of q (columns stored as rows of the array). */
    private static double[][] multiply(double[][] s, double[][] q) {
        int size = s.length;
        double[][] z = new double[q.length][size];
        IntStream.range(0, size).parallel().forEach(i -> {
            double[] row = s[i];
            for (int j = 0; j < q.length; j++) {
                z[j][i] = dot(row, q[j]);
            }
        });
        return z;
    }

    /** sum_j y_j columns_j. */
    private static double[] combine(double[][] columns, double[] y, int size) {
        double[] v = new double[size];
        for (int j = 0; j < columns.length; j++) {
            for (int i = 0; i < size; i++) {
                v[i] += y[j] * columns[j][i];
            }
        }
        return v;
    }

    /** Modified Gram-Schmidt, twice; a column that vanishes (rank-deficient matrix) is replaced by a random one. */
    private static void orthonormalise(double[][] q, Random random) {
        for (int a = 0; a < q.length; a++) {
            for (int attempt = 0; ; attempt++) {
                for (int pass = 0; pass < 2; pass++) {
                    for (int b = 0; b < a; b++) {
                        double projection = dot(q[a], q[b]);
                        for (int i = 0; i < q[a].length; i++) {
                            q[a][i] -= projection * q[b][i];
                        }
                    }
                }
                double norm = Math.sqrt(dot(q[a], q[a]));
                if (norm > 1e-150 || attempt > 3) {
                    for (int i = 0; i < q[a].length; i++) {
                        q[a][i] /= norm > 0 ? norm : 1;
                    }
                    break;
                }
                for (int i = 0; i < q[a].length; i++) {
                    q[a][i] = random.nextGaussian();
                }
            }
        }
    }

    /** (X - mean)^T u, normalised later: the covariance eigenvector that Gram eigenvector u stands for. */
    private static double[] axisFromGram(double[][] centredRows, double[] u, int width) {
        double[] axis = new double[width];
        for (int r = 0; r < centredRows.length; r++) {
            double weight = u[r];
            double[] row = centredRows[r];
            for (int c = 0; c < width; c++) {
                axis[c] += weight * row[c];
            }
        }
        return axis;
    }

    private static void normaliseAndFixSign(double[] axis) {
        double norm = Math.sqrt(dot(axis, axis));
        int largest = 0;
        for (int i = 1; i < axis.length; i++) {
            if (Math.abs(axis[i]) > Math.abs(axis[largest])) {
                largest = i;
            }
        }
        double factor = (norm > 0 ? 1 / norm : 0) * (axis[largest] < 0 ? -1 : 1);
        for (int i = 0; i < axis.length; i++) {
            axis[i] *= factor;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Number of axes fitted. */
    public int components() {
        return axes.length;
    }

    /** Width of the rows fitted. */
    public int width() {
        return mean.length;
    }

    /** Axis {@code a} (unit length, {@link #width()} values). */
    public double[] axis(int a) {
        return axes[a].clone();
    }

    /** Variance of the data along each axis (the covariance eigenvalues, largest first). */
    public double[] variances() {
        return variances.clone();
    }

    /** Total variance of the data (trace of the covariance). */
    public double totalVariance() {
        return totalVariance;
    }

    /** Share of the total variance along each axis (0..1); 0 for every axis when the data does not vary. */
    public double[] explainedVariance() {
        double[] ratio = new double[variances.length];
        for (int a = 0; a < ratio.length; a++) {
            ratio[a] = totalVariance > 0 ? variances[a] / totalVariance : 0;
        }
        return ratio;
    }

    /** Coordinates of {@code rows} rows (row-major, {@link #width()} wide) on the axes: rows x components(). */
    public double[] project(float[] data, int rows) {
        int width = mean.length;
        int k = axes.length;
        double[] out = new double[rows * k];
        double[] centred = new double[width];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < width; c++) {
                centred[c] = data[r * width + c] - mean[c];
            }
            for (int a = 0; a < k; a++) {
                out[r * k + a] = dot(centred, axes[a]);
            }
        }
        return out;
    }
}
