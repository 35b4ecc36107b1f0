package org.encore.training.dl4j.sparse;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/**
 * Bulk copies between Java float arrays and the off-heap memory of a contiguous FLOAT {@link INDArray} on the
 * CPU backend. Index 0 is the array's first element in its own ordering. Absolute bulk get/put only, so several
 * threads may use one instance at once.
 */
final class OffHeapFloats {
    private final FloatBuffer buffer;
    /** The same memory as pairs of floats (for a fast scan for non-zeros), or null when it cannot be aligned. */
    private final LongBuffer pairs;
    private final int base;
    private final long length;

    private OffHeapFloats(INDArray array) {
        if (array.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("expected a FLOAT array, got " + array.dataType());
        }
        this.buffer = array.data().asNioFloat();
        this.base = Math.toIntExact(array.offset());
        this.length = array.length();
        this.pairs = array.data().offset() == 0
                ? array.data().asNio().duplicate().order(ByteOrder.nativeOrder()).asLongBuffer() : null;
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

    /** One value (absolute, so any thread may read at once). */
    float get(long at) {
        return buffer.get((int) (base + at));
    }

    /**
     * The first index in [from, to) whose value is not zero (0.0 and -0.0 are zero), or {@code to} if there is none.
     * Zeros are skipped two at a time, as 64-bit words whose bits are all 0.
     */
    long nextNonZero(long from, long to) {
        long i = base + from;
        long end = base + to;
        if (pairs != null) {
            if ((i & 1) != 0 && i < end) {
                if (buffer.get((int) i) != 0f) {
                    return i - base;
                }
                i++;
            }
            for (; i + 1 < end; i += 2) {
                if (pairs.get((int) (i >> 1)) != 0) {
                    if (buffer.get((int) i) != 0f) {
                        return i - base;
                    }
                    if (buffer.get((int) i + 1) != 0f) {
                        return i + 1 - base;
                    }
                }
            }
        }
        for (; i < end; i++) {
            if (buffer.get((int) i) != 0f) {
                return i - base;
            }
        }
        return to;
    }

    void put(long at, float[] from, int fromOffset, int count) {
        buffer.put(Math.toIntExact(base + at), from, fromOffset, count);
    }

    long length() {
        return length;
    }
}
