package org.encore.app.designer;

import org.encore.app.designer.SpecForm.Field;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.Presets;
import org.encore.model.SpecError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer's form without JavaFX: text to spec and back, and a message per field. */
class SpecFormTest {
    private static final ModelSpec MODEL1 = Presets.model1();

    private static SpecForm filled(ModelSpec spec) {
        SpecForm form = new SpecForm();
        form.fromSpec(spec);
        return form;
    }

    @Test
    void aSpecFilledIntoTheFormComesBackUnchanged() {
        for (ModelSpec preset : Presets.all()) {
            SpecForm.Result result = filled(preset).toSpec(preset, name -> false);
            assertEquals(preset, result.spec());
            assertTrue(result.valid(), result.errors().toString());
        }
    }

    @Test
    void theFieldsShowNumbersAsPeopleTypeThem() {
        SpecForm form = filled(MODEL1);
        assertEquals("30", form.text(Field.EPOCHS));
        assertEquals("0.1", form.text(Field.USERS_FRACTION));
        assertEquals("0.0001", SpecForm.number(1e-4), "not Java's 1.0E-4");
        assertEquals("", form.text(Field.LAYER_UNITS), "no layer selected, no layer text");
        form.selectLayer(0);
        assertEquals("dense", form.layerKind());
        assertEquals(String.valueOf(((LayerSpec.Dense) MODEL1.architecture().layers().get(0)).units()), form.text(Field.LAYER_UNITS));
    }

    @Test
    void editedTextAndChoicesMakeTheEditedSpec() {
        SpecForm form = filled(MODEL1);
        form.selectLayer(0);
        form.setText(Field.LAYER_UNITS, " 2048 ");
        form.setText(Field.EPOCHS, "5");
        form.setOptimizer(OptimizerSpec.Type.SGD);
        form.setText(Field.MOMENTUM, "0.9");
        form.setLoss(LossType.MASKED_MSE);
        ModelSpec spec = form.toSpec(MODEL1, name -> false).spec();
        assertEquals(2048, ((LayerSpec.Dense) spec.architecture().layers().get(0)).units());
        assertEquals(5, spec.training().epochs());
        assertEquals(new OptimizerSpec(OptimizerSpec.Type.SGD, MODEL1.training().optimizer().learningRate(), 0.9), spec.training().optimizer());
        assertEquals(LossType.MASKED_MSE, spec.loss());
    }

    @Test
    void textThatDoesNotParseGivesNoSpecAndSaysWhatIsExpected() {
        SpecForm form = filled(MODEL1);
        form.setText(Field.BATCH_SIZE, "64.5");
        form.setText(Field.LEARNING_RATE, "fast");
        SpecForm.Result result = form.toSpec(MODEL1, name -> false);
        assertNull(result.spec());
        assertEquals("a whole number is expected", result.errors().get(Field.BATCH_SIZE));
        assertEquals("a number is expected", result.errors().get(Field.LEARNING_RATE));
    }

    @Test
    void theFieldsThatParseAreStillValidatedBesideOneThatDoesNot() {
        SpecForm form = filled(MODEL1);
        form.setText(Field.BATCH_SIZE, "x");
        form.setText(Field.EPOCHS, "0");
        Map<Field, String> errors = form.toSpec(MODEL1, name -> false).errors();
        assertEquals("a whole number is expected", errors.get(Field.BATCH_SIZE));
        assertTrue(errors.get(Field.EPOCHS).contains(">= 1"), errors.toString());
    }

    @Test
    void aValidatorProblemIsPlacedByItsFieldNotItsMessage() {
        SpecForm form = filled(MODEL1);
        form.selectLayer(1);
        Map<Field, String> errors = form.fieldErrors(List.of(
                new SpecError("training.optimizer.learningRate", "any words at all"),
                new SpecError("architecture.layers[1].units", "too wide"),
                new SpecError("architecture.layers[0].units", "too narrow"),
                new SpecError("architecture.layers", "needs a dense layer"),
                new SpecError("input.valueScale", "must be > 0")));
        assertEquals("any words at all", errors.get(Field.LEARNING_RATE));
        assertEquals("too wide", errors.get(Field.LAYER_UNITS), "the selected layer's problem is shown beside its field");
        assertEquals("layer 1 units: too narrow\nneeds a dense layer\ninput.valueScale: must be > 0", errors.get(Field.LAYERS),
                "other layers' problems, the stack's and unplaced ones are listed under the stack");
    }

    @Test
    void twoProblemsOfOneFieldAreBothShown() {
        Map<Field, String> errors = filled(MODEL1).fieldErrors(List.of(new SpecError("training.epochs", "a"), new SpecError("training.epochs", "b")));
        assertEquals("a; b", errors.get(Field.EPOCHS));
    }

    @Test
    void anEmptyOrTakenNameIsAProblemOfTheNameField() {
        SpecForm form = filled(MODEL1);
        form.setText(Field.NAME, "  ");
        assertEquals("a name is needed", form.toSpec(MODEL1, name -> false).errors().get(Field.NAME));
        form.setText(Field.NAME, "model2");
        assertEquals("another spec is called model2", form.toSpec(MODEL1, "model2"::equals).errors().get(Field.NAME));
    }

    @Test
    void aDropoutRateOutsideItsRangeIsShownBesideTheRateField() {
        SpecForm form = filled(MODEL1);
        int dropout = MODEL1.architecture().layers().indexOf(MODEL1.architecture().layers().stream().filter(l -> l instanceof LayerSpec.Dropout).findFirst().orElseThrow());
        form.selectLayer(dropout);
        assertEquals("dropout", form.layerKind());
        form.setText(Field.LAYER_RATE, "1.5");
        SpecForm.Result result = form.toSpec(MODEL1, name -> false);
        assertFalse(result.valid());
        assertTrue(result.errors().get(Field.LAYER_RATE).contains("[0, 1)"), result.errors().toString());
    }

    @Test
    void onlyTextFieldsTakeText() {
        assertThrows(IllegalArgumentException.class, () -> new SpecForm().setText(Field.LAYERS, "x"));
    }
}
