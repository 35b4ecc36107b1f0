package org.encore.training.dl4j.kinds;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;

/**
 * The multinomial negative log-likelihood of Liang et al. 2018 (Mult-DAE, Mult-VAE; {@code dawenl/vae_cf}): for a
 * user's row x (the binarised clicks, not normalised) and the network's logits z, loss = -sum_j x_j log softmax(z)_j.
 * DL4J sums it over the batch and divides by the batch size, so the score is Liang's
 * {@code -reduce_mean(reduce_sum(log_softmax(z) * x, 1))}.
 * <p>
 * Use it on an output layer with the IDENTITY activation: the loss applies the log-softmax itself (computed stably as
 * z - max(z) - log(sum(exp(z - max(z))))), so the network's output is the logits, which rank movies exactly as the
 * softmax probabilities do. The gradient with respect to the logits is softmax(z) * sum_j x_j - x. Any other
 * activation is backpropagated through correctly (the log-softmax is then taken of the activated values), but only
 * identity gives Liang's model. Per-example masks ([batch, 1]) zero whole rows; per-output masks are refused: leaving
 * cells out of a softmax is a different model.
 */
public class MultinomialLogLikelihood implements ILossFunction {

    /** Per-example losses [batch, 1]. */
    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkShapes(labels, preOutput, mask);
        INDArray logSoftmax = logSoftmax(activationFn.getActivation(preOutput.dup(), true));
        INDArray perExample = logSoftmax.muli(labels.castTo(logSoftmax.dataType())).sum(true, 1).negi();
        return applyRowMask(perExample, mask);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask,
                               boolean average) {
        INDArray perExample = computeScoreArray(labels, preOutput, activationFn, mask);
        double sum = perExample.sumNumber().doubleValue();
        return average ? sum / perExample.size(0) : sum;
    }

    /** dL/d(preOutput) per example: softmax(z) * sum(x) - x, backpropagated through the activation. */
    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        checkShapes(labels, preOutput, mask);
        INDArray z = activationFn.getActivation(preOutput.dup(), true);
        INDArray x = labels.castTo(z.dataType());
        INDArray softmax = Transforms.exp(logSoftmax(z), false);
        INDArray dLdz = softmax.muliColumnVector(x.sum(true, 1)).subi(x);
        applyRowMask(dLdz, mask);
        return activationFn.backprop(preOutput.dup(), dLdz).getFirst();
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn,
                                                          INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average),
                computeGradient(labels, preOutput, activationFn, mask));
    }

    /** Row-wise log-softmax of {@code z} (a new array), stable for large logits. */
    static INDArray logSoftmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(true, 1));
        INDArray logSumExp = Transforms.log(Transforms.exp(shifted, true).sum(true, 1), false);
        return shifted.subiColumnVector(logSumExp);
    }

    private static INDArray applyRowMask(INDArray rows, INDArray mask) {
        if (mask != null) {
            rows.muliColumnVector(mask.castTo(rows.dataType()));
        }
        return rows;
    }

    private static void checkShapes(INDArray labels, INDArray preOutput, INDArray mask) {
        if (labels.rank() != 2 || !labels.equalShapes(preOutput)) {
            throw new IllegalArgumentException("the multinomial loss needs labels and outputs of one [batch, width] shape, got "
                    + Arrays.toString(labels.shape()) + " and " + Arrays.toString(preOutput.shape()));
        }
        if (mask != null && (mask.rank() != 2 || mask.size(0) != labels.size(0) || mask.size(1) != 1)) {
            throw new IllegalArgumentException("the multinomial loss takes a per-example mask [batch, 1] only, got "
                    + Arrays.toString(mask.shape()));
        }
    }

    @Override
    public String name() {
        return "MultinomialLogLikelihood";
    }

    @Override
    public String toString() {
        return "MultinomialLogLikelihood()";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MultinomialLogLikelihood;
    }

    @Override
    public int hashCode() {
        return MultinomialLogLikelihood.class.hashCode();
    }
}
