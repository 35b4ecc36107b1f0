package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.encore.training.dl4j.NetworkFactory;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the DL4J networks of the field's autoencoders (DESIGN.md section 7) from {@link KindSettings}:
 * <ul>
 *   <li>Mult-DAE: Dense(hidden...) with the input dropout on the first, then a linear output scored by
 *       {@link MultinomialLogLikelihood}. Feed it L2-normalised binarised rows and train against the binarised rows
 *       (see {@code training.InputTransform}).</li>
 *   <li>Mult-VAE: encoder Dense(hidden[0..n-2]), {@link GaussianCodingLayer}(hidden[n-1]), decoder mirroring the
 *       encoder, linear output with the multinomial loss; the KL term comes from the coding layer.</li>
 *   <li>AutoRec: Dense(hidden...) and a linear output with MSE; train with a label mask of the rated cells.</li>
 *   <li>CDAE: {@link UserNodeDenseLayer} first (its input has the user-index column), the rest as AutoRec, output by
 *       the loss (sigmoid + cross-entropy for the logistic loss).</li>
 * </ul>
 * Weights are Glorot-uniform and biases zero; L2 (coefficient 2 * weightPenalty, so the score gains
 * weightPenalty * sum(w^2) as Liang's objective does) goes on every weight matrix, never on biases. The latent layer is
 * named "coding", the last one "output".
 */
public final class KindNetworks {
    public static final String CODING = "coding";
    public static final String OUTPUT = "output";

    private KindNetworks() {
    }

    /** A built and initialised network. */
    public static MultiLayerNetwork build(KindSettings settings) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(settings));
        network.init();
        return network;
    }

    public static MultiLayerConfiguration configuration(KindSettings settings) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .dataType(settings.dataType())
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.0)
                .updater(settings.updater())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (Layer layer : layers(settings)) {
            list.layer(layer);
        }
        return list.build();
    }

    /** The layers, input side first (what {@code training.dl4j}'s kind builders hand to {@code NetworkFactory}). */
    public static List<Layer> layers(KindSettings s) {
        List<Layer> layers = new ArrayList<>();
        List<Integer> hidden = s.hidden();
        long fanIn = s.width();
        if (s.kind() == KindSettings.Kind.MULT_VAE) {
            List<Integer> encoder = hidden.subList(0, hidden.size() - 1);
            int coding = hidden.get(hidden.size() - 1);
            for (int i = 0; i < encoder.size(); i++) {
                layers.add(dense(s, fanIn, encoder.get(i), "encoder_" + (i + 1), i == 0));
                fanIn = encoder.get(i);
            }
            GaussianCodingLayer gaussian = GaussianCodingLayer.of(fanIn, coding, s.betaCap(), s.totalAnnealSteps())
                    .withNoiseSeed(s.seed());
            gaussian.setLayerName(CODING);
            penalise(gaussian, s.weightPenalty());
            if (encoder.isEmpty() && s.inputDropout() > 0) {
                gaussian.setIDropout(new Dropout(1 - s.inputDropout()));
            }
            layers.add(gaussian);
            fanIn = coding;
            for (int i = encoder.size() - 1; i >= 0; i--) {
                layers.add(dense(s, fanIn, encoder.get(i), "decoder_" + (encoder.size() - i), false));
                fanIn = encoder.get(i);
            }
        } else {
            int codingIndex = hidden.size() / 2;
            for (int i = 0; i < hidden.size(); i++) {
                String name = i == codingIndex ? CODING : "dense_" + (i + 1);
                DenseLayer dense = dense(s, fanIn, hidden.get(i), name, i == 0);
                if (i == 0 && s.kind() == KindSettings.Kind.CDAE) {
                    UserNodeDenseLayer withUsers = UserNodeDenseLayer.of(dense, s.users());
                    layers.add(withUsers);
                } else {
                    layers.add(dense);
                }
                fanIn = hidden.get(i);
            }
        }
        layers.add(output(s, fanIn));
        return layers;
    }

    private static DenseLayer dense(KindSettings s, long fanIn, int units, String name, boolean first) {
        DenseLayer.Builder builder = new DenseLayer.Builder()
                .nIn(fanIn)
                .nOut(units)
                .activation(NetworkFactory.activation(s.activation()))
                .name(name);
        if (first && s.inputDropout() > 0) {
            builder.dropOut(1 - s.inputDropout()); // DL4J takes the probability to retain
        }
        DenseLayer layer = builder.build();
        penalise(layer, s.weightPenalty());
        return layer;
    }

    private static Layer output(KindSettings s, long fanIn) {
        ILossFunction loss = switch (s.loss()) {
            case MULTINOMIAL -> new MultinomialLogLikelihood();
            case MSE, MASKED_MSE -> new LossMSE();
            case LOGISTIC -> new LossBinaryXENT();
        };
        IActivation activation = s.loss() == KindSettings.Loss.LOGISTIC ? new ActivationSigmoid() : new ActivationIdentity();
        OutputLayer layer = new OutputLayer.Builder()
                .lossFunction(loss)
                .activation(activation)
                .nIn(fanIn)
                .nOut(s.width())
                .name(OUTPUT)
                .build();
        penalise(layer, s.weightPenalty());
        return layer;
    }

    /** L2 on the weights only; DL4J's L2 scores 0.5 * c * sum(w^2), so c = 2 * lambda gives lambda * sum(w^2). */
    private static void penalise(BaseLayer layer, double weightPenalty) {
        List<Regularization> weights = new ArrayList<>();
        if (weightPenalty > 0) {
            weights.add(new L2Regularization(2 * weightPenalty));
        }
        layer.setRegularization(weights);
        layer.setRegularizationBias(new ArrayList<>());
    }

    /** The Gaussian coding of a Mult-VAE network (its current KL and beta), empty for the other kinds. */
    public static Optional<GaussianCodingLayerImpl> gaussianCoding(MultiLayerNetwork network) {
        for (var layer : network.getLayers()) {
            if (layer instanceof GaussianCodingLayerImpl g) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }
}
