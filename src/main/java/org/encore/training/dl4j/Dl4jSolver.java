package org.encore.training.dl4j;

import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.encore.training.DenseSolver;

/** {@link DenseSolver} on OpenBLAS's LAPACK, the BLAS ND4J's native backend ships. */
final class Dl4jSolver implements DenseSolver {

    /**
     * Cholesky (LAPACK spotrf) then spotri, multi-threaded and blocked (ND4J's own matrix_inverse op is unblocked and
     * takes minutes at k = 9,000). Column-major calls on a symmetric matrix need no transposition; spotri fills one
     * triangle, which is mirrored.
     */
    @Override
    public void invertSymmetricPositiveDefinite(float[] a, int k) {
        int info = openblas.LAPACKE_spotrf(openblas.LAPACK_COL_MAJOR, (byte) 'L', k, a, k);
        if (info != 0) {
            throw new IllegalStateException("the matrix is not positive definite (LAPACK spotrf info " + info + ")");
        }
        info = openblas.LAPACKE_spotri(openblas.LAPACK_COL_MAJOR, (byte) 'L', k, a, k);
        if (info != 0) {
            throw new IllegalStateException("inverting the matrix failed (LAPACK spotri info " + info + ")");
        }
        // column-major lower triangle = row-major upper triangle (j >= i); mirror it to the lower one
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                a[j * k + i] = a[i * k + j];
            }
        }
    }

    /** What is left under JavaCPP's process limit ({@code -Dorg.bytedeco.javacpp.maxphysicalbytes}). */
    @Override
    public long nativeBytesFree() {
        long limit = Pointer.maxPhysicalBytes();
        return limit > 0 ? limit - Pointer.physicalBytes() : Long.MAX_VALUE;
    }
}
