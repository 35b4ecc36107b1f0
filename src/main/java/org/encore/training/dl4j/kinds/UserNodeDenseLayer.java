package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * Configuration of CDAE's first layer (Wu et al. 2016, "Collaborative Denoising Auto-Encoders for Top-N Recommender
 * Systems"): h = f(corrupt(x) W + b + V_u), the dense layer over the user's (corrupted) row plus a learnt vector V_u
 * per training user, the "user input node".
 * <p>
 * Input layout: each input row has {@code nIn + 1} columns, the nIn movie values followed by the user's index among
 * the training users (0 .. users - 1), stored as a number; -1 means "no user node" (V_u = 0). The layer's input dropout
 * (the denoising corruption) applies to the movie columns only. The output layer's labels have nIn columns.
 * <p>
 * A user the model was not trained on has no node: strong generalisation folds a held-out user in with index -1, a
 * zero user node, so the prediction comes from the fed-in ratings alone (Wu et al.'s model cannot represent new users
 * otherwise). This must be the network's first layer (it returns no gradient for its input).
 */
public class UserNodeDenseLayer extends DenseLayer {
    private long users;

    /** For Jackson and {@link #clone()}; use {@link #of(DenseLayer, long)}. */
    public UserNodeDenseLayer() {
        super();
    }

    /** A copy of a configured dense layer ({@code nIn} = the movie count) with a node for each of {@code users} users. */
    public static UserNodeDenseLayer of(DenseLayer dense, long users) {
        if (users < 1) {
            throw new IllegalArgumentException("CDAE needs at least one training user for its user nodes, got " + users);
        }
        UserNodeDenseLayer layer = new UserNodeDenseLayer();
        layer.setLayerName(dense.getLayerName());
        layer.setIDropout(dense.getIDropout());
        layer.setActivationFn(dense.getActivationFn());
        layer.setWeightInitFn(dense.getWeightInitFn());
        layer.setBiasInit(dense.getBiasInit());
        layer.setRegularization(dense.getRegularization());
        layer.setRegularizationBias(dense.getRegularizationBias());
        layer.setIUpdater(dense.getIUpdater());
        layer.setBiasUpdater(dense.getBiasUpdater());
        layer.setNIn(dense.getNIn());
        layer.setNOut(dense.getNOut());
        layer.setHasBias(true);
        layer.setHasLayerNorm(false);
        layer.users = users;
        return layer;
    }

    /** Number of user nodes (training users). */
    public long getUsers() {
        return users;
    }

    public void setUsers(long users) {
        this.users = users;
    }

    @Override
    public ParamInitializer initializer() {
        return UserNodeParamInitializer.getInstance();
    }

    @Override
    public Layer instantiate(NeuralNetConfiguration conf, Collection<TrainingListener> trainingListeners,
                             int layerIndex, INDArray layerParamsView, boolean initializeParams,
                             DataType networkDataType) {
        LayerValidation.assertNInNOutSet("UserNodeDenseLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        if (layerIndex != 0) {
            throw new IllegalStateException("UserNodeDenseLayer reads the user index from the network input: it must be layer 0, not " + layerIndex);
        }
        UserNodeDenseLayerImpl layer = new UserNodeDenseLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> paramTable = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(paramTable);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public UserNodeDenseLayer clone() {
        return (UserNodeDenseLayer) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserNodeDenseLayer other && super.equals(o) && users == other.users;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), users);
    }
}
