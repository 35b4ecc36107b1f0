package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.function.Consumer;

/**
 * DL4J's OutputLayer, except that the backward pass also evaluates the loss on the product it has just computed,
 * and the {@code computeScore} that MultiLayerNetwork calls right after it (same input, labels and mask) uses that
 * value instead of multiplying [batch, nIn] x [nIn, width] again. Any other call, or any new input or labels in
 * between, takes DL4J's own path. With MSE on a linear output (the autoencoders' case) the loss's score and
 * gradient are computed in place on the product instead of on copies of it.
 * <p>
 * The forward product (training and inference) is written by one GEMM straight into the layer's workspace array:
 * DL4J's {@code BaseLayer.preOutput} calls {@code INDArray.mmuli(W, result)}, which for the c-ordered result
 * multiplies into a new zero-filled f-ordered array and then copies it over, transposing ([512 x 87,585] at ml-32m:
 * 1.6-2.0 CPU-s against 0.6-0.8 CPU-s for the GEMM alone, bench/epoch-scale.md). Same values, bias and mask.
 */
public class SingleProductOutputLayerImpl extends OutputLayer {
    private static final String WEIGHTS = DefaultParamInitializer.WEIGHT_KEY;
    private static final String BIAS = DefaultParamInitializer.BIAS_KEY;

    // The loss (before the minibatch division and regularisation) of the last backward pass, valid once.
    private boolean lossFromBackprop;
    private double backpropLoss;
    private INDArray lossInput;
    private INDArray lossLabels;
    private INDArray lossMask;
    private long reusedScores;
    private Consumer<INDArray> trainingOutputs;

    public SingleProductOutputLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        forgetLoss();
        INDArray preOut = preOutput2d(true, workspaceMgr);
        ILossFunction lossFunction = layerConf().getLossFn();
        INDArray labels2d = getLabels2d(workspaceMgr, ArrayType.BP_WORKING_MEM);
        IActivation activation = layerConf().getActivationFn();
        if (trainingOutputs != null) {
            trainingOutputs.accept(activation instanceof ActivationIdentity ? preOut : activation.getActivation(preOut.dup(), true));
        }
        INDArray delta;
        if (isPlainMse(lossFunction, activation)) {
            delta = mseInPlace(preOut, labels2d);
        } else {
            // The score first: loss functions leave preOut unchanged (they activate a copy), but stay on the safe side.
            backpropLoss = lossFunction.computeScore(labels2d, preOut, activation, maskArray, false);
            // As BaseOutputLayer.getGradientsAndDelta and backpropGradient (1.0.0-M2.1).
            delta = lossFunction.computeGradient(labels2d, preOut, activation, maskArray);
        }
        lossInput = input;
        lossLabels = labels;
        lossMask = maskArray;
        lossFromBackprop = true;

        Gradient gradient = new DefaultGradient();
        INDArray weightGradView = gradientViews.get(WEIGHTS);
        Nd4j.gemm(input.castTo(weightGradView.dataType()), delta, weightGradView, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(WEIGHTS, weightGradView);
        if (hasBias()) {
            INDArray biasGradView = gradientViews.get(BIAS);
            delta.sum(biasGradView, 0);
            gradient.gradientForVariable().put(BIAS, biasGradView);
        }
        delta = workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, delta);
        INDArray w = getParamWithNoise(WEIGHTS, true, workspaceMgr);
        INDArray epsilonNext = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[]{w.size(0), delta.size(0)}, 'f');
        epsilonNext = w.mmuli(delta.transpose(), epsilonNext).transpose();
        weightNoiseParams.clear();
        epsilonNext = backpropDropOutIfPresent(epsilonNext);
        return new Pair<>(gradient, epsilonNext);
    }

    /** As {@code BaseLayer.preOutputWithPreNorm} (1.0.0-M2.1) without layer norm, the product by one GEMM into the result. */
    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        if (hasLayerNorm() || input == null || input.rank() != 2) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
        }
        assertInputSet(forBackprop);
        applyDropOutIfNecessary(training, workspaceMgr);
        INDArray w = getParamWithNoise(WEIGHTS, training, workspaceMgr);
        INDArray in = input.castTo(dataType);
        if (in.size(1) != w.size(0)) {
            return super.preOutputWithPreNorm(training, forBackprop, workspaceMgr); // DL4J's own message
        }
        INDArray ret = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, w.dataType(), new long[]{in.size(0), w.size(1)}, 'c');
        Nd4j.gemm(in.castTo(ret.dataType()), w, ret, false, false, 1.0, 0.0);
        if (hasBias()) {
            ret.addiRowVector(getParamWithNoise(BIAS, training, workspaceMgr));
        }
        if (maskArray != null) {
            applyMask(ret);
        }
        return new Pair<>(ret, ret);
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (!(training && lossFromBackprop && input == lossInput && labels == lossLabels && maskArray == lossMask)) {
            forgetLoss();
            return super.computeScore(fullNetRegTerm, training, workspaceMgr);
        }
        forgetLoss();
        reusedScores++;
        // As BaseOutputLayer.computeScore, from the loss already computed on the same product.
        double score = backpropLoss;
        if (conf().isMiniBatch()) {
            score /= getInputMiniBatchSize();
        }
        score += fullNetRegTerm;
        this.score = score;
        return score;
    }

    /**
     * Receives the layer's activated output of every training backward pass, before the loss is computed (for
     * metrics accumulated from the training steps, as Keras reports them). The array is only valid during the call
     * and must not be modified; null to stop.
     */
    public void onTrainingOutput(Consumer<INDArray> listener) {
        this.trainingOutputs = listener;
    }

    /** DL4J's LossMSE on a linear output without per-output weights: the case {@link #mseInPlace} computes. */
    private static boolean isPlainMse(ILossFunction loss, IActivation activation) {
        return loss.getClass() == LossMSE.class && ((LossMSE) loss).getWeights() == null
                && activation instanceof ActivationIdentity;
    }

    /**
     * LossMSE's score and gradient in one pass over the product, overwriting it with the gradient: with
     * d = (output - labels) * mask, the score is sum(d^2) / width and the gradient 2 d / width, as LossL2/LossMSE
     * compute them with four copies of the [batch, width] output (1.0.0-M2.1).
     */
    private INDArray mseInPlace(INDArray preOut, INDArray labels2d) {
        INDArray delta = preOut.subi(labels2d);
        if (maskArray != null) {
            LossUtil.applyMask(delta, maskArray);
        }
        double norm = delta.norm2Number().doubleValue();
        long width = labels2d.size(1);
        backpropLoss = norm * norm / width;
        return delta.muli(2.0 / width);
    }

    /** How many scores came from the backward pass's product (for tests and diagnostics). */
    public long reusedScores() {
        return reusedScores;
    }

    @Override
    public void setInput(INDArray input, LayerWorkspaceMgr workspaceMgr) {
        forgetLoss();
        super.setInput(input, workspaceMgr);
    }

    @Override
    public void setLabels(INDArray labels) {
        forgetLoss();
        super.setLabels(labels);
    }

    @Override
    public void clear() {
        forgetLoss();
        super.clear();
    }

    private void forgetLoss() {
        lossFromBackprop = false;
        lossInput = null;
        lossLabels = null;
        lossMask = null;
    }
}
