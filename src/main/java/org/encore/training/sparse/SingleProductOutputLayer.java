package org.encore.training.sparse;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

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
        SingleProductOutputLayer s = new SingleProductOutputLayer();
        s.layerName = output.getLayerName();
        s.iDropout = output.getIDropout();
        s.constraints = output.getConstraints() == null ? null : new ArrayList<>(output.getConstraints());
        s.activationFn = output.getActivationFn();
        s.weightInitFn = output.getWeightInitFn();
        s.biasInit = output.getBiasInit();
        s.gainInit = output.getGainInit();
        s.regularization = output.getRegularization() == null ? null : new ArrayList<>(output.getRegularization());
        s.regularizationBias = output.getRegularizationBias() == null ? null : new ArrayList<>(output.getRegularizationBias());
        s.iUpdater = output.getIUpdater();
        s.biasUpdater = output.getBiasUpdater();
        s.weightNoise = output.getWeightNoise();
        s.gradientNormalization = output.getGradientNormalization();
        s.gradientNormalizationThreshold = output.getGradientNormalizationThreshold();
        s.nIn = output.getNIn();
        s.nOut = output.getNOut();
        s.timeDistributedFormat = output.getTimeDistributedFormat();
        s.lossFn = output.getLossFn();
        s.hasBias = output.hasBias();
        return s;
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        LayerValidation.assertNInNOutSet("SingleProductOutputLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        SingleProductOutputLayerImpl layer = new SingleProductOutputLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public SingleProductOutputLayer clone() {
        return (SingleProductOutputLayer) super.clone();
    }
}
