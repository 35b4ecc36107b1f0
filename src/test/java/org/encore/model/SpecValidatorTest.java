package org.encore.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecValidatorTest {
    private static final ModelSpec VALID = Presets.model1();

    private static ModelSpec layers(LayerSpec... layers) {
        return VALID.toBuilder().layers(List.of(layers)).build();
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
    void eachInvalidFieldGetsItsMessageUnderItsJsonPath() {
        assertSingleError(layers(LayerSpec.dense(0, Activation.SELU)), "architecture.layers[0].units", "must be > 0, got 0");
        assertSingleError(layers(LayerSpec.dense(16, Activation.SELU), LayerSpec.dense(-3, Activation.SELU)),
                "architecture.layers[1].units", "must be > 0, got -3");
        assertSingleError(layers(LayerSpec.dense(16, null)), "architecture.layers[0].activation", "is missing");
        assertSingleError(layers(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(1.0)),
                "architecture.layers[1].rate", "must be in [0, 1)");
        assertSingleError(layers(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(-0.1)),
                "architecture.layers[1].rate", "must be in [0, 1)");
        assertSingleError(layers(LayerSpec.dropout(0.5)), "architecture.layers", "at least one dense hidden layer");
        assertSingleError(layers(), "architecture.layers", "at least one dense hidden layer");
        assertSingleError(layers(LayerSpec.dense(SpecValidator.MAX_UNITS + 1, Activation.SELU)),
                "architecture.layers[0].units", "at most");
        assertSingleError(VALID.withTraining(t -> t.optimizer(OptimizerSpec.adam(0))), "training.optimizer.learningRate", "must be > 0");
        assertSingleError(VALID.withTraining(t -> t.optimizer(OptimizerSpec.adam(Double.NaN))), "training.optimizer.learningRate", "must be > 0");
        assertSingleError(VALID.withTraining(t -> t.optimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.1, 1.0))),
                "training.optimizer.momentum", "[0, 1)");
        assertSingleError(VALID.withTraining(t -> t.optimizer(new OptimizerSpec(null, 0.1, 0))), "training.optimizer.type", "is missing");
        assertSingleError(VALID.withTraining(t -> t.optimizer(null)), "training.optimizer", "is missing");
        assertSingleError(VALID.withTraining(t -> t.batchSize(0)), "training.batchSize", "must be >= 1");
        assertSingleError(VALID.withTraining(t -> t.epochs(0)), "training.epochs", "must be >= 1");
        assertSingleError(VALID.withTraining(t -> t.usersFraction(0)), "training.usersFraction", "(0, 1]");
        assertSingleError(VALID.withTraining(t -> t.usersFraction(1.5)), "training.usersFraction", "(0, 1]");
        assertSingleError(VALID.withTraining(t -> t.validationFraction(1.0)), "training.validationFraction", "(0, 1)");
        assertSingleError(VALID.withTraining(t -> t.validationFraction(0.0)), "training.validationFraction", "(0, 1)");
        assertSingleError(VALID.withTraining(t -> t.l2(-0.01)), "training.l2", "must be >= 0");
        assertSingleError(VALID.withTraining(t -> t.patience(-1)), "training.patience", "must be >= 0");
        assertSingleError(VALID.toBuilder().input(InputSpec.scaled(0)).build(), "input.valueScale", "must be > 0");
        assertSingleError(VALID.toBuilder().input(new InputSpec(0.2, -1.0, false)).build(), "input.binarizeAt", "above 0");
        assertSingleError(VALID.toBuilder().input(null).build(), "input", "is missing");
        assertSingleError(VALID.toBuilder().loss(null).build(), "loss", "is missing (expected mse, masked_mse, multinomial or logistic)");
        assertSingleError(VALID.toBuilder().training(null).build(), "training", "is missing");
        assertSingleError(VALID.toBuilder().name(" ").build(), "name", "must not be empty");
        assertSingleError(new ModelSpec("x", null, InputSpec.reference(), LossType.MSE, VALID.training()), "architecture", "is missing");
    }

    @Test
    void allProblemsAreReportedTogether() {
        ModelSpec bad = ModelSpec.builder().name("x").layers(List.of(LayerSpec.dense(0, Activation.RELU)))
                .input(InputSpec.scaled(0))
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(-1)).batchSize(0).epochs(0)
                        .usersFraction(0).validationFraction(0).build())
                .build();
        List<String> fields = SpecValidator.validate(bad).stream().map(SpecError::field).toList();
        assertEquals(List.of("architecture.layers[0].units", "input.valueScale", "training.optimizer.learningRate",
                "training.batchSize", "training.epochs", "training.usersFraction", "training.validationFraction"), fields);
    }
}
