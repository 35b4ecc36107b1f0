package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What our substitutes for DL4J's layer configurations ({@link SparseInputDenseLayer}, {@link
 * SingleProductOutputLayer}) share: copying a configured layer's settings, and instantiating the implementation
 * class the way DL4J's own {@code instantiate} does.
 */
final class LayerSubstitution {
    private LayerSubstitution() {
    }

    /**
     * Copies every setting a feed-forward layer configuration holds (those of Layer, BaseLayer and
     * FeedForwardLayer); list-valued settings are copied, not shared. Subclass settings (bias, layer norm, loss)
     * are the caller's.
     */
    static <T extends FeedForwardLayer> T copySettings(FeedForwardLayer from, T to) {
        to.setLayerName(from.getLayerName());
        to.setIDropout(from.getIDropout());
        to.setConstraints(copyOf(from.getConstraints()));
        to.setActivationFn(from.getActivationFn());
        to.setWeightInitFn(from.getWeightInitFn());
        to.setBiasInit(from.getBiasInit());
        to.setGainInit(from.getGainInit());
        to.setRegularization(copyOf(from.getRegularization()));
        to.setRegularizationBias(copyOf(from.getRegularizationBias()));
        to.setIUpdater(from.getIUpdater());
        to.setBiasUpdater(from.getBiasUpdater());
        to.setWeightNoise(from.getWeightNoise());
        to.setGradientNormalization(from.getGradientNormalization());
        to.setGradientNormalizationThreshold(from.getGradientNormalizationThreshold());
        to.setNIn(from.getNIn());
        to.setNOut(from.getNOut());
        to.setTimeDistributedFormat(from.getTimeDistributedFormat());
        return to;
    }

    private static <E> List<E> copyOf(List<E> list) {
        return list == null ? null : new ArrayList<>(list);
    }

    /**
     * Mirrors DL4J's {@code instantiate} of a dense or output layer, with {@code implementation} creating our
     * implementation class: checks nIn and nOut, then wires listeners, index and parameters (initialised by the
     * configuration's own initializer).
     */
    static <L extends Layer> L instantiate(FeedForwardLayer config, String layerType,
                                           BiFunction<NeuralNetConfiguration, DataType, L> implementation,
                                           NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                                           int layerIndex, INDArray layerParamsView, boolean initializeParams,
                                           DataType networkDataType) {
        LayerValidation.assertNInNOutSet(layerType, config.getLayerName(), layerIndex, config.getNIn(),
                config.getNOut());
        L layer = implementation.apply(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = config.initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }
}
