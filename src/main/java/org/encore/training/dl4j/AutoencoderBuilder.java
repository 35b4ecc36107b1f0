package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.encore.model.Architecture;
import org.encore.model.LayerSpec;
import org.encore.model.ModelSpec;
import org.encore.training.LayerNames;

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
 * Plain DL4J layers; {@link NetworkFactory#withOptimizedLayers} replaces the first (widest) one with the sparse-input
 * layer and the output layer with the single-product one.
 */
final class AutoencoderBuilder implements KindBuilder<Architecture.Autoencoder> {

    @Override
    public Class<Architecture.Autoencoder> kind() {
        return Architecture.Autoencoder.class;
    }

    @Override
    public List<Layer> layers(Architecture.Autoencoder autoencoder, ModelSpec spec, int width, int trainUsers) {
        List<Layer> layers = new ArrayList<>();
        List<String> names = LayerNames.of(spec);
        long fanIn = width;
        double retain = 1.0;
        for (LayerSpec layer : autoencoder.layers()) {
            if (layer instanceof LayerSpec.Dropout dropout) {
                retain *= 1.0 - dropout.rate();
            } else if (layer instanceof LayerSpec.Dense dense) {
                String name = names.get(layers.size());
                layers.add(hiddenLayer(fanIn, dense, name, retain));
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
        layers.add(output.build());
        return layers;
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
