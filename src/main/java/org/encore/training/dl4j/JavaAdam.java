package org.encore.training.dl4j;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.AdamUpdater;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * DL4J's Adam optimizer (the same configuration, state layout [m, v] and place in DL4J's updater: after DL4J's
 * division of the gradient by the mini-batch size, before its {@code params.subi(update)}), with the element-wise
 * update computed on the JVM instead of by libnd4j's {@code adam_updater}: in chunks of {@value #CHUNK} values copied
 * to the heap, spread over the cores. libnd4j 1.0.0-M2.1 spends about 7 ns a parameter on it on this machine
 * (1.0 CPU-s a step over ml-32m's 135.7M parameters, a fifth of the step; bench/epoch-scale.md), far above the
 * memory traffic it needs. The arithmetic is libnd4j's, in float:
 * <pre>
 *   m = beta1 m + (1 - beta1) g;   v = beta2 v + (1 - beta2) g^2
 *   update = m alpha_t / (sqrt(v) + epsilon),  alpha_t = lr sqrt(1 - beta2^(t+1)) / (1 - beta1^(t+1))
 * </pre>
 * with t the iteration (0-based), written over the gradient as DL4J's updaters do. Arrays that are not plain
 * contiguous FLOAT vectors on the CPU backend go to DL4J's own updater.
 */
public final class JavaAdam extends Adam {
    /** Values per chunk: three arrays of it stay in the core's L1/L2 cache. */
    static final int CHUNK = 4096;
    private static final boolean CPU = Devices.isCpuBackend();

    public JavaAdam(double learningRate, double beta1, double beta2, double epsilon) {
        super(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        // as Adam.instantiate (1.0.0-M2.1): the view, flattened, holds m then v
        Updater updater = new Updater(this);
        INDArray state = viewArray.reshape(viewArray.length());
        updater.setStateViewArray(state, new long[]{state.length() / 2}, state.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        Updater updater = new Updater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    @Override
    public JavaAdam clone() {
        JavaAdam copy = new JavaAdam(getLearningRate(), getBeta1(), getBeta2(), getEpsilon());
        copy.setLearningRateSchedule(getLearningRateSchedule() == null ? null : getLearningRateSchedule().clone());
        return copy;
    }

    /** DL4J's AdamUpdater with the update computed by {@link #update}. */
    static final class Updater extends AdamUpdater {
        Updater(Adam config) {
            super(config);
        }

        @Override
        public void applyUpdater(INDArray gradient, int iteration, int epoch) {
            INDArray m = getM();
            INDArray v = getV();
            if (!usable(gradient, m, v)) {
                super.applyUpdater(gradient, iteration, epoch);
                return;
            }
            Adam config = getConfig();
            update(buffer(gradient), buffer(m), buffer(v), Math.toIntExact(gradient.length()),
                    config.getLearningRate(iteration, epoch), config.getBeta1(), config.getBeta2(), config.getEpsilon(), iteration);
        }
    }

    /**
     * The Adam step over {@code length} values: m and v updated in place, the gradient overwritten with the update.
     * Buffers are read and written with absolute bulk operations only (any position, several threads).
     */
    static void update(FloatBuffer gradient, FloatBuffer m, FloatBuffer v, int length, double learningRate,
                       double beta1d, double beta2d, double epsilond, int iteration) {
        float lr = (float) learningRate;
        float beta1 = (float) beta1d;
        float beta2 = (float) beta2d;
        float epsilon = (float) epsilond;
        float t = iteration;
        float beta1T = (float) Math.pow(beta1, t + 1);
        float beta2T = (float) Math.pow(beta2, t + 1);
        float alpha = lr * (float) Math.sqrt(1f - beta2T) / (1f - beta1T);
        if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0) {
            alpha = epsilon;
        }
        float stepSize = alpha;
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        int chunks = (length + CHUNK - 1) / CHUNK;
        int tasks = Math.min(chunks, 4 * Math.max(1, Runtime.getRuntime().availableProcessors()));
        IntStream.range(0, tasks).parallel().forEach(task -> {
            float[] g = new float[CHUNK];
            float[] mm = new float[CHUNK];
            float[] vv = new float[CHUNK];
            for (int c = (int) ((long) chunks * task / tasks), end = (int) ((long) chunks * (task + 1) / tasks); c < end; c++) {
                int from = c * CHUNK;
                int n = Math.min(CHUNK, length - from);
                gradient.get(from, g, 0, n);
                m.get(from, mm, 0, n);
                v.get(from, vv, 0, n);
                for (int i = 0; i < n; i++) {
                    float gi = g[i];
                    float mi = beta1 * mm[i] + gi * oneMinusBeta1;
                    float vi = beta2 * vv[i] + gi * gi * oneMinusBeta2;
                    mm[i] = mi;
                    vv[i] = vi;
                    g[i] = mi * stepSize / ((float) Math.sqrt(vi) + epsilon);
                }
                gradient.put(from, g, 0, n);
                m.put(from, mm, 0, n);
                v.put(from, vv, 0, n);
            }
        });
    }

    private static boolean usable(INDArray gradient, INDArray m, INDArray v) {
        if (!CPU || m == null || v == null) {
            return false;
        }
        long length = gradient.length();
        for (INDArray array : new INDArray[]{gradient, m, v}) {
            if (array.dataType() != DataType.FLOAT || array.length() != length || !array.isVectorOrScalar()
                    || !Shape.isContiguousInBuffer(array) || array.offset() + length > Integer.MAX_VALUE) {
                return false;
            }
        }
        return length <= Integer.MAX_VALUE;
    }

    /** The array's values, index 0 its first element (a contiguous vector). */
    private static FloatBuffer buffer(INDArray vector) {
        FloatBuffer all = vector.data().asNioFloat();
        int from = Math.toIntExact(vector.offset());
        all.position(from);
        all.limit(from + Math.toIntExact(vector.length()));
        return all.slice();
    }
}
