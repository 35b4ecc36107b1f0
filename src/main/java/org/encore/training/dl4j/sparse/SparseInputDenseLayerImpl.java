package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
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

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * A DL4J dense layer that works only on the non-zero entries of its input. With x [batch, nIn] having z non-zeros
 * per row, the forward pass costs batch*z*nOut multiply-adds instead of batch*nIn*nOut, and so does the weight
 * gradient dW = xᵀ·δ. As layer 0 it returns no input gradient (like DL4J's EmbeddingLayer): nothing consumes it,
 * and the dense layer spends a full [batch, nIn, nOut] product on it.
 *
 * <p>Parameters, their layout, initialisation and updates are DL4J's {@link DenseLayer}'s. The sparse path needs
 * the CPU backend, FLOAT data, and no mask, weight noise or layer norm; otherwise each call falls back to the dense
 * implementation, which gives the same numbers up to float summation order.
 *
 * <p>Input dropout (Mult-DAE's and Mult-VAE's 0.5 on the input, CDAE's corruption) stays on the sparse path when it
 * is DL4J's plain {@link Dropout} with a fixed retain probability p: in training, each non-zero input is kept with
 * probability p and scaled by 1/p, the others become 0, exactly what DL4J's inverted dropout does to the whole row
 * (its zeros stay zero whatever the mask says). The mask is drawn from a seed taken from ND4J's random generator
 * (seeded by the network), so a run is reproducible; it is not DL4J's own mask, so a run with the sparse layer and
 * one with DL4J's dense layer drop different inputs. Forward and weight gradient of a step use the same mask.
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
                || maskArray != null || hasLayerNorm()
                || (layerConf().getIDropout() != null && (plainDropoutRetain() < 0 || getIndex() != 0))
                || layerConf().getWeightNoise() != null) {
            return false;
        }
        INDArray w = getParam(WEIGHTS);
        return w.dataType() == DataType.FLOAT && input.size(1) == w.size(0) && w.ordering() == 'f'
                && OffHeapFloats.isContiguous(w) && gradientViewsUsable();
    }

    /** The retain probability of the layer's plain input dropout (1 when it has none), or -1 for any other kind. */
    private double plainDropoutRetain() {
        IDropout dropout = layerConf().getIDropout();
        if (dropout == null) {
            return 1;
        }
        if (dropout.getClass() == Dropout.class && ((Dropout) dropout).getPSchedule() == null) {
            double p = ((Dropout) dropout).getP();
            return p > 0 && p <= 1 ? p : -1;
        }
        return -1;
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
        double retain = plainDropoutRetain();
        if (training && retain < 1) {
            rows = rows.droppedOut((float) retain, Nd4j.getRandom().nextLong());
        }
        float[] preOutput = preOutputRowMajor(rows);
        sparseForwardPasses++;
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, DataType.FLOAT,
                new long[]{rows.rows, layerConf().getNOut()}, 'c');
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
            // no forward pass of this input in training mode: as DL4J's layer, backpropagate the input as it is
            rows = SparseRows.of(input);
            preOutputData = preOutputRowMajor(rows);
        }
        clearCache();
        long nOut = layerConf().getNOut();
        INDArray preOutput = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, DataType.FLOAT,
                new long[]{rows.rows, nOut}, 'c');
        OffHeapFloats.of(preOutput).put(0, preOutputData, 0, preOutputData.length);
        INDArray delta = layerConf().getActivationFn().backprop(preOutput, epsilon).getFirst();

        Gradient gradient = new DefaultGradient();
        if (hasBias()) {
            INDArray biasGrad = gradientViews.get(BIAS);
            delta.sum(biasGrad, 0);
            gradient.gradientForVariable().put(BIAS, biasGrad);
        }
        INDArray weightGrad = gradientViews.get(WEIGHTS);
        int stride = paddedWidth(Math.toIntExact(nOut));
        weightGradient(rows, paddedRowMajor(delta, stride), stride, weightGrad);
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

    /** The rows of the last training forward pass, after input dropout (for tests), or null. */
    SparseRows lastTrainingRows() {
        return cachedRows;
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

    /**
     * Output columns are processed in blocks of {@value #BLOCK}: one pass over the batch's non-zeros feeds
     * {@value #BLOCK} independent sums per row. Two kernels compute the same sums in the same order (bit for bit):
     * below {@value #IN_PLACE_FROM_WIDTH} inputs the block's weights are copied and re-laid out input-major (a few
     * hundred KB that stay in the core's cache, so each non-zero reads one cache line); from that width on, the copy
     * of the whole of W on every call (90M floats at ml-32m's width) would cost more than the product, so the
     * weights are read where DL4J keeps them, by input column.
     */
    private static final int BLOCK = 8;
    static final int IN_PLACE_FROM_WIDTH = 32_768;

    /** z = x·W + b for the non-zeros of x, row-major: z[row * nOut + k]. */
    private float[] preOutputRowMajor(SparseRows x) {
        return preOutputRowMajor(x, getParam(WEIGHTS).size(0) >= IN_PLACE_FROM_WIDTH);
    }

    /** The pre-activations of {@code input} by either kernel (for tests). */
    float[] preOutputRowMajor(INDArray input, boolean inPlace) {
        return preOutputRowMajor(SparseRows.of(input), inPlace);
    }

    private float[] preOutputRowMajor(SparseRows x, boolean inPlace) {
        INDArray w = getParam(WEIGHTS);
        int nIn = Math.toIntExact(w.size(0));
        int nOut = Math.toIntExact(w.size(1));
        float[] bias = hasBias() ? getParam(BIAS).dup().data().asFloat() : new float[nOut];
        float[] z = new float[x.rows * nOut];
        OffHeapFloats weights = OffHeapFloats.of(w);
        if (inPlace) {
            preOutputInPlace(x, weights, nIn, nOut, bias, z);
        } else {
            preOutputCopied(x, weights, nIn, nOut, bias, z);
        }
        return z;
    }

    /**
     * The block's weights copied input-major: each z[row, k] sums its row's terms in column order along the row,
     * then adds the bias.
     */
    private static void preOutputCopied(SparseRows x, OffHeapFloats weights, int nIn, int nOut, float[] bias, float[] z) {
        int batch = x.rows;
        int[] rowPointers = x.rowPointers;
        int[] columns = x.columnIndices;
        float[] values = x.values;
        forEachBlock(nOut, (k0, kw) -> {
            float[] block = scratch(0, BLOCK * nIn);
            weights.get((long) k0 * nIn, block, 0, kw * nIn); // W is 'f': columns k0.. are contiguous
            // Slots t >= kw of the last, narrower block hold stale values; their sums are never written out.
            float[] interleaved = scratch(1, nIn * BLOCK);
            for (int t = 0; t < kw; t++) {
                for (int j = 0, from = t * nIn; j < nIn; j++) {
                    interleaved[j * BLOCK + t] = block[from + j];
                }
            }
            for (int r = 0; r < batch; r++) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (int p = rowPointers[r], end = rowPointers[r + 1]; p < end; p++) {
                    float v = values[p];
                    int o = columns[p] * BLOCK;
                    s0 += v * interleaved[o];
                    s1 += v * interleaved[o + 1];
                    s2 += v * interleaved[o + 2];
                    s3 += v * interleaved[o + 3];
                    s4 += v * interleaved[o + 4];
                    s5 += v * interleaved[o + 5];
                    s6 += v * interleaved[o + 6];
                    s7 += v * interleaved[o + 7];
                }
                float[] sums = {s0, s1, s2, s3, s4, s5, s6, s7};
                int out = r * nOut + k0;
                for (int t = 0; t < kw; t++) {
                    z[out + t] = sums[t] + bias[k0 + t];
                }
            }
        });
    }

    /**
     * The weights read in place: the non-zeros are visited by input column (x's CSC form) in increasing column
     * order, so each z[row, k] sums its terms in the same order as a pass along the row would, while each weight
     * W[j, k] of a column the batch uses is read once, in order, from DL4J's 'f'-ordered array.
     */
    private static void preOutputInPlace(SparseRows x, OffHeapFloats weights, int nIn, int nOut, float[] bias, float[] z) {
        int batch = x.rows;
        int[] columnPointers = x.columnPointers();
        int[] rowIndices = x.rowIndicesByColumn();
        float[] values = x.valuesByColumn();
        int[] usedColumns = x.usedColumns();
        forEachBlock(nOut, (k0, kw) -> {
            float[] sums = scratch(0, batch * BLOCK);
            Arrays.fill(sums, 0, batch * BLOCK, 0f);
            // Slots t >= kw of the last, narrower block read column k0 again; their sums are never written out.
            long c0 = (long) k0 * nIn;
            long c1 = (long) (k0 + Math.min(1, kw - 1)) * nIn;
            long c2 = (long) (k0 + Math.min(2, kw - 1)) * nIn;
            long c3 = (long) (k0 + Math.min(3, kw - 1)) * nIn;
            long c4 = (long) (k0 + Math.min(4, kw - 1)) * nIn;
            long c5 = (long) (k0 + Math.min(5, kw - 1)) * nIn;
            long c6 = (long) (k0 + Math.min(6, kw - 1)) * nIn;
            long c7 = (long) (k0 + Math.min(7, kw - 1)) * nIn;
            for (int j : usedColumns) {
                float w0 = weights.get(c0 + j), w1 = weights.get(c1 + j), w2 = weights.get(c2 + j),
                        w3 = weights.get(c3 + j), w4 = weights.get(c4 + j), w5 = weights.get(c5 + j),
                        w6 = weights.get(c6 + j), w7 = weights.get(c7 + j);
                for (int q = columnPointers[j], end = columnPointers[j + 1]; q < end; q++) {
                    float v = values[q];
                    int o = rowIndices[q] * BLOCK;
                    sums[o] += v * w0;
                    sums[o + 1] += v * w1;
                    sums[o + 2] += v * w2;
                    sums[o + 3] += v * w3;
                    sums[o + 4] += v * w4;
                    sums[o + 5] += v * w5;
                    sums[o + 6] += v * w6;
                    sums[o + 7] += v * w7;
                }
            }
            for (int r = 0; r < batch; r++) {
                int out = r * nOut + k0;
                for (int t = 0; t < kw; t++) {
                    z[out + t] = sums[r * BLOCK + t] + bias[k0 + t];
                }
            }
        });
    }

    /**
     * dW = xᵀ·δ over the non-zeros of x, written into the 'f'-ordered gradient view; δ is row-major, padded. Rows of
     * dW whose input column no row of the batch uses are 0.
     */
    private void weightGradient(SparseRows x, float[] delta, int deltaStride, INDArray weightGrad) {
        int nIn = Math.toIntExact(weightGrad.size(0));
        int nOut = Math.toIntExact(weightGrad.size(1));
        OffHeapFloats grad = OffHeapFloats.of(weightGrad);
        int[] columnPointers = x.columnPointers();
        int[] rowIndices = x.rowIndicesByColumn();
        float[] values = x.valuesByColumn();
        int[] usedColumns = x.usedColumns();
        forEachBlock(nOut, (k0, kw) -> {
            float[] block = scratch(0, BLOCK * nIn);
            Arrays.fill(block, 0, kw * nIn, 0f); // the columns no row uses
            for (int j : usedColumns) {
                float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (int q = columnPointers[j], end = columnPointers[j + 1]; q < end; q++) {
                    float v = values[q];
                    int o = rowIndices[q] * deltaStride + k0;
                    s0 += v * delta[o];
                    s1 += v * delta[o + 1];
                    s2 += v * delta[o + 2];
                    s3 += v * delta[o + 3];
                    s4 += v * delta[o + 4];
                    s5 += v * delta[o + 5];
                    s6 += v * delta[o + 6];
                    s7 += v * delta[o + 7];
                }
                switch (kw) { // the last block may be narrower; columns beyond nOut read zero padding
                    case 8: block[7 * nIn + j] = s7;
                    case 7: block[6 * nIn + j] = s6;
                    case 6: block[5 * nIn + j] = s5;
                    case 5: block[4 * nIn + j] = s4;
                    case 4: block[3 * nIn + j] = s3;
                    case 3: block[2 * nIn + j] = s2;
                    case 2: block[nIn + j] = s1;
                    default: block[j] = s0;
                }
            }
            grad.put((long) k0 * nIn, block, 0, kw * nIn); // columns k0.. of the 'f' gradient are contiguous
        });
    }

    /** δ [batch, nOut] as a row-major Java array whose rows are padded to a multiple of {@value #BLOCK}. */
    private static float[] paddedRowMajor(INDArray delta, int stride) {
        INDArray rowMajor = delta.dataType() == DataType.FLOAT && delta.ordering() == 'c'
                && OffHeapFloats.isContiguous(delta) ? delta : delta.castTo(DataType.FLOAT).dup('c');
        int batch = Math.toIntExact(rowMajor.size(0));
        int nOut = Math.toIntExact(rowMajor.size(1));
        OffHeapFloats source = OffHeapFloats.of(rowMajor);
        float[] out = new float[batch * stride];
        if (stride == nOut) {
            source.get(0, out, 0, out.length);
        } else {
            for (int r = 0; r < batch; r++) {
                source.get((long) r * nOut, out, r * stride, nOut);
            }
        }
        return out;
    }

    static int paddedWidth(int nOut) {
        return (nOut + BLOCK - 1) / BLOCK * BLOCK;
    }

    /** Per-thread work arrays, reused across blocks and steps (two per thread, grown on demand). */
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[2][0]);

    private static float[] scratch(int slot, int length) {
        float[][] arrays = SCRATCH.get();
        if (arrays[slot].length < length) {
            arrays[slot] = new float[length];
        }
        return arrays[slot];
    }

    private interface ColumnBlock {
        void run(int firstColumn, int columns);
    }

    /** Runs every block of {@value #BLOCK} output columns, spread over the common fork-join pool (the caller helps). */
    private static void forEachBlock(int nOut, ColumnBlock block) {
        int blocks = (nOut + BLOCK - 1) / BLOCK;
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int tasks = Math.min(blocks, threads * 4);
        IntStream.range(0, tasks).parallel().forEach(task -> {
            for (int b = (int) ((long) blocks * task / tasks), end = (int) ((long) blocks * (task + 1) / tasks); b < end; b++) {
                int k0 = b * BLOCK;
                block.run(k0, Math.min(BLOCK, nOut - k0));
            }
        });
    }
}
