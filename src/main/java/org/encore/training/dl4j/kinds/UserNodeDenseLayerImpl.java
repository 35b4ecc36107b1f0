package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Arrays;

/**
 * The computation of {@link UserNodeDenseLayer}: pre = x W + b + U[u], h = activation(pre), with x the first nIn input
 * columns (after the corruption while training) and u the last column (-1: no node). Backward: the activation's
 * delta gives dW = xᵀ delta, db = column sums of delta, and each row of delta is added to the gradient of its user's
 * node. As the first layer it returns no input gradient.
 */
public class UserNodeDenseLayerImpl extends BaseLayer<UserNodeDenseLayer> {
    private static final String WEIGHTS = DefaultParamInitializer.WEIGHT_KEY;
    private static final String BIAS = DefaultParamInitializer.BIAS_KEY;
    private static final String USERS = UserNodeParamInitializer.USER_KEY;

    /** The movie columns of the last training forward pass, corrupted as that pass saw them. */
    private INDArray trainingMovies;
    private int[] trainingUsers;

    public UserNodeDenseLayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(false);
        long movies = layerConf().getNIn();
        if (input.rank() != 2 || input.size(1) != movies + 1) {
            throw new IllegalArgumentException("CDAE input rows need " + movies + " movie columns and a user-index column, got shape "
                    + Arrays.toString(input.shape()));
        }
        INDArray x = input.get(NDArrayIndex.all(), NDArrayIndex.interval(0, movies));
        int[] users = userIndices(input.get(NDArrayIndex.all(), NDArrayIndex.point(movies)));
        IDropout dropout = layerConf().getIDropout();
        if (training && dropout != null) {
            INDArray result = workspaceMgr.createUninitialized(ArrayType.INPUT, x.dataType(), x.shape(), 'c');
            x = dropout.applyDropout(x.dup('c'), result, getIterationCount(), getEpochCount(), workspaceMgr);
        }
        if (training) {
            trainingMovies = x;
            trainingUsers = users;
        } else {
            trainingMovies = null;
            trainingUsers = null;
        }
        INDArray pre = preOutput(x, users, workspaceMgr, ArrayType.ACTIVATIONS);
        return layerConf().getActivationFn().getActivation(pre, training);
    }

    private INDArray preOutput(INDArray x, int[] users, LayerWorkspaceMgr workspaceMgr, ArrayType type) {
        INDArray w = getParam(WEIGHTS);
        INDArray pre = workspaceMgr.createUninitialized(type, w.dataType(), new long[]{x.size(0), w.size(1)}, 'f');
        x.castTo(w.dataType()).mmuli(w, pre);
        pre.addiRowVector(getParam(BIAS));
        INDArray nodes = getParam(USERS);
        for (int i = 0; i < users.length; i++) {
            if (users[i] >= 0) {
                pre.getRow(i).addi(nodes.getRow(users[i]));
            }
        }
        return pre;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        assertInputSet(true);
        if (trainingMovies == null || trainingMovies.size(0) != epsilon.size(0)) {
            throw new IllegalStateException("UserNodeDenseLayer: backpropGradient without a training forward pass");
        }
        INDArray pre = preOutput(trainingMovies, trainingUsers, workspaceMgr, ArrayType.BP_WORKING_MEM);
        INDArray delta = layerConf().getActivationFn().backprop(pre, epsilon).getFirst();

        Gradient gradient = new DefaultGradient();
        INDArray weightGrad = gradientViews.get(WEIGHTS);
        Nd4j.gemm(trainingMovies.castTo(weightGrad.dataType()), delta, weightGrad, true, false, 1.0, 0.0);
        gradient.gradientForVariable().put(WEIGHTS, weightGrad);
        INDArray biasGrad = gradientViews.get(BIAS);
        delta.sum(biasGrad, 0);
        gradient.gradientForVariable().put(BIAS, biasGrad);
        INDArray userGrad = gradientViews.get(USERS);
        userGrad.assign(0);
        for (int i = 0; i < trainingUsers.length; i++) {
            if (trainingUsers[i] >= 0) {
                userGrad.getRow(trainingUsers[i]).addi(delta.getRow(i));
            }
        }
        gradient.gradientForVariable().put(USERS, userGrad);
        return new Pair<>(gradient, null);
    }

    private int[] userIndices(INDArray column) {
        double[] values = column.toDoubleVector();
        long users = layerConf().getUsers();
        int[] indices = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || v < -1 || v >= users) {
                throw new IllegalArgumentException("CDAE input row " + i + ": user index " + v + " is not a whole number in -1 .. "
                        + (users - 1) + " (-1 = no user node)");
            }
            indices[i] = (int) v;
        }
        return indices;
    }

    @Override
    public void clear() {
        super.clear();
        trainingMovies = null;
        trainingUsers = null;
    }
}
