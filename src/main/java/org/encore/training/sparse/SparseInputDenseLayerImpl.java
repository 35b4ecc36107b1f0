package org.encore.training.sparse;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.stream.IntStream;

/**
 * A DL4J dense layer that works only on the non-zero entries of its input. With x [batch, nIn] having z non-zeros
 * per row, the forward pass costs batch*z*nOut multiply-adds instead of batch*nIn*nOut, and so does the weight
 * gradient dW = xᵀ·δ. As layer 0 it returns no input gradient (like DL4J's EmbeddingLayer): nothing consumes it,
 * and the dense layer spends a full [batch, nIn, nOut] product on it.
 *
 * <p>Parameters, their layout, initialisation and updates are DL4J's {@link DenseLayer}'s. The sparse path needs
 * the CPU backend, FLOAT data, and no mask, input dropout, weight noise or layer norm; otherwise each call falls back
 * to the dense implementation, which gives the same numbers up to float summation order.
 */
public class SparseInputDenseLayerImpl extends DenseLayer {
    private static final String WEIGHTS = DefaultParamInitializer.WEIGHT_KEY;
    private static final String BIAS = DefaultParamInitializer.BIAS_KEY;
    private static final boolean CPU_BACKEND = Nd4j.getEnvironment().isCPU();

    // The last training forward pass, reused by the backward pass of the same iteration.
    private INDArray cachedInput;
    private SparseRows cachedRows;
    private float[] cachedPreOutput;
    private long sparseForwardPasses;

    public SparseInputDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** Whether the current input goes through the sparse path (false means the dense fallback runs). */
    public boolean sparsePathApplies() {
        if (!CPU_BACKEND || input == null || input.rank() != 2 || input.dataType() != DataType.FLOAT
                || maskArray != null || hasLayerNorm() || layerConf().getIDropout() != null
                || layerConf().getWeightNoise() != null) {
            return false;
        }
        INDArray w = getParam(WEIGHTS);
        return w.dataType() == DataType.FLOAT && input.size(1) == w.size(0) && w.ordering() == 'f'
                && OffHeapFloats.isContiguous(w) && gradientViewsUsable();
    }

