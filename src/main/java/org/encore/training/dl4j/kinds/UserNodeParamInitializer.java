package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of {@link UserNodeDenseLayer}: DL4J's dense "W" [nIn, nOut] and "b" [1, nOut], laid out and initialised
 * exactly as {@link DefaultParamInitializer} does, followed by the user nodes "U" [users, nOut] (row-major, one row per
 * training user, initialised to zero). "U" counts as a weight, so the layer's L2 penalty applies to it (Wu et al.
 * regularise the user nodes with the weights).
 */
public class UserNodeParamInitializer extends DefaultParamInitializer {
    public static final String USER_KEY = "U";
    private static final UserNodeParamInitializer INSTANCE = new UserNodeParamInitializer();

    public static UserNodeParamInitializer getInstance() {
        return INSTANCE;
    }

    @Override
    public long numParams(NeuralNetConfiguration conf) {
        return numParams(conf.getLayer());
    }

    @Override
    public long numParams(Layer layer) {
        UserNodeDenseLayer l = (UserNodeDenseLayer) layer;
        return l.getNIn() * l.getNOut() + l.getNOut() + l.getUsers() * l.getNOut();
    }

    @Override
    public List<String> paramKeys(Layer layer) {
        return List.of(WEIGHT_KEY, BIAS_KEY, USER_KEY);
    }

    @Override
    public List<String> weightKeys(Layer layer) {
        return List.of(WEIGHT_KEY, USER_KEY);
    }

    @Override
    public List<String> biasKeys(Layer layer) {
        return List.of(BIAS_KEY);
    }

    @Override
    public boolean isWeightParam(Layer layer, String key) {
        return WEIGHT_KEY.equals(key) || USER_KEY.equals(key);
    }

    @Override
    public boolean isBiasParam(Layer layer, String key) {
        return BIAS_KEY.equals(key);
    }

    @Override
    public Map<String, INDArray> init(NeuralNetConfiguration conf, INDArray paramsView, boolean initializeParams) {
        UserNodeDenseLayer layer = (UserNodeDenseLayer) conf.getLayer();
        checkLength(layer, paramsView);
        INDArray[] parts = split(layer, paramsView);
        Map<String, INDArray> params = new LinkedHashMap<>();
        params.put(WEIGHT_KEY, createWeightMatrix(layer.getNIn(), layer.getNOut(), layer.getWeightInitFn(), parts[0], initializeParams));
        params.put(BIAS_KEY, createBias(layer.getNOut(), layer.getBiasInit(), parts[1], initializeParams));
        INDArray users = parts[2].reshape('c', layer.getUsers(), layer.getNOut());
        if (initializeParams) {
            users.assign(0);
        }
        params.put(USER_KEY, users);
        conf.addVariable(WEIGHT_KEY);
        conf.addVariable(BIAS_KEY);
        conf.addVariable(USER_KEY);
        return params;
    }

    @Override
    public Map<String, INDArray> getGradientsFromFlattened(NeuralNetConfiguration conf, INDArray gradientView) {
        UserNodeDenseLayer layer = (UserNodeDenseLayer) conf.getLayer();
        checkLength(layer, gradientView);
        INDArray[] parts = split(layer, gradientView);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradients.put(WEIGHT_KEY, parts[0].reshape('f', layer.getNIn(), layer.getNOut()));
        gradients.put(BIAS_KEY, parts[1].reshape(1, layer.getNOut()));
        gradients.put(USER_KEY, parts[2].reshape('c', layer.getUsers(), layer.getNOut()));
        return gradients;
    }

    private void checkLength(UserNodeDenseLayer layer, INDArray view) {
        if (view.length() != numParams(layer)) {
            throw new IllegalStateException("UserNodeDenseLayer expects " + numParams(layer) + " parameters, got a view of " + view.length());
        }
    }

    private static INDArray[] split(UserNodeDenseLayer layer, INDArray view) {
        INDArray flat = view.reshape(view.length());
        long w = layer.getNIn() * layer.getNOut();
        long b = layer.getNOut();
        long u = layer.getUsers() * layer.getNOut();
        return new INDArray[]{
                flat.get(NDArrayIndex.interval(0, w)),
                flat.get(NDArrayIndex.interval(w, w + b)),
                flat.get(NDArrayIndex.interval(w + b, w + b + u))};
    }
}
