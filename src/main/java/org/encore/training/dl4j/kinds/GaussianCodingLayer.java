package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of Mult-VAE's Gaussian coding (Liang et al. 2018, {@code dawenl/vae_cf} {@code q_graph}): from the
 * encoder's output h [batch, nIn] one dense product gives the mean and the log-variance heads side by side,
 * [mu | logvar] = h W + b with W [nIn, 2 * coding] (Liang's last encoder layer of width 2 * d, split in two; Glorot
 * initialisation over that width, as Liang's), and the layer outputs the coding z [batch, coding]:
 * z = mu + eps * exp(logvar / 2) with eps ~ N(0, 1) while training, z = mu at inference.
 * <p>
 * The KL divergence of N(mu, exp(logvar)) from N(0, I), 0.5 * sum(-logvar + exp(logvar) + mu^2 - 1) per user and
 * averaged over the batch, enters the objective weighted by beta: its gradient is added in the backward pass, and
 * beta * KL is added to the network's score through {@code calcRegularizationScore}, so {@code network.score()} is
 * Liang's negative ELBO. beta follows Liang's schedule, beta = min(betaCap, step / totalAnnealSteps) with step the
 * network's iteration count (updates so far); totalAnnealSteps 0 means beta = betaCap from the start. Liang: cap 0.2,
 * 200,000 total steps on ML-20M (so the cap is reached after 40,000 updates).
 * <p>
 * The noise is drawn from a generator seeded by (noiseSeed, step), so that a run is reproducible and every forward
 * pass of one step (the gradient and the score of that step, a gradient check) sees the same eps.
 */
public class GaussianCodingLayer extends DenseLayer {
    private double betaCap;
    private int totalAnnealSteps;
    private long noiseSeed;

    /** For Jackson and {@link #clone()}; use {@link #of}. */
    public GaussianCodingLayer() {
        super();
    }

    /**
     * A coding of {@code coding} units over an input of {@code nIn}, with Liang's annealing of the KL weight.
     *
     * @param betaCap          the largest KL weight, &gt;= 0 (Liang: 0.2)
     * @param totalAnnealSteps updates over which beta would grow from 0 to 1, capped at betaCap; 0 = betaCap throughout
     */
    public static GaussianCodingLayer of(long nIn, long coding, double betaCap, int totalAnnealSteps) {
        if (nIn < 1 || coding < 1) {
            throw new IllegalArgumentException("the Gaussian coding needs nIn and coding of at least 1, got " + nIn + " and " + coding);
        }
        if (!(betaCap >= 0) || !Double.isFinite(betaCap) || totalAnnealSteps < 0) {
            throw new IllegalArgumentException("beta cap must be a number >= 0 and anneal steps >= 0, got " + betaCap
                    + " and " + totalAnnealSteps);
        }
        GaussianCodingLayer layer = new GaussianCodingLayer();
        layer.setNIn(nIn);
        layer.setNOut(2 * coding);
        layer.setHasBias(true);
        layer.setHasLayerNorm(false);
        layer.setActivationFn(new ActivationIdentity());
        layer.betaCap = betaCap;
        layer.totalAnnealSteps = totalAnnealSteps;
        return layer;
    }

    /** The same layer with its noise seeded by {@code seed}. */
    public GaussianCodingLayer withNoiseSeed(long seed) {
        this.noiseSeed = seed;
        return this;
    }

    /** Width of the coding z (half the width of the [mu | logvar] product). */
    public long codingSize() {
        return getNOut() / 2;
    }

    /** beta at update {@code step}: min(betaCap, step / totalAnnealSteps), or betaCap when not annealed. */
    public double betaAt(long step) {
        return totalAnnealSteps == 0 ? betaCap : Math.min(betaCap, (double) step / totalAnnealSteps);
    }

    public double getBetaCap() {
        return betaCap;
    }

    public void setBetaCap(double betaCap) {
        this.betaCap = betaCap;
    }

    public int getTotalAnnealSteps() {
        return totalAnnealSteps;
    }

    public void setTotalAnnealSteps(int totalAnnealSteps) {
        this.totalAnnealSteps = totalAnnealSteps;
    }

    public long getNoiseSeed() {
        return noiseSeed;
    }

    public void setNoiseSeed(long noiseSeed) {
        this.noiseSeed = noiseSeed;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return InputType.feedForward(codingSize());
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        LayerValidation.assertNInNOutSet("GaussianCodingLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        GaussianCodingLayerImpl layer = new GaussianCodingLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public GaussianCodingLayer clone() {
        return (GaussianCodingLayer) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianCodingLayer other && super.equals(o) && betaCap == other.betaCap
                && totalAnnealSteps == other.totalAnnealSteps && noiseSeed == other.noiseSeed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), betaCap, totalAnnealSteps, noiseSeed);
    }
}
