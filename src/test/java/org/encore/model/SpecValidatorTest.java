package org.encore.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecValidatorTest {
    private static final ModelSpec VALID = Presets.model1();

    private static ModelSpec with(UnaryOperator<ModelSpec> change) {
        return change.apply(VALID);
    }

    private static ModelSpec copy(String name, List<LayerSpec> layers, OptimizerSpec optimizer, LossType loss, int batch,
                                  int epochs, double users, double validation, double scale) {
        return new ModelSpec(name, layers, optimizer, loss, batch, epochs, users, validation, 1, scale);
    }

    private static void assertSingleError(ModelSpec spec, String field, String messagePart) {
        List<SpecError> errors = SpecValidator.validate(spec);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains(messagePart), errors.get(0).message());
    }

    @Test
    void presetsAreValid() {
        for (ModelSpec preset : Presets.all()) {
            assertTrue(SpecValidator.validate(preset).isEmpty());
        }
    }

    @Test
    void eachInvalidFieldGetsItsMessage() {
        List<LayerSpec> layers = VALID.layers();
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dense(0, Activation.SELU))), "layers[0].units", "must be > 0, got 0");
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dense(16, Activation.SELU), LayerSpec.dense(-3, Activation.SELU))),
                "layers[1].units", "must be > 0, got -3");
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dense(16, null))), "layers[0].activation", "is missing");
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(1.0))),
                "layers[1].rate", "must be in [0, 1)");
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(-0.1))),
                "layers[1].rate", "must be in [0, 1)");
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dropout(0.5))), "layers", "at least one dense hidden layer");
        assertSingleError(VALID.withLayers(List.of()), "layers", "at least one dense hidden layer");
        assertSingleError(VALID.withOptimizer(OptimizerSpec.adam(0)), "optimizer.learningRate", "must be > 0");
        assertSingleError(VALID.withOptimizer(OptimizerSpec.adam(Double.NaN)), "optimizer.learningRate", "must be > 0");
        assertSingleError(VALID.withOptimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 1.0)), "optimizer.momentum", "[0, 1)");
        assertSingleError(VALID.withOptimizer(new OptimizerSpec(null, 0.1, 0)), "optimizer.type", "is missing");
        assertSingleError(VALID.withOptimizer(null), "optimizer", "is missing");
        assertSingleError(VALID.withBatchSize(0), "batchSize", "must be >= 1");
        assertSingleError(VALID.withEpochs(0), "epochs", "must be >= 1");
        assertSingleError(VALID.withUsersFraction(0), "usersFraction", "(0, 1]");
        assertSingleError(VALID.withUsersFraction(1.5), "usersFraction", "(0, 1]");
        assertSingleError(copy("x", layers, VALID.optimizer(), LossType.MSE, 8, 1, 0.1, 1.0, 0.2), "validationFraction", "(0, 1)");
        assertSingleError(copy("x", layers, VALID.optimizer(), LossType.MSE, 8, 1, 0.1, 0.0, 0.2), "validationFraction", "(0, 1)");
        assertSingleError(copy("x", layers, VALID.optimizer(), LossType.MSE, 8, 1, 0.1, 0.2, 0), "valueScale", "must be > 0");
        assertSingleError(copy("x", layers, VALID.optimizer(), null, 8, 1, 0.1, 0.2, 0.2), "loss", "is missing");
        assertSingleError(copy(" ", layers, VALID.optimizer(), LossType.MSE, 8, 1, 0.1, 0.2, 0.2), "name", "must not be empty");
        assertSingleError(VALID.withLayers(List.of(LayerSpec.dense(SpecValidator.MAX_UNITS + 1, Activation.SELU))),
                "layers[0].units", "at most");
    }

    @Test
    void allProblemsAreReportedTogether() {
        ModelSpec bad = copy("x", List.of(LayerSpec.dense(0, Activation.RELU)), OptimizerSpec.adam(-1), LossType.MSE, 0, 0, 0, 0, 0);
        List<String> fields = SpecValidator.validate(bad).stream().map(SpecError::field).toList();
        assertEquals(List.of("layers[0].units", "optimizer.learningRate", "batchSize", "epochs", "usersFraction",
                "validationFraction", "valueScale"), fields);
        assertTrue(with(s -> s).equals(VALID));
    }
}
