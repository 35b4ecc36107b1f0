package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Random;

/**
 * The computation of {@link GaussianCodingLayer}. Forward: [mu | logvar] = h W + b; z = mu + eps * exp(logvar / 2)
 * while training, mu at inference; the batch-mean KL is kept for the score and for reporting ({@link #lastKl()}).
 * Backward, from dL/dz: dL/dmu = dL/dz + beta * mu and dL/dlogvar = dL/dz * eps * exp(logvar / 2) / 2
 * + beta * (exp(logvar) - 1) / 2 per user (DL4J's updater divides the summed gradient by the batch size, as it does
 * the output layer's, so this is the gradient of the batch mean); the dense product's gradients are BaseLayer's.
 */
public class GaussianCodingLayerImpl extends BaseLayer<GaussianCodingLayer> {
    private INDArray noise;
    private double lastKl = Double.NaN;
    private double lastBeta = Double.NaN;

    public GaussianCodingLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    /** The batch-mean KL divergence of the last forward pass (NaN before the first). */
    public double lastKl() {
        return lastKl;
    }

    /** The KL weight of the current step (the network's iteration count). */
    public double beta() {
        return layerConf().betaAt(getIterationCount());
    }

    /** The KL weight the last forward pass was scored with (NaN before the first). */
    public double lastBeta() {
        return lastBeta;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        INDArray heads = preOutput(training, workspaceMgr);
        long k = layerConf().codingSize();
        INDArray mu = heads.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k));
        INDArray logVar = heads.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2 * k));
        lastKl = klMean(mu, logVar);
        lastBeta = beta();
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, heads.dataType(), new long[]{heads.size(0), k}, 'c');
        if (training) {
            noise = noise(heads.size(0), k, heads.dataType());
            z.assign(Transforms.exp(logVar.mul(0.5), false).muli(noise).addi(mu));
        } else {
            noise = null;
            z.assign(mu);
        }
        return z;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (noise == null || noise.size(0) != epsilon.size(0)) {
            throw new IllegalStateException("GaussianCodingLayer: backpropGradient without a training forward pass");
        }
        INDArray heads = preOutput(true, workspaceMgr);
        long k = layerConf().codingSize();
        INDArray mu = heads.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k));
        INDArray logVar = heads.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2 * k));
        double beta = beta();
        INDArray eps = epsilon.castTo(heads.dataType());
        INDArray std = Transforms.exp(logVar.mul(0.5), false);
        INDArray dHeads = workspaceMgr.createUninitialized(ArrayType.BP_WORKING_MEM, heads.dataType(), heads.shape(), 'c');
        dHeads.get(NDArrayIndex.all(), NDArrayIndex.interval(0, k)).assign(mu.mul(beta).addi(eps));
        INDArray klLogVar = Transforms.exp(logVar, true).subi(1.0).muli(0.5 * beta);
        dHeads.get(NDArrayIndex.all(), NDArrayIndex.interval(k, 2 * k))
                .assign(eps.mul(noise).muli(std).muli(0.5).addi(klLogVar));
        // identity activation: BaseLayer turns dL/d(heads) into the W and b gradients and dL/dh
        return super.backpropGradient(dHeads, workspaceMgr);
    }

    /** beta * KL of the last forward pass on top of the weight penalties (DL4J adds this to the score as it is). */
    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        double penalty = super.calcRegularizationScore(backpropParamsOnly);
        return Double.isNaN(lastKl) ? penalty : penalty + lastBeta * lastKl;
    }

    /** 0.5 * sum(-logvar + exp(logvar) + mu^2 - 1) per row, averaged over the rows. */
    static double klMean(INDArray mu, INDArray logVar) {
        INDArray terms = Transforms.exp(logVar, true).subi(logVar).addi(mu.mul(mu)).subi(1.0);
        return 0.5 * terms.sumNumber().doubleValue() / mu.size(0);
    }

    private INDArray noise(long rows, long k, DataType type) {
        long seed = layerConf().getNoiseSeed() * 0x9E3779B97F4A7C15L + getIterationCount();
        Random random = new Random(seed);
        double[] values = new double[Math.toIntExact(rows * k)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        // detached: the backward pass runs after DL4J has recycled the forward pass's working memory
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.create(values, new long[]{rows, k}, 'c').castTo(type);
        }
    }

    @Override
    public void clear() {
        super.clear();
        noise = null;
    }
}
