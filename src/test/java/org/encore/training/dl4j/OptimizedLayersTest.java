package org.encore.training.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.sparse.SingleProductOutputLayerImpl;
import org.encore.training.dl4j.sparse.SparseInputDenseLayerImpl;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Model 1 built with Encore's optimized layers trains like the plain DL4J network, step for step. */
class OptimizedLayersTest {
    private static final int WIDTH = 700;

    private static INDArray ratingRows(long seed, int rows) {
        return Nd4j.create(TinyData.scaledRatingRows(seed, rows, WIDTH, 0.016));
    }

    private static double relativeDifference(INDArray expected, INDArray actual) {
        return expected.sub(actual).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }

    @Test
    void model1WithOptimizedLayersMatchesPlainDl4jOverAdamSteps() {
        ModelSpec spec = Presets.model1();
        MultiLayerNetwork plain = NetworkFactory.build(spec, WIDTH, false);
        MultiLayerNetwork optimized = NetworkFactory.build(spec, WIDTH, true);
        assertInstanceOf(SparseInputDenseLayerImpl.class, optimized.getLayer(0));
        assertInstanceOf(SingleProductOutputLayerImpl.class, optimized.getOutputLayer());
        assertEquals(plain.params(), optimized.params(), "identical Glorot initialisation");
        INDArray start = plain.params().dup();
        for (int step = 0; step < 4; step++) {
            INDArray x = ratingRows(step, 40);
            Nd4j.getRandom().setSeed(1000 + step); // the same dropout masks in both networks
            plain.fit(x, x);
            Nd4j.getRandom().setSeed(1000 + step);
            optimized.fit(x, x);
            assertEquals(plain.score(), optimized.score(), 1e-5 * plain.score(), "loss of step " + step);
        }
        assertTrue(relativeDifference(plain.params().sub(start), optimized.params().sub(start)) < 1e-3,
                "the updates of both networks agree");
        INDArray probe = ratingRows(99, 10);
        assertTrue(relativeDifference(plain.output(probe), optimized.output(probe)) < 1e-5, "same predictions");
        assertEquals(DataType.FLOAT, optimized.params().dataType());
    }
}
