package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInitXavierUniform;
import org.encore.model.Activation;
import org.encore.model.Architecture;
import org.encore.model.LayerSpec;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.Presets;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkFactoryTest {
    private static final int WIDTH = 300;

    private static BaseLayer layer(MultiLayerConfiguration conf, int i) {
        return (BaseLayer) conf.getConf(i).getLayer();
    }

    /** DL4J retain probability on layer i's input, or null for no dropout. */
    private static Double retain(MultiLayerConfiguration conf, int i) {
        IDropout dropout = layer(conf, i).getIDropout();
        return dropout == null ? null : ((Dropout) dropout).getP();
    }

    @Test
    void eachPresetBuildsWithTheParameterCountOfTheFormula() {
        for (ModelSpec preset : Presets.all()) {
            int users = 10;
            MultiLayerNetwork network = NetworkFactory.build(preset, WIDTH, users);
            // CDAE's user nodes (units per training user) depend on the plan, not on the spec the estimate reads
            long userNodes = preset.architecture() instanceof Architecture.Cdae cdae ? (long) users * cdae.units() : 0;
            assertEquals(MemoryEstimate.of(preset, WIDTH).parameters() + userNodes, network.numParams(), preset.name());
            long dense = preset.architecture().layers().stream().filter(l -> l instanceof LayerSpec.Dense).count();
            assertEquals(dense + 1, network.getnLayers(), preset.name());
            assertEquals(DataType.FLOAT, network.params().dataType());
        }
    }

    @Test
    void kerasDropoutBecomesRetainProbabilityOnTheFollowingLayersInput() {
        // model1: Dense1024, Dense512 sigmoid, Dropout .5, coding Dense512, Dropout .5, Dense512, output
        MultiLayerConfiguration m1 = NetworkFactory.configuration(Presets.model1(), WIDTH);
        assertNull(retain(m1, 0));
        assertNull(retain(m1, 1));
        assertEquals(0.5, retain(m1, 2));   // the coding layer reads the dropped-out layer-2 output
        assertEquals(0.5, retain(m1, 3));   // the decoder reads the dropped-out coding
        assertNull(retain(m1, 4));
        assertEquals("coding", layer(m1, 2).getLayerName());

        // model3: a single dropout after the coding layer
        MultiLayerConfiguration m3 = NetworkFactory.configuration(Presets.model3(), WIDTH);
        assertNull(retain(m3, 2));
        assertEquals(0.5, retain(m3, 3));

        // rate 0.2 -> retain 0.8; a dropout just before the output goes on the output layer; consecutive ones multiply
        ModelSpec custom = Presets.model4().toBuilder().layers(List.of(LayerSpec.dropout(0.2), LayerSpec.dense(16, Activation.SELU),
                LayerSpec.dropout(0.5), LayerSpec.dropout(0.5), LayerSpec.dense(8, Activation.SELU), LayerSpec.dropout(0.3))).build();
        MultiLayerConfiguration c = NetworkFactory.configuration(custom, WIDTH);
        assertEquals(0.8, retain(c, 0), 1e-12);
        assertEquals(0.25, retain(c, 1), 1e-12);
        assertEquals(0.7, retain(c, 2), 1e-12);
        assertInstanceOf(OutputLayer.class, layer(c, 2));
    }

    @Test
    void layersFollowKerasSemantics() {
        MultiLayerConfiguration m1 = NetworkFactory.configuration(Presets.model1(), WIDTH);
        assertEquals(5, m1.getConfs().size());
        long[][] shapes = {{WIDTH, 1024}, {1024, 512}, {512, 512}, {512, 512}, {512, WIDTH}};
        for (int i = 0; i < shapes.length; i++) {
            BaseLayer l = layer(m1, i);
            assertEquals(shapes[i][0], ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) l).getNIn());
            assertEquals(shapes[i][1], ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) l).getNOut());
            assertInstanceOf(WeightInitXavierUniform.class, l.getWeightInitFn(), "Glorot uniform");
            assertEquals(0.0, l.getBiasInit(), "zero biases");
            Adam adam = assertInstanceOf(Adam.class, l.getIUpdater());
            assertEquals(1e-4, adam.getLearningRate());
            assertEquals(1e-7, adam.getEpsilon());
        }
        assertInstanceOf(DenseLayer.class, layer(m1, 0));
        assertInstanceOf(ActivationSELU.class, layer(m1, 0).getActivationFn());
        assertInstanceOf(ActivationSigmoid.class, layer(m1, 1).getActivationFn());
        OutputLayer output = assertInstanceOf(OutputLayer.class, layer(m1, 4));
        assertInstanceOf(ActivationIdentity.class, output.getActivationFn(), "linear output");
        assertInstanceOf(LossMSE.class, output.getLossFn());
        assertEquals(WorkspaceMode.ENABLED, m1.getTrainingWorkspaceMode());
        assertEquals(DataType.FLOAT, m1.getDataType());
        assertEquals(42, m1.getConf(0).getSeed());
    }

    @Test
    void initialWeightsAreGlorotUniformAndBiasesZero() {
        MultiLayerNetwork network = NetworkFactory.build(Presets.model4(), WIDTH);
        INDArray w = network.getLayer(0).getParam("W");
        double limit = Math.sqrt(6.0 / (WIDTH + 1024));
        assertTrue(w.maxNumber().doubleValue() <= limit && w.minNumber().doubleValue() >= -limit);
        // uniform on [-limit, limit] has standard deviation limit / sqrt(3)
        assertEquals(limit / Math.sqrt(3), w.stdNumber().doubleValue(), limit * 0.02);
        assertEquals(0.0, network.getLayer(0).getParam("b").amaxNumber().doubleValue());
    }

    @Test
    void optimizersMapToTheirDl4jUpdaters() {
        ModelSpec sgd = Presets.model4().withTraining(t -> t.optimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.05, 0.9)));
        Nesterovs nesterovs = assertInstanceOf(Nesterovs.class, layer(NetworkFactory.configuration(sgd, WIDTH), 0).getIUpdater());
        assertEquals(0.05, nesterovs.getLearningRate());
        assertEquals(0.9, nesterovs.getMomentum());
        ModelSpec rms = Presets.model4().withTraining(t -> t.optimizer(new OptimizerSpec(OptimizerSpec.Type.RMSPROP, 0.002, 0)));
        RmsProp rmsProp = assertInstanceOf(RmsProp.class, layer(NetworkFactory.configuration(rms, WIDTH), 0).getIUpdater());
        assertEquals(0.002, rmsProp.getLearningRate());
        assertEquals(0.9, rmsProp.getRmsDecay());
    }

    @Test
    void anInvalidSpecIsNotBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NetworkFactory.build(Presets.model1().withTraining(t -> t.batchSize(0)), WIDTH));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
    }
}
