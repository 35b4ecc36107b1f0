package org.encore.training.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.FloatBuffer;

/**
 * Moves float rows between Java arrays and ND4J arrays without intermediate copies where the backend allows it
 * (on the CPU backend the off-heap buffer is written and read directly; elsewhere through ND4J's own copies).
 */
final class HostArrays {
    private static final boolean CPU = Devices.isCpuBackend();

    private HostArrays() {
    }

    /** A reusable c-ordered float matrix. */
    static INDArray matrix(int rows, int columns) {
        return Nd4j.createUninitialized(DataType.FLOAT, rows, columns);
    }

    /** Copies {@code target.length()} floats of {@code source} from {@code offset} into {@code target}. */
    static INDArray load(float[] source, int offset, INDArray target) {
        int length = (int) target.length();
        if (CPU && !target.isView() && target.ordering() == 'c') {
            FloatBuffer buffer = target.data().asNioFloat();
            buffer.position(0);
            buffer.put(source, offset, length);
            return target;
        }
        float[] exact = offset == 0 && source.length == length ? source : java.util.Arrays.copyOfRange(source, offset, offset + length);
        return Nd4j.create(exact, target.shape(), 'c');
    }

    /**
     * The values of {@code source} for reading in any order: on the CPU backend the off-heap buffer itself when the
     * array is contiguous (a parameter view is), otherwise a copy.
     */
    static FloatBuffer readOnlyValues(INDArray source) {
        if (CPU && source.dataType() == DataType.FLOAT && Shape.isContiguousInBuffer(source)) {
            FloatBuffer buffer = source.data().asNioFloat();
            int from = (int) source.offset();
            buffer.limit(from + (int) source.length());
            buffer.position(from);
            return buffer.slice().asReadOnlyBuffer();
        }
        float[] copy = new float[(int) source.length()];
        store(source, copy, 0);
        return FloatBuffer.wrap(copy).asReadOnlyBuffer();
    }

    /** Copies every element of {@code source} (row-major) into {@code target} from {@code offset}. */
    static void store(INDArray source, float[] target, int offset) {
        int length = (int) source.length();
        if (CPU && !source.isView() && source.ordering() == 'c' && source.dataType() == DataType.FLOAT) {
            FloatBuffer buffer = source.data().asNioFloat();
            buffer.position(0);
            buffer.get(target, offset, length);
            return;
        }
        INDArray dense = source.ordering() == 'c' && !source.isView() ? source : source.dup('c');
        float[] values = dense.data().asFloat();
        System.arraycopy(values, 0, target, offset, length);
    }
}
