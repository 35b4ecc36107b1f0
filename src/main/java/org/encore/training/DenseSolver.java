package org.encore.training;

/**
 * Dense linear algebra that closed-form models need, done by the engine's native library (OpenBLAS's LAPACK under
 * DL4J). Matrices are row-major float arrays.
 */
public interface DenseSolver {
    /**
     * Replaces the symmetric positive definite {@code a} (k x k) by its inverse.
     *
     * @throws IllegalStateException when {@code a} is not positive definite or the inversion fails
     */
    void invertSymmetricPositiveDefinite(float[] a, int k);

    /** Native bytes the solver may still allocate under the process's limit; {@link Long#MAX_VALUE} when unbounded. */
    long nativeBytesFree();
}
