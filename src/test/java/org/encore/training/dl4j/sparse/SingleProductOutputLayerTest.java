package org.encore.training.dl4j.sparse;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SingleProductOutputLayerTest {
    private static final int WIDTH = 300;

    private static MultiLayerNetwork network(boolean singleProduct) {
        OutputLayer output = new OutputLayer.Builder().lossFunction(new LossMSE()).activation(Activation.IDENTITY)
                .nIn(32).nOut(WIDTH).dropOut(0.5).build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(11).weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(1e-3)).dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(WIDTH).nOut(32).activation(Activation.SELU).build())
                .layer(singleProduct ? SingleProductOutputLayer.of(output) : output)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static INDArray batch(long seed) {
        java.util.Random random = new java.util.Random(seed);
        float[][] rows = new float[16][WIDTH];
        for (float[] row : rows) {
            for (int c = 0; c < WIDTH; c++) {
                row[c] = random.nextDouble() < 0.1 ? (1 + random.nextInt(10)) / 10f : 0f;
            }
        }
        return Nd4j.create(rows);
    }

    @Test
    void trainingScoreComesFromTheBackwardPassAndEqualsDl4js() {
        MultiLayerNetwork plain = network(false);
        MultiLayerNetwork single = network(true);
        assertEquals(plain.params(), single.params());
        INDArray x = batch(1);
        for (MultiLayerNetwork n : new MultiLayerNetwork[]{plain, single}) {
            n.setInput(x);
            n.setLabels(x);
            Nd4j.getRandom().setSeed(5); // same dropout mask in both
            n.computeGradientAndScore();
        }
        SingleProductOutputLayerImpl out = assertInstanceOf(SingleProductOutputLayerImpl.class, single.getOutputLayer());
        assertEquals(1, out.reusedScores());
        assertEquals(plain.score(), single.score(), 1e-6 * plain.score());
        assertEquals(plain.gradient().gradient(), single.gradient().gradient());
    }

    @Test
    void trainingMatchesDl4jOverSeveralAdamSteps() {
        MultiLayerNetwork plain = network(false);
        MultiLayerNetwork single = network(true);
        for (int step = 0; step < 4; step++) {
            INDArray x = batch(10 + step);
            Nd4j.getRandom().setSeed(100 + step);
            plain.fit(new DataSet(x, x));
            Nd4j.getRandom().setSeed(100 + step);
            single.fit(new DataSet(x, x));
            assertEquals(plain.score(), single.score(), 1e-6 * plain.score());
        }
        assertEquals(plain.params(), single.params());
        assertEquals(4, ((SingleProductOutputLayerImpl) single.getOutputLayer()).reusedScores());
    }

    @Test
    void scoringWithoutABackwardPassUsesDl4jsOwnPath() {
        MultiLayerNetwork plain = network(false);
        MultiLayerNetwork single = network(true);
        INDArray x = batch(3);
        Nd4j.getRandom().setSeed(9);
        single.fit(new DataSet(x, x));
        Nd4j.getRandom().setSeed(9);
        plain.fit(new DataSet(x, x));
        INDArray y = batch(4);
        double expected = plain.score(new DataSet(y, y));
        double actual = single.score(new DataSet(y, y));
        assertEquals(expected, actual, 1e-6 * expected);
        assertTrue(actual > 0);
        assertEquals(1, ((SingleProductOutputLayerImpl) single.getOutputLayer()).reusedScores());
    }

    @Test
    void maskedMseComputedInPlaceEqualsDl4jsScoreAndGradient() {
        MultiLayerNetwork plain = network(false);
        MultiLayerNetwork single = network(true);
        INDArray x = batch(21);
        INDArray mask = x.neq(0).castTo(DataType.FLOAT);
        for (MultiLayerNetwork n : new MultiLayerNetwork[]{plain, single}) {
            n.setInput(x);
            n.setLabels(x);
            n.setLayerMaskArrays(null, mask);
            Nd4j.getRandom().setSeed(6);
            n.computeGradientAndScore();
        }
        assertEquals(plain.score(), single.score(), 1e-6 * plain.score());
        assertTrue(single.score() > 0);
        assertEquals(plain.gradient().gradient(), single.gradient().gradient());
    }

    @Test
    void trainingOutputListenerReceivesTheOutputOfEachStepBeforeTheUpdate() {
        OutputLayer output = new OutputLayer.Builder().lossFunction(new LossMSE()).activation(Activation.IDENTITY)
                .nIn(32).nOut(WIDTH).build();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
                .seed(12).weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(1e-2)).dataType(DataType.FLOAT)
                .list()
                .layer(new DenseLayer.Builder().nIn(WIDTH).nOut(32).activation(Activation.SELU).build())
                .layer(SingleProductOutputLayer.of(output))
                .build());
        net.init();
        INDArray x = batch(31);
        INDArray expected = net.output(x, false).dup();
        java.util.List<float[][]> seen = new java.util.ArrayList<>();
        SingleProductOutputLayerImpl layer = (SingleProductOutputLayerImpl) net.getOutputLayer();
        layer.onTrainingOutput(o -> seen.add(o.toFloatMatrix())); // a host copy: o lives in DL4J's workspace
        net.fit(new DataSet(x, x));
        assertEquals(1, seen.size());
        assertEquals(expected, Nd4j.create(seen.get(0)));
        // the step changed the weights after reporting: the next inference output differs
        assertTrue(net.output(x, false).distance2(expected) > 0);
        layer.onTrainingOutput(null);
        net.fit(new DataSet(x, x));
        assertEquals(1, seen.size());
    }

    /** The forward product by one GEMM into the workspace array (not DL4J's mmuli into a copy) gives DL4J's outputs. */
    @Test
    void inferenceOutputsEqualDl4jsWithTrainedWeightsAndBias() {
        MultiLayerNetwork plain = network(false);
        MultiLayerNetwork single = network(true);
        for (int step = 0; step < 3; step++) {
            INDArray x = batch(20 + step);
            Nd4j.getRandom().setSeed(40 + step);
            plain.fit(x, x);
            Nd4j.getRandom().setSeed(40 + step);
            single.fit(x, x);
        }
        INDArray bias = single.getOutputLayer().getParam("b");
        assertTrue(bias.norm1Number().doubleValue() > 0, "the steps moved the bias");
        INDArray x = batch(30);
        INDArray expected = plain.output(x, false);
        INDArray actual = single.output(x, false);
        assertEquals(0, expected.sub(actual).amaxNumber().doubleValue(), 1e-5);
        assertEquals(expected.shape()[1], actual.shape()[1]);
    }
}
