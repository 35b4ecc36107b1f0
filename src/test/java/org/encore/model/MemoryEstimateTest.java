package org.encore.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryEstimateTest {

    /** Dense layers in order: weights in x out plus out biases, then the output Dense(width). */
    private static long formula(int width, int... hidden) {
        long total = 0;
        long in = width;
        for (int units : hidden) {
            total += in * units + units;
            in = units;
        }
        return total + in * width + width;
    }

    @Test
    void model1HasAbout16MillionParametersOnMlLatestSmallAnd135Point7MillionOnMl32m() {
        MemoryEstimate small = MemoryEstimate.of(Presets.model1(), 9_742);
        assertEquals(formula(9_742, 1024, 512, 512, 512), small.parameters());
        assertEquals(16_024_590, small.parameters());
        MemoryEstimate large = MemoryEstimate.of(Presets.model1(), 87_585);
        assertEquals(135_669_281, large.parameters());
        assertEquals(135.7, large.parameters() / 1e6, 0.05);
        // the reference's figures: 543 MB of float32 weights, about 2.2 GB with Adam's two moments and the gradient
        assertEquals(543, large.weightBytes() / 1e6, 0.5);
        assertEquals(2.2, (large.weightBytes() + large.optimizerBytes()) / 1e9, 0.05);
    }

    @Test
    void everyPresetCountsItsParametersByTheFormula() {
        int width = 500;
        assertEquals(formula(width, 1024, 512, 512, 512), MemoryEstimate.of(Presets.model1(), width).parameters());
        assertEquals(formula(width, 1024, 512, 384, 512), MemoryEstimate.of(Presets.model2(), width).parameters());
        assertEquals(formula(width, 1024, 512, 384, 512), MemoryEstimate.of(Presets.model3(), width).parameters());
        assertEquals(formula(width, 1024, 512, 64, 512), MemoryEstimate.of(Presets.model4(), width).parameters());
    }

    @Test
    void optimizerStateDependsOnTheOptimizer() {
        ModelSpec spec = Presets.model4();
        MemoryEstimate adam = MemoryEstimate.of(spec, 1000);
        MemoryEstimate rms = MemoryEstimate.of(spec.withTraining(t -> t.optimizer(new OptimizerSpec(OptimizerSpec.Type.RMSPROP, 1e-3, 0))), 1000);
        MemoryEstimate momentum = MemoryEstimate.of(spec.withTraining(t -> t.optimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 1e-3, 0.9))), 1000);
        MemoryEstimate plainSgd = MemoryEstimate.of(spec.withTraining(t -> t.optimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 1e-3, 0))), 1000);
        assertEquals(3 * adam.weightBytes(), adam.optimizerBytes());
        assertEquals(2 * rms.weightBytes(), rms.optimizerBytes());
        assertEquals(2 * momentum.weightBytes(), momentum.optimizerBytes());
        assertEquals(plainSgd.weightBytes(), plainSgd.optimizerBytes());
        assertEquals(4 * adam.parameters(), adam.weightBytes());
    }

    @Test
    void activationsAndBatchGrowWithTheBatchSize() {
        MemoryEstimate b256 = MemoryEstimate.of(Presets.model2(), 9_742);
        MemoryEstimate b512 = MemoryEstimate.of(Presets.model2().withTraining(t -> t.batchSize(512)), 9_742);
        assertEquals(2 * b256.activationBytes(), b512.activationBytes());
        assertEquals(2 * b256.batchBytes(), b512.batchBytes());
        // the densified batch: at least the input rows in float32
        assertTrue(b256.batchBytes() >= 256L * 9_742 * 4);
        assertEquals(b256.weightBytes() + b256.optimizerBytes() + b256.activationBytes() + b256.batchBytes(), b256.totalBytes());
        assertTrue(b256.describe().contains("parameters"));
    }
}
