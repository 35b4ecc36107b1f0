package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.encore.model.Activation;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.SpecValidator;
import org.encore.training.dl4j.kinds.KindSettings;
import org.encore.training.dl4j.kinds.MultinomialLogLikelihood;
import org.encore.training.dl4j.sparse.SingleProductOutputLayer;
import org.encore.training.dl4j.sparse.SparseInputDenseLayer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the DL4J network of a {@link ModelSpec} with Keras semantics (docs/DESIGN.md, "Model kinds"): Glorot-uniform
 * weights, zero biases, a linear output Dense(width) with the spec's loss, float32, the spec's seed and L2 penalty.
 * <p>
 * The settings every kind shares (seed, data type, initialisation, optimizer, L2, workspaces) and the Keras-to-DL4J
 * mappings of activations, optimizers and losses live here; the layers of each model kind come from that kind's
 * {@link KindBuilder}.
 */
public final class NetworkFactory {
    /** Keras defaults the optimizers must match. */
    static final double ADAM_BETA1 = 0.9;
    static final double ADAM_BETA2 = 0.999;
    static final double KERAS_EPSILON = 1e-7;
    static final double RMSPROP_RHO = 0.9;
    /** Keras 3's leaky_relu activation default slope. */
    static final double LEAKY_RELU_SLOPE = 0.2;

    /** One builder per model kind (docs/DESIGN.md, "Adding a model kind"). */
    private static final List<KindBuilder<?>> BUILDERS = List.of(new AutoencoderBuilder(), new VaeBuilder(), new CdaeBuilder());

    private NetworkFactory() {
    }

    /**
     * Whether to use Encore's faster drop-in layers (bench/training-speed.md): a first layer that multiplies only the
     * non-zero inputs ({@link SparseInputDenseLayer}) and an output layer that computes its product once per step
     * instead of twice ({@link SingleProductOutputLayer}). Same parameters, initialisation and results as DL4J's
     * DenseLayer and OutputLayer up to float summation order; also Adam's element-wise step on the JVM
     * ({@link JavaAdam}). On by default; {@code -Dencore.optimizedLayers=false} builds plain DL4J layers and Adam
     * (e.g. to compare).
     */
    public static final boolean OPTIMIZED_LAYERS_DEFAULT =
            Boolean.parseBoolean(System.getProperty("encore.optimizedLayers", "true"));

    /**
     * A built and initialised network for {@code spec} over {@code width} movie columns. A kind whose shape depends on
     * the training users (CDAE's user nodes) needs {@link #build(ModelSpec, int, int)}.
     */
    public static MultiLayerNetwork build(ModelSpec spec, int width) {
        return build(spec, width, 0, OPTIMIZED_LAYERS_DEFAULT);
    }

    /** As {@link #build(ModelSpec, int)} for a plan of {@code trainUsers} training users. */
    public static MultiLayerNetwork build(ModelSpec spec, int width, int trainUsers) {
        return build(spec, width, trainUsers, OPTIMIZED_LAYERS_DEFAULT);
    }

    /** As {@link #build(ModelSpec, int)}, choosing plain DL4J layers or Encore's faster equivalents. */
    public static MultiLayerNetwork build(ModelSpec spec, int width, boolean optimizedLayers) {
        return build(spec, width, 0, optimizedLayers);
    }

