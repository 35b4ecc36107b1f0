package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * Configuration of an {@link OutputLayer} that computes its output product once per training step instead of
 * twice: DL4J's output layer multiplies [batch, nIn] x [nIn, width] in the backward pass and again in
 * {@code computeScore}. {@link SingleProductOutputLayerImpl} computes the score from the backward pass's product.
 * Parameters, initialisation and updates are the OutputLayer's.
 */
public class SingleProductOutputLayer extends OutputLayer {

    public SingleProductOutputLayer() {
        super();
    }

    /** A copy of a configured output layer (every setting carried over). */
    public static SingleProductOutputLayer of(OutputLayer output) {
        SingleProductOutputLayer s = LayerSubstitution.copySettings(output, new SingleProductOutputLayer());
        s.setLossFn(output.getLossFn());
        s.setHasBias(output.hasBias());
        return s;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerSubstitution.instantiate(this, "SingleProductOutputLayer", SingleProductOutputLayerImpl::new,
                conf, trainingListeners, layerIndex, layerParamsView, initializeParams, networkDataType);
    }

    @Override
    public SingleProductOutputLayer clone() {
        return (SingleProductOutputLayer) super.clone();
    }
}
