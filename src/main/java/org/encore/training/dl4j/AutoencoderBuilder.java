package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.encore.model.Architecture;
import org.encore.model.LayerSpec;
import org.encore.model.ModelSpec;
import org.encore.training.LayerNames;
import org.encore.training.dl4j.sparse.SingleProductOutputLayer;
import org.encore.training.dl4j.sparse.SparseInputDenseLayer;

import java.util.ArrayList;
import java.util.List;

/**
 * The layers of the reference dense autoencoder ({@link Architecture.Autoencoder}): its hidden dense layers in order,
 * then an output Dense(width) with the spec's loss (linear; sigmoid for the logistic loss). Mult-DAE and AutoRec are
 * this kind with Liang's input and the multinomial loss, or the masked MSE.
 * <p>
 * Dropout: Keras {@code Dropout(r)} sits between two layers and drops units of the previous layer's output; DL4J's
 * {@code dropOut(p)} is set on a layer, applies to that layer's INPUT and takes the probability to RETAIN. So a
 * Keras dropout between layers A and B becomes {@code dropOut(1 - r)} on B, and one just before the output layer
 * goes on the output layer. Consecutive dropouts multiply their retain probabilities.
 * <p>
 * The first (widest) layer is built by {@link #firstLayer} alone so that a sparse-input implementation replaces it.
 */
final class AutoencoderBuilder implements KindBuilder<Architecture.Autoencoder> {

    @Override
    public Class<Architecture.Autoencoder> kind() {
        return Architecture.Autoencoder.class;
    }

    @Override
    public List<Layer> layers(Architecture.Autoencoder autoencoder, ModelSpec spec, int width, int trainUsers,
                              boolean optimizedLayers) {
        List<Layer> layers = new ArrayList<>();
        List<String> names = LayerNames.of(spec);
        long fanIn = width;
        double retain = 1.0;
        for (LayerSpec layer : autoencoder.layers()) {
            if (layer instanceof LayerSpec.Dropout dropout) {
                retain *= 1.0 - dropout.rate();
            } else if (layer instanceof LayerSpec.Dense dense) {
                String name = names.get(layers.size());
                layers.add(layers.isEmpty()
                        ? firstLayer(width, dense, name, retain, optimizedLayers)
                        : hiddenLayer(fanIn, dense, name, retain));
                fanIn = dense.units();
                retain = 1.0;
            }
        }
        OutputLayer.Builder output = new OutputLayer.Builder()
                .lossFunction(NetworkFactory.loss(spec.loss()))
                .activation(NetworkFactory.outputActivation(spec.loss()))
                .nIn(fanIn)
                .nOut(width)
                .name(LayerNames.OUTPUT);
        if (retain < 1.0) {
            output.dropOut(retain);
        }
        layers.add(optimizedLayers ? SingleProductOutputLayer.of(output.build()) : output.build());
        return layers;
    }

    /**
     * The first hidden layer: the widest one, reading the (mostly zero) rating rows. Kept apart so that a layer
     * touching only the non-zero inputs can be wired in here.
     *
     * @param width  number of movie columns (the input width)
     * @param dense  the spec's first dense layer
     * @param name   its name ({@link LayerNames})
     * @param retain DL4J retain probability for dropout on the input (1 = none)
     * @param sparse use {@link SparseInputDenseLayer} (same parameters; computes over non-zero inputs only)
     */
    static Layer firstLayer(int width, LayerSpec.Dense dense, String name, double retain, boolean sparse) {
        Layer layer = hiddenLayer(width, dense, name, retain);
        return sparse ? SparseInputDenseLayer.of((DenseLayer) layer) : layer;
    }

    private static Layer hiddenLayer(long fanIn, LayerSpec.Dense dense, String name, double retain) {
        DenseLayer.Builder builder = new DenseLayer.Builder()
                .nIn(fanIn)
                .nOut(dense.units())
                .activation(NetworkFactory.activation(dense.activation()))
                .name(name);
        if (retain < 1.0) {
            builder.dropOut(retain);
        }
        return builder.build();
    }
}