    /** As {@link #build(ModelSpec, int, int)}, choosing plain DL4J layers or Encore's faster equivalents. */
    public static MultiLayerNetwork build(ModelSpec spec, int width, int trainUsers, boolean optimizedLayers) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration(spec, width, trainUsers, optimizedLayers));
        network.init();
        return network;
    }

    /** The configuration (not yet initialised); tests inspect it to check the Keras conversion. */
    public static MultiLayerConfiguration configuration(ModelSpec spec, int width) {
        return configuration(spec, width, 0, OPTIMIZED_LAYERS_DEFAULT);
    }

    /** As {@link #configuration(ModelSpec, int)}, choosing plain DL4J layers or Encore's faster equivalents. */
    public static MultiLayerConfiguration configuration(ModelSpec spec, int width, boolean optimizedLayers) {
        return configuration(spec, width, 0, optimizedLayers);
    }

    /**
     * The configuration for a plan of {@code trainUsers} training users (CDAE's user nodes; the VAE's anneal steps
     * when they are scaled to the run; other kinds ignore it).
     */
    public static MultiLayerConfiguration configuration(ModelSpec spec, int width, int trainUsers, boolean optimizedLayers) {
        SpecValidator.requireValid(spec);
        if (width <= 0) {
            throw new IllegalArgumentException("width must be > 0, got " + width);
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(spec.training().seed())
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .biasInit(0.0)
                .updater(updater(spec.training().optimizer()))
                .l2(spec.training().l2())
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        for (Layer layer : layers(spec, width, trainUsers, optimizedLayers)) {
            list.layer(layer);
        }
        return list.build();
    }

    /** The DL4J layers of the spec, output layer last. */
    static List<Layer> layers(ModelSpec spec, int width) {
        return layers(spec, width, 0, OPTIMIZED_LAYERS_DEFAULT);
    }

    /** The DL4J layers of the spec, output layer last, from the builder of its kind. */
    static List<Layer> layers(ModelSpec spec, int width, int trainUsers, boolean optimizedLayers) {
        for (KindBuilder<?> builder : BUILDERS) {
            if (builder.kind().isInstance(spec.architecture())) {
                List<Layer> layers = builder.layersOf(spec, width, trainUsers);
                return optimizedLayers ? withOptimizedLayers(layers) : layers;
            }
        }
        throw new IllegalArgumentException("the DL4J engine has no builder for " + spec.architecture().getClass().getSimpleName());
    }

    /**
     * {@code layers} with Encore's faster equivalents swapped in where they apply: a plain first {@link DenseLayer}
     * becomes a {@link SparseInputDenseLayer}, a plain last {@link OutputLayer} a {@link SingleProductOutputLayer}
     * (same parameters and initialisation); layers of other classes (CDAE's user nodes) stay as they are.
     */
    static List<Layer> withOptimizedLayers(List<Layer> layers) {
        List<Layer> out = new ArrayList<>(layers);
        if (!out.isEmpty() && out.get(0).getClass() == DenseLayer.class) {
            out.set(0, SparseInputDenseLayer.of((DenseLayer) out.get(0)));
        }
        int last = out.size() - 1;
        if (last > 0 && out.get(last).getClass() == OutputLayer.class) {
            out.set(last, SingleProductOutputLayer.of((OutputLayer) out.get(last)));
        }
        return out;
    }

    /** The output layer's loss; masked MSE is DL4J's MSE with a per-output label mask (set by the trainer). */
    static ILossFunction loss(LossType loss) {
        return switch (loss) {
            case MSE, MASKED_MSE -> new LossMSE();
            case MULTINOMIAL -> new MultinomialLogLikelihood();
            case LOGISTIC -> new LossBinaryXENT();
        };
    }

    /** The output layer's activation: sigmoid for the logistic loss, linear (logits for the multinomial) otherwise. */
    static IActivation outputActivation(LossType loss) {
        return loss == LossType.LOGISTIC ? new ActivationSigmoid() : new ActivationIdentity();
    }

    /** The same loss in the kind networks' terms ({@link KindSettings.Loss}). */
    static KindSettings.Loss kindLoss(LossType loss) {
        return switch (loss) {
            case MSE -> KindSettings.Loss.MSE;
            case MASKED_MSE -> KindSettings.Loss.MASKED_MSE;
            case MULTINOMIAL -> KindSettings.Loss.MULTINOMIAL;
            case LOGISTIC -> KindSettings.Loss.LOGISTIC;
        };
    }

    /** The DL4J activation of a Keras activation name (shared by every kind builder and {@code kinds.KindNetworks}). */
    public static IActivation activation(Activation activation) {
        return switch (activation) {
            case SELU -> new ActivationSELU();
            case SIGMOID -> new ActivationSigmoid();
            case RELU -> new ActivationReLU();
            case TANH -> new ActivationTanH();
            case ELU -> new ActivationELU(1.0);
            case LEAKYRELU -> new ActivationLReLU(LEAKY_RELU_SLOPE);
            case SOFTPLUS -> new ActivationSoftPlus();
            case LINEAR -> new ActivationIdentity();
        };
    }

    /**
     * Keras optimizer defaults; SGD with momentum uses DL4J's only momentum updater (Nesterov). Adam is DL4J's, its
     * element-wise step computed on the JVM ({@link JavaAdam}, the same values, a third of the time) unless
     * {@code -Dencore.optimizedLayers=false}.
     */
    static IUpdater updater(OptimizerSpec optimizer) {
        double lr = optimizer.learningRate();
        return switch (optimizer.type()) {
            case ADAM -> OPTIMIZED_LAYERS_DEFAULT ? new JavaAdam(lr, ADAM_BETA1, ADAM_BETA2, KERAS_EPSILON)
                    : new Adam(lr, ADAM_BETA1, ADAM_BETA2, KERAS_EPSILON);
            case RMSPROP -> new RmsProp(lr, RMSPROP_RHO, KERAS_EPSILON);
            case SGD -> optimizer.momentum() > 0 ? new Nesterovs(lr, optimizer.momentum()) : new Sgd(lr);
        };
    }
}
