package org.encore.training.sparse;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

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
        SparseInputDenseLayer s = new SparseInputDenseLayer();
        s.layerName = dense.getLayerName();
        s.iDropout = dense.getIDropout();
        s.constraints = dense.getConstraints() == null ? null : new ArrayList<>(dense.getConstraints());
        s.activationFn = dense.getActivationFn();
        s.weightInitFn = dense.getWeightInitFn();
        s.biasInit = dense.getBiasInit();
        s.gainInit = dense.getGainInit();
        s.regularization = dense.getRegularization() == null ? null : new ArrayList<>(dense.getRegularization());
        s.regularizationBias = dense.getRegularizationBias() == null ? null : new ArrayList<>(dense.getRegularizationBias());
        s.iUpdater = dense.getIUpdater();
        s.biasUpdater = dense.getBiasUpdater();
        s.weightNoise = dense.getWeightNoise();
        s.gradientNormalization = dense.getGradientNormalization();
        s.gradientNormalizationThreshold = dense.getGradientNormalizationThreshold();
        s.nIn = dense.getNIn();
        s.nOut = dense.getNOut();
        s.timeDistributedFormat = dense.getTimeDistributedFormat();
        s.setHasBias(dense.hasBias());
        s.setHasLayerNorm(dense.hasLayerNorm());
        return s;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        // Mirrors DenseLayer.instantiate, with our implementation class.
        LayerValidation.assertNInNOutSet("SparseInputDenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        SparseInputDenseLayerImpl layer = new SparseInputDenseLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public SparseInputDenseLayer clone() {
        return (SparseInputDenseLayer) super.clone();
    }
}
