package org.encore.training.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.model.Architecture;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.sparse.SingleProductOutputLayerImpl;
import org.encore.training.dl4j.sparse.SparseInputDenseLayerImpl;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Networks built with Encore's optimized layers train like the plain DL4J networks, step for step. */
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

    @Test
    void multVaeGetsTheOptimizedLayersAndTrainsLikePlainDl4jWhenNothingIsDropped() {
        Architecture.Vae preset = (Architecture.Vae) Presets.multVae().architecture();
        ModelSpec spec = Presets.multVae().toBuilder().architecture(new Architecture.Vae(List.of(60), 20, List.of(60),
                preset.activation(), 0, preset.betaCap(), 10)).build();
        MultiLayerNetwork plain = NetworkFactory.build(spec, WIDTH, 40, false);
        MultiLayerNetwork optimized = NetworkFactory.build(spec, WIDTH, 40, true);
        assertInstanceOf(SparseInputDenseLayerImpl.class, optimized.getLayer(0));
        assertInstanceOf(SingleProductOutputLayerImpl.class, optimized.getOutputLayer());
        assertEquals(plain.params(), optimized.params(), "identical Glorot initialisation");
        for (int step = 0; step < 4; step++) {
            INDArray x = ratingRows(step, 40);
            plain.fit(x, x);
            optimized.fit(x, x);
            assertEquals(plain.score(), optimized.score(), 1e-4 * Math.abs(plain.score()), "loss of step " + step);
        }
        INDArray probe = ratingRows(99, 10);
        assertTrue(relativeDifference(plain.output(probe), optimized.output(probe)) < 1e-4, "same predictions");
    }

    @Test
    void theInputDropoutOfTheFieldsKindsRunsOnTheSparsePath() {
        MultiLayerNetwork vae = NetworkFactory.build(Presets.multVae(), WIDTH, 40, true);
        INDArray x = ratingRows(3, 40);
        vae.fit(x, x);
        assertTrue(((SparseInputDenseLayerImpl) vae.getLayer(0)).sparseForwardPasses() > 0, "Mult-VAE's dropout 0.5");
        assertTrue(Double.isFinite(vae.score()));
        MultiLayerNetwork dae = NetworkFactory.build(Presets.multDae(), WIDTH, 40, true);
        dae.fit(x, x);
        assertTrue(((SparseInputDenseLayerImpl) dae.getLayer(0)).sparseForwardPasses() > 0, "Mult-DAE's dropout 0.5");
        assertInstanceOf(SingleProductOutputLayerImpl.class,
                NetworkFactory.build(Presets.cdae(), WIDTH, 40, true).getOutputLayer(), "CDAE's output layer");
    }
}
