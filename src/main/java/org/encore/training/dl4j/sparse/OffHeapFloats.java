package org.encore.training.dl4j.sparse;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;

/**
 * Bulk copies between Java float arrays and the off-heap memory of a contiguous FLOAT {@link INDArray} on the
 * CPU backend. Index 0 is the array's first element in its own ordering. Absolute bulk get/put only, so several
 * threads may use one instance at once.
 */
final class OffHeapFloats {
    private final FloatBuffer buffer;
    private final int base;
    private final long length;

    private OffHeapFloats(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, got " + array.dataType());
        }
        this.buffer = array.data().asNioFloat();
        this.base = Math.toIntExact(array.offset());
        this.length = array.length();
        if (base + length > buffer.capacity()) {
            throw new IllegalStateException("array of " + length + " floats at offset " + base
                    + " does not fit its buffer of " + buffer.capacity());
        }
    }

    /** A view over {@code array}, which must be contiguous in its ordering (e.g. a fresh array or a 'f' param view). */
    static OffHeapFloats of(INDArray array) {
        if (!isContiguous(array)) {
            throw new IllegalArgumentException("array is not contiguous: shape " + java.util.Arrays.toString(array.shape())
                    + ", strides " + java.util.Arrays.toString(array.stride()) + ", order " + array.ordering());
        }
        return new OffHeapFloats(array);
    }

    /** True when a rank-2 array's elements are packed without gaps in its own ordering. */
    static boolean isContiguous(INDArray array) {
        if (array.rank() != 2) {
            return false;
        }
        long rows = array.size(0);
        long cols = array.size(1);
        if (array.ordering() == 'c') {
            return (cols == 1 || array.stride(1) == 1) && (rows == 1 || array.stride(0) == cols);
        }
        return (rows == 1 || array.stride(0) == 1) && (cols == 1 || array.stride(1) == rows);
    }

    void get(long from, float[] into, int intoOffset, int count) {
        buffer.get(Math.toIntExact(base + from), into, intoOffset, count);
    }

    void put(long at, float[] from, int fromOffset, int count) {
        buffer.put(Math.toIntExact(base + at), from, fromOffset, count);
    }

    long length() {
        return length;
    }
}
