package org.encore.training.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.model.ModelSpec;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaAdamTest {
    private static double maxRelativeDifference(INDArray expected, INDArray actual) {
        double scale = Math.max(expected.amaxNumber().doubleValue(), 1e-30);
        return expected.sub(actual).amaxNumber().doubleValue() / scale;
    }

    /** Several steps over a vector that is not a whole number of chunks, with changing gradients, lr 1e-4 and 1e-2. */
    @Test
    void updatesAndStateEqualDl4jsAdamUpdaterOverSeveralSteps() {
        long n = 3L * JavaAdam.CHUNK + 1234;
        for (double lr : new double[]{1e-4, 1e-2}) {
            INDArray stateA = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
            INDArray stateB = Nd4j.zeros(DataType.FLOAT, 1, 2 * n);
            GradientUpdater<?> dl4j = new Adam(lr, 0.9, 0.999, 1e-7).instantiate(stateA, true);
            GradientUpdater<?> java = new JavaAdam(lr, 0.9, 0.999, 1e-7).instantiate(stateB, true);
            assertInstanceOf(JavaAdam.Updater.class, java);
            Nd4j.getRandom().setSeed(17);
            for (int iteration = 0; iteration < 6; iteration++) {
                INDArray gradient = Nd4j.rand(DataType.FLOAT, 1, n).subi(0.5).muli(Math.pow(10, -iteration));
                INDArray a = gradient.dup();
                INDArray b = gradient.dup();
                dl4j.applyUpdater(a, iteration, 0);
                java.applyUpdater(b, iteration, 0);
                assertTrue(maxRelativeDifference(a, b) <= 1e-5, "lr " + lr + " iteration " + iteration + ": " + maxRelativeDifference(a, b));
                assertTrue(b.amaxNumber().doubleValue() > 0);
            }
            assertTrue(maxRelativeDifference(stateA, stateB) <= 1e-5, "m and v");
        }
    }

    /** The network's own updater (the division by the batch, blocks per layer, the step) gives DL4J Adam's weights. */
    @Test
    void aNetworkTrainedWithItHasTheWeightsOfDl4jsAdam() {
        ModelSpec spec = TinyData.smallSpec();
        int width = 40;
        MultiLayerNetwork java = NetworkFactory.build(spec, width);
        MultiLayerNetwork dl4j = NetworkFactory.build(spec, width);
        dl4j.getLayerWiseConfigurations().getConfs().forEach(c -> {
            org.deeplearning4j.nn.conf.layers.BaseLayer layer = (org.deeplearning4j.nn.conf.layers.BaseLayer) c.getLayer();
            if (layer.getIUpdater() != null) {
                layer.setIUpdater(new Adam(spec.training().optimizer().learningRate(), NetworkFactory.ADAM_BETA1,
                        NetworkFactory.ADAM_BETA2, NetworkFactory.KERAS_EPSILON));
            }
        });
        dl4j.init(java.params().dup(), false);
        assertInstanceOf(JavaAdam.class, ((org.deeplearning4j.nn.conf.layers.BaseLayer) java.getLayerWiseConfigurations()
                .getConf(0).getLayer()).getIUpdater());
        float[][] rows = TinyData.scaledRatingRows(3, 16, width, 0.3);
        INDArray x = Nd4j.create(rows);
        for (int step = 0; step < 5; step++) {
            Nd4j.getRandom().setSeed(100 + step); // the same dropout masks
            java.fit(x, x);
            Nd4j.getRandom().setSeed(100 + step);
            dl4j.fit(x, x);
        }
        assertTrue(maxRelativeDifference(dl4j.params(), java.params()) <= 1e-5, "" + maxRelativeDifference(dl4j.params(), java.params()));
        assertEquals(dl4j.score(), java.score(), 1e-5 * dl4j.score());
    }
}
