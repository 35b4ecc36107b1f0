package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;

/**
 * Configuration of a dense layer whose input rows are mostly zeros (a user's row of the ratings matrix, about
 * 1-2% non-zero). It is a {@link DenseLayer} in every respect that is stored or initialised: the same
 * parameters "W" [nIn, nOut] ('f' order) and "b", the same {@link ParamInitializer} (so Glorot initialisation
 * draws the same numbers) and the same updater handling. Only the arithmetic differs:
 * {@link SparseInputDenseLayerImpl} multiplies by the non-zero inputs alone, and as the first layer of a network
 * it skips the input gradient nobody consumes.
 */
public class SparseInputDenseLayer extends DenseLayer {

    /** For Jackson and {@link #clone()}; use {@link #of(DenseLayer)}. */
    public SparseInputDenseLayer() {
        super();
    }

    /** A sparse-input copy of a configured dense layer (every setting carried over). */
    public static SparseInputDenseLayer of(DenseLayer dense) {
        SparseInputDenseLayer s = LayerSubstitution.copySettings(dense, new SparseInputDenseLayer());
        s.setHasBias(dense.hasBias());
        s.setHasLayerNorm(dense.hasLayerNorm());
        return s;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        return LayerSubstitution.instantiate(this, "SparseInputDenseLayer", SparseInputDenseLayerImpl::new,
                conf, trainingListeners, layerIndex, layerParamsView, initializeParams, networkDataType);
    }

    @Override
    public SparseInputDenseLayer clone() {
        return (SparseInputDenseLayer) super.clone();
    }
}
