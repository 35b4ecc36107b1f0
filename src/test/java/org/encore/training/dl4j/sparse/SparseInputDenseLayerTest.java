package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.Arrays;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SparseInputDenseLayerTest {
    private static final int WIDTH = 400;
    private static final int BATCH = 24;

    /** An autoencoder like Model 1 in miniature; {@code first} decides the class of layer 0. */
    private static MultiLayerNetwork network(UnaryOperator<Layer> first, double inputDropoutRetain) {
        DenseLayer.Builder firstBuilder = new DenseLayer.Builder().nIn(WIDTH).nOut(45).activation(Activation.SELU);
        if (inputDropoutRetain > 0) {
            firstBuilder.dropOut(inputDropoutRetain);
        }
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7).weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(1e-3)).dataType(DataType.FLOAT)
                .list()
                .layer(first.apply(firstBuilder.build()))
                .layer(new DenseLayer.Builder().nIn(45).nOut(24).activation(Activation.SIGMOID).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(24).nOut(WIDTH)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static MultiLayerNetwork dense() {
        return network(l -> l, 0);
    }

    private static MultiLayerNetwork sparse() {
        return network(l -> SparseInputDenseLayer.of((DenseLayer) l), 0);
    }

    /** Rows about 4% non-zero with ratings/5 values, as the trainer feeds them. */
    private static INDArray sparseBatch(long seed, int rows) {
        float[][] data = TinyData.scaledRatingRows(seed, rows, WIDTH, 0.04);
        data[rows - 1] = new float[WIDTH]; // an empty row must work too
        return Nd4j.create(data);
    }

    private static void assertClose(INDArray expected, INDArray actual, double tolerance, String what) {
        assertEquals(expected.length(), actual.length(), what + " length");
        INDArray e = expected.castTo(DataType.DOUBLE).reshape(expected.length());
        INDArray a = actual.castTo(DataType.DOUBLE).reshape(actual.length());
        double scale = Math.max(1e-3, e.amaxNumber().doubleValue());
        double worst = e.sub(a).amaxNumber().doubleValue() / scale;
        assertTrue(worst <= tolerance, what + ": max difference " + worst + " of the largest value exceeds " + tolerance);
    }

    @Test
    void sparseLayerIsBuiltWithTheDenseLayersParametersAndInitialisation() {
        MultiLayerNetwork d = dense();
        MultiLayerNetwork s = sparse();
        assertInstanceOf(SparseInputDenseLayerImpl.class, s.getLayer(0));
        assertEquals(d.numParams(), s.numParams());
        assertEquals(d.params(), s.params(), "same seed must give identical Glorot weights and zero biases");
        assertEquals(d.getLayer(0).paramTable().keySet(), s.getLayer(0).paramTable().keySet());
        assertEquals('f', s.getLayer(0).getParam("W").ordering());
    }

    @Test
    void forwardPassMatchesTheDenseLayer() {
        MultiLayerNetwork d = dense();
        MultiLayerNetwork s = sparse();
        INDArray x = sparseBatch(1, BATCH);
        assertClose(d.output(x), s.output(x), 1e-5, "network output");
        assertClose(d.feedForward(x, true).get(1), s.feedForward(x, true).get(1), 1e-5, "first layer activations");
        assertEquals(2, ((SparseInputDenseLayerImpl) s.getLayer(0)).sparseForwardPasses());
    }

    @Test
    void bothForwardKernelsSumEachCellOverTheRowsNonZerosInColumnOrderBitForBit() {
        MultiLayerNetwork s = network(l -> {
            DenseLayer dense = (DenseLayer) l;
            dense.setActivationFn(new ActivationIdentity());
            return SparseInputDenseLayer.of(dense);
        }, 0);
        SparseInputDenseLayerImpl first = (SparseInputDenseLayerImpl) s.getLayer(0);
        first.getParam("b").assign(Nd4j.rand(DataType.FLOAT, 1, 45).subi(0.5));
        float[][] x = sparseBatch(8, BATCH).toFloatMatrix();
        float[][] w = first.getParam("W").toFloatMatrix();
        float[] b = first.getParam("b").toFloatVector();
        float[] expected = new float[BATCH * 45];
        for (int r = 0; r < BATCH; r++) {
            for (int k = 0; k < 45; k++) {
                float sum = 0;
                for (int c = 0; c < WIDTH; c++) {
                    if (x[r][c] != 0f) {
                        sum += x[r][c] * w[c][k];
                    }
                }
                expected[r * 45 + k] = sum + b[k];
            }
        }
        assertArrayEquals(expected, first.preOutputRowMajor(Nd4j.create(x), false), 0f, "weights copied input-major");
        assertArrayEquals(expected, first.preOutputRowMajor(Nd4j.create(x), true), 0f, "weights read in place");
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        first.setInput(Nd4j.create(x), noWorkspaces);
        assertArrayEquals(expected, first.activate(false, noWorkspaces).data().asFloat(), 0f, "the layer's output");
    }

    @Test
    void gradientsAndScoreMatchTheDenseLayer() {
        MultiLayerNetwork d = dense();
        MultiLayerNetwork s = sparse();
        INDArray x = sparseBatch(2, BATCH);
        d.setInput(x);
        d.setLabels(x);
        s.setInput(x);
        s.setLabels(x);
        d.computeGradientAndScore();
        s.computeGradientAndScore();
        assertEquals(d.score(), s.score(), 1e-6 * Math.abs(d.score()));
        Gradient gd = d.gradient();
        Gradient gs = s.gradient();
        for (String key : new String[]{"0_W", "0_b", "1_W", "1_b", "2_W", "2_b"}) {
            assertClose(gd.getGradientFor(key), gs.getGradientFor(key), 1e-5, "gradient " + key);
        }
        assertTrue(gs.getGradientFor("0_W").norm2Number().doubleValue() > 0, "first layer gradient must not be zero");
    }

    @Test
    void adamStepsStayWithTheDenseLayer() {
        MultiLayerNetwork d = dense();
        MultiLayerNetwork s = sparse();
        for (int step = 0; step < 5; step++) {
            INDArray x = sparseBatch(10 + step, BATCH);
            d.fit(new DataSet(x, x));
            s.fit(new DataSet(x, x));
        }
        assertClose(d.params(), s.params(), 1e-4, "parameters after 5 Adam steps");
        INDArray x = sparseBatch(99, BATCH);
        assertClose(d.output(x), s.output(x), 1e-4, "output after 5 Adam steps");
        assertFalse(d.params().equals(dense().params()), "training must have moved the weights");
    }

    @Test
    void inputDropoutKeepsEachNonZeroWithTheRetainProbabilityScaledBackAndReproducibly() {
        SparseRows rows = SparseRows.of(Nd4j.create(TinyData.scaledRatingRows(4, 400, WIDTH, 0.05)));
        SparseRows dropped = rows.droppedOut(0.5f, 11);
        int kept = 0;
        for (int p = 0; p < rows.nonZeros(); p++) {
            float v = dropped.values[p];
            assertTrue(v == 0f || Math.abs(v - 2 * rows.values[p]) < 1e-6, "kept values are scaled by 1/0.5: " + v);
            kept += v != 0f ? 1 : 0;
        }
        double share = (double) kept / rows.nonZeros();
        double sd = Math.sqrt(0.25 / rows.nonZeros());
        assertTrue(Math.abs(share - 0.5) < 5 * sd, "kept " + share + " of " + rows.nonZeros() + " non-zeros");
        assertArrayEquals(dropped.values, rows.droppedOut(0.5f, 11).values, "the same seed, the same mask");
        assertFalse(Arrays.equals(dropped.values, rows.droppedOut(0.5f, 12).values), "another seed, another mask");
    }

    @Test
    void inputDropoutStaysOnTheSparsePathWithOneMaskForTheForwardPassAndTheWeightGradient() {
        MultiLayerNetwork s = network(l -> {
            DenseLayer dense = (DenseLayer) l;
            dense.setActivationFn(new ActivationIdentity());
            return SparseInputDenseLayer.of(dense);
        }, 0.5);
        s.initGradientsView();
        SparseInputDenseLayerImpl first = (SparseInputDenseLayerImpl) s.getLayer(0);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        INDArray x = sparseBatch(6, BATCH);
        first.setInput(x, noWorkspaces);
        INDArray z = first.activate(true, noWorkspaces).dup();
        assertEquals(1, first.sparseForwardPasses());
        INDArray dropped = Nd4j.create(first.lastTrainingRows().toDense(), new long[]{BATCH, WIDTH}, 'c');
        assertFalse(dropped.equals(x), "training drops inputs");
        INDArray w = first.getParam("W");
        assertClose(dropped.mmul(w).addRowVector(first.getParam("b")), z, 1e-5, "forward on the dropped input");
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, BATCH, 45);
        INDArray gradient = first.backpropGradient(epsilon, noWorkspaces).getFirst().getGradientFor("W");
        assertClose(dropped.transpose().mmul(epsilon), gradient, 1e-5, "weight gradient with the forward's mask");
        first.setInput(x, noWorkspaces);
        assertClose(x.mmul(w).addRowVector(first.getParam("b")), first.activate(false, noWorkspaces), 1e-5,
                "no dropout at inference");
    }

    @Test
    void asALaterLayerItStillPassesTheInputGradientDown() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(1e-3)).dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(WIDTH).nOut(32).activation(Activation.RELU).build())
                .layer(SparseInputDenseLayer.of(new DenseLayer.Builder().nIn(32).nOut(16).activation(Activation.TANH).build()))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(WIDTH)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork withSparse = new MultiLayerNetwork(conf);
        withSparse.init();
        MultiLayerConfiguration denseConf = new NeuralNetConfiguration.Builder()
                .seed(3).weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(1e-3)).dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(WIDTH).nOut(32).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(32).nOut(16).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(WIDTH)
                        .activation(Activation.IDENTITY).build())
                .build();
        MultiLayerNetwork plain = new MultiLayerNetwork(denseConf);
        plain.init();
        INDArray x = sparseBatch(4, BATCH);
        for (MultiLayerNetwork n : new MultiLayerNetwork[]{withSparse, plain}) {
            n.setInput(x);
            n.setLabels(x);
            n.computeGradientAndScore();
        }
        assertClose(plain.gradient().getGradientFor("0_W"), withSparse.gradient().getGradientFor("0_W"), 1e-5,
                "gradient of the dense layer below the sparse one");
    }

    @Test
    void firstLayerReturnsNoInputGradient() {
        MultiLayerNetwork s = sparse();
        s.initGradientsView();
        org.deeplearning4j.nn.api.Layer first = s.getLayer(0);
        LayerWorkspaceMgr noWorkspaces = LayerWorkspaceMgr.noWorkspaces();
        first.setInput(sparseBatch(5, BATCH), noWorkspaces);
        first.activate(true, noWorkspaces);
        var result = first.backpropGradient(Nd4j.ones(DataType.FLOAT, BATCH, 45), noWorkspaces);
        assertNull(result.getSecond());
        assertTrue(result.getFirst().getGradientFor("W").norm2Number().doubleValue() > 0);
    }
}