    private boolean gradientViewsUsable() {
        if (gradientViews == null) {
            return true; // inference only: no gradients needed
        }
        INDArray gw = gradientViews.get(WEIGHTS);
        return gw != null && gw.ordering() == 'f' && OffHeapFloats.isContiguous(gw);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        if (!sparsePathApplies()) {
            clearCache();
            return super.activate(training, workspaceMgr);
        }
        SparseRows rows = SparseRows.of(input);
        float[] preOutput = preOutputByColumn(rows);
        sparseForwardPasses++;
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[]{rows.rows, layerConf().getNOut()}, 'f');
        OffHeapFloats.of(out).put(0, preOutput, 0, preOutput.length);
        if (training) {
            cachedInput = input;
            cachedRows = rows;
            cachedPreOutput = preOutput;
        } else {
            clearCache();
        }
        return layerConf().getActivationFn().getActivation(out, training);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (!sparsePathApplies()) {
            clearCache();
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        SparseRows rows;
        float[] preOutputData;
        if (cachedInput == input && cachedRows != null) {
            rows = cachedRows;
            preOutputData = cachedPreOutput;
        } else {
            rows = SparseRows.of(input);
            preOutputData = preOutputByColumn(rows);
        }
        clearCache();
        long nOut = layerConf().getNOut();
        INDArray preOutput = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                new long[]{rows.rows, nOut}, 'f');
        OffHeapFloats.of(preOutput).put(0, preOutputData, 0, preOutputData.length);
        INDArray delta = layerConf().getActivationFn().backprop(preOutput, epsilon).getFirst();

        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(BIAS);
            delta.sum(biasGrad, 0);
            gradient.gradientForVariable().put(BIAS, biasGrad);
        }
        INDArray weightGrad = gradientViews.get(WEIGHTS);
        weightGradient(rows, deltaByColumn(delta, rows.rows), weightGrad);
        gradient.gradientForVariable().put(WEIGHTS, weightGrad);

        INDArray epsilonNext = null;
        if (getIndex() != 0) {
            // Not the first layer: the layer below needs dL/dx = δ·Wᵀ, computed densely as DL4J does.
            INDArray w = getParam(WEIGHTS);
            epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    new long[]{w.size(0), delta.size(0)}, 'f');
            epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        }
        weightNoiseParams.clear();
        return new Pair<>(gradient, epsilonNext);
    }

    /** How many forward passes took the sparse path (for tests and diagnostics). */
    public long sparseForwardPasses() {
        return sparseForwardPasses;
    }

    @Override
    public void clear() {
        super.clear();
        clearCache();
    }

    private void clearCache() {
        cachedInput = null;
        cachedRows = null;
        cachedPreOutput = null;
    }

    /** z = x·W + b for the non-zeros of x, returned column by column: z[k * batch + row]. */
    private float[] preOutputByColumn(SparseRows x) {
        INDArray w = getParam(WEIGHTS);
        int nIn = Math.toIntExact(w.size(0));
        int nOut = Math.toIntExact(w.size(1));
        int batch = x.rows;
        float[] bias = hasBias() ? getParam(BIAS).dup().data().asFloat() : new float[nOut];
        OffHeapFloats weights = OffHeapFloats.of(w);
        float[] z = new float[nOut * batch];
        int[] rowPointers = x.rowPointers;
        int[] columns = x.columnIndices;
        float[] values = x.values;
        forEachColumnBlock(nOut, (from, to) -> {
            float[] column = new float[nIn];
            for (int k = from; k < to; k++) {
                weights.get((long) k * nIn, column, 0, nIn); // W is 'f': column k is contiguous
                float b = bias[k];
                int out = k * batch;
                for (int r = 0; r < batch; r++) {
                    float sum = 0f;
                    for (int p = rowPointers[r], end = rowPointers[r + 1]; p < end; p++) {
                        sum += values[p] * column[columns[p]];
                    }
                    z[out + r] = sum + b;
                }
            }
        });
        return z;
    }

    /** dW = xᵀ·δ over the non-zeros of x, written column by column into the 'f'-ordered gradient view. */
    private void weightGradient(SparseRows x, float[] deltaByColumn, INDArray weightGrad) {
        int nIn = Math.toIntExact(weightGrad.size(0));
        int nOut = Math.toIntExact(weightGrad.size(1));
        int batch = x.rows;
        OffHeapFloats grad = OffHeapFloats.of(weightGrad);
        int[] columnPointers = x.columnPointers();
        int[] rowIndices = x.rowIndicesByColumn();
        float[] values = x.valuesByColumn();
        forEachColumnBlock(nOut, (from, to) -> {
            float[] column = new float[nIn];
            for (int k = from; k < to; k++) {
                int d = k * batch;
                for (int j = 0; j < nIn; j++) {
                    float sum = 0f;
                    for (int q = columnPointers[j], end = columnPointers[j + 1]; q < end; q++) {
                        sum += values[q] * deltaByColumn[d + rowIndices[q]];
                    }
                    column[j] = sum;
                }
                grad.put((long) k * nIn, column, 0, nIn);
            }
        });
    }

    /** δ [batch, nOut] as a Java array column by column: δ[k * batch + row]. */
    private static float[] deltaByColumn(INDArray delta, int batch) {
        INDArray columnMajor = delta.dataType() == DataType.FLOAT && delta.ordering() == 'f'
                && OffHeapFloats.isContiguous(delta) ? delta : delta.castTo(DataType.FLOAT).dup('f');
        float[] out = new float[Math.toIntExact(columnMajor.length())];
        OffHeapFloats.of(columnMajor).get(0, out, 0, out.length);
        if (out.length != batch * columnMajor.size(1)) {
            throw new IllegalStateException("delta has " + out.length + " values for a batch of " + batch);
        }
        return out;
    }

    private interface ColumnBlock {
        void run(int from, int to);
    }

    /** Splits output columns into blocks run on the common fork-join pool (the caller thread helps). */
    private static void forEachColumnBlock(int nOut, ColumnBlock block) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int blocks = Math.min(nOut, threads * 4);
        if (blocks <= 1) {
            block.run(0, nOut);
            return;
        }
        IntStream.range(0, blocks).parallel().forEach(i -> {
            int from = (int) ((long) nOut * i / blocks);
            int to = (int) ((long) nOut * (i + 1) / blocks);
            block.run(from, to);
        });
    }
}
