package org.encore.app.designer;

import org.encore.app.designer.SpecForm.Field;
import org.encore.model.Activation;
import org.encore.model.Architecture;
import org.encore.model.InputSpec;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.Presets;
import org.encore.model.SpecError;
import org.encore.model.TrainingSettings;
import org.encore.training.TrainMetricsKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
            assertEquals(preset, result.spec(), preset.name());
            assertTrue(result.valid(), result.errors().toString());
        }
    }

    @Test
    void everyShownFieldComesFromTheFormNotFromTheSpecBeforeTheEdit() {
        ModelSpec other = Presets.autoRec().withTraining(t -> t.l2(0.5).patience(9).exactTrainMetrics(true).seed(7));
        for (ModelSpec preset : Presets.all()) {
            ModelSpec before = other.toBuilder().name("before").architecture(preset.architecture())
                    .input(new InputSpec(0.7, 2.0, !preset.input().l2Normalize())).build();
            assertEquals(preset, filled(preset).toSpec(before, name -> false).spec(), preset.name());
        }
    }

    @Test
    void everyPresetsKindAndInputAreShownInTheForm() {
        SpecForm vae = filled(Presets.multVae());
        assertEquals("vae", vae.kind());
        assertFalse(vae.layersEditable(), "a vae's stack is drawn from its Kind fields");
        assertEquals("600", vae.text(Field.ENCODER));
        assertEquals("200", vae.text(Field.CODING));
        assertEquals("0.2", vae.text(Field.BETA_CAP));
        assertEquals("0", vae.text(Field.ANNEAL_STEPS));
        assertEquals("0.5", vae.text(Field.INPUT_DROPOUT));
        assertEquals(Activation.TANH, vae.kindActivation());
        assertEquals("4", vae.text(Field.BINARIZE_AT));
        assertTrue(vae.l2Normalize());
        assertEquals(TrainingSettings.Selection.NDCG100, vae.selection());
        SpecForm cdae = filled(Presets.cdae());
        assertEquals("cdae", cdae.kind());
        assertEquals("50", cdae.text(Field.HIDDEN_UNITS));
        assertEquals("0.2", cdae.text(Field.CORRUPTION));
        assertEquals("", cdae.text(Field.BETA_CAP), "a cdae has no beta cap");
        SpecForm model1 = filled(MODEL1);
        assertEquals("autoencoder", model1.kind());
        assertTrue(model1.layersEditable());
        assertEquals("", model1.text(Field.BINARIZE_AT), "blank is off");
        assertEquals(TrainMetricsKind.RUNNING, model1.trainMetrics());
    }

    @Test
    void editingTheVaeBetaCapChangesTheSpec() {
        ModelSpec vae = Presets.multVae();
        SpecForm form = filled(vae);
        form.setText(Field.BETA_CAP, "0.35");
        form.setText(Field.ANNEAL_STEPS, "20000");
        ModelSpec edited = form.toSpec(vae, name -> false).spec();
        Architecture.Vae kind = assertInstanceOf(Architecture.Vae.class, edited.architecture());
        assertEquals(0.35, kind.betaCap());
        assertEquals(20000, kind.annealSteps());
        assertEquals(((Architecture.Vae) vae.architecture()).encoder(), kind.encoder(), "the other settings stay");
        assertEquals(vae.input(), edited.input());
    }

    @Test
    void theKindsOtherSettingsAndTheVaesWidthsAreEditable() {
        ModelSpec vae = Presets.multVae();
        SpecForm form = filled(vae);
        form.setText(Field.ENCODER, "600, 300");
        form.setText(Field.DECODER, "300,600");
        form.setText(Field.CODING, "100");
        form.setText(Field.INPUT_DROPOUT, "0");
        form.setKindActivation(Activation.RELU);
        SpecForm.Result result = form.toSpec(vae, name -> false);
        assertTrue(result.valid(), result.errors().toString());
        assertEquals(new Architecture.Vae(List.of(600, 300), 100, List.of(300, 600), Activation.RELU, 0, 0.2, 0),
                result.spec().architecture());

        ModelSpec cdae = Presets.cdae();
        SpecForm cdaeForm = filled(cdae);
        cdaeForm.setText(Field.HIDDEN_UNITS, "80");
        cdaeForm.setText(Field.CORRUPTION, "0.3");
        cdaeForm.setKindActivation(Activation.TANH);
        assertEquals(new Architecture.Cdae(80, Activation.TANH, 0.3), cdaeForm.toSpec(cdae, name -> false).spec().architecture());
    }

    @Test
    void theInputTransformLossAndTrainingChoicesAreAnySpecsToMake() {
        SpecForm form = filled(MODEL1);
        form.setText(Field.VALUE_SCALE, "1");
        form.setText(Field.BINARIZE_AT, "3.5");
        form.setL2Normalize(true);
        form.setLoss(LossType.MULTINOMIAL);
        form.setText(Field.L2, "0.0001");
        form.setText(Field.PATIENCE, "5");
        form.setSelection(TrainingSettings.Selection.NDCG100);
        form.setTrainMetrics(TrainMetricsKind.EXACT);
        ModelSpec spec = form.toSpec(MODEL1, name -> false).spec();
        assertEquals(new InputSpec(1, 3.5, true), spec.input());
        assertEquals(LossType.MULTINOMIAL, spec.loss());
        assertEquals(1e-4, spec.training().l2());
        assertEquals(5, spec.training().patience());
        assertEquals(TrainingSettings.Selection.NDCG100, spec.training().selection());
        assertTrue(spec.training().exactTrainMetrics());
        form.setText(Field.BINARIZE_AT, "  ");
        assertNull(form.toSpec(MODEL1, name -> false).spec().input().binarizeAt(), "a blank threshold is off");
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("model1", Field.L2, "-1", "must be >= 0"),
                Arguments.of("model1", Field.L2, "none", "a number is expected"),
                Arguments.of("model1", Field.PATIENCE, "-2", "0 = no early stopping"),
                Arguments.of("model1", Field.PATIENCE, "1.5", "a whole number is expected"),
                Arguments.of("model1", Field.VALUE_SCALE, "0", "must be > 0"),
                Arguments.of("model1", Field.BINARIZE_AT, "-4", "a rating above 0"),
                Arguments.of("model1", Field.BINARIZE_AT, "four", "a number is expected"),
                Arguments.of("mult-vae", Field.BETA_CAP, "-0.1", "must be >= 0"),
                Arguments.of("mult-vae", Field.BETA_CAP, "high", "a number is expected"),
                Arguments.of("mult-vae", Field.ANNEAL_STEPS, "-1", "0 = scaled to the run"),
                Arguments.of("mult-vae", Field.INPUT_DROPOUT, "1", "[0, 1)"),
                Arguments.of("mult-vae", Field.CODING, "0", "must be > 0"),
                Arguments.of("mult-vae", Field.DECODER, "600, 0", "width 2 must be > 0"),
                Arguments.of("mult-vae", Field.ENCODER, "6oo", "whole numbers separated by commas"),
                Arguments.of("mult-vae", Field.DECODER, "500", "must mirror the encoder (expected [600]"),
                Arguments.of("cdae", Field.HIDDEN_UNITS, "0", "must be > 0"),
                Arguments.of("cdae", Field.CORRUPTION, "1", "[0, 1)"));
    }

    @ParameterizedTest(name = "{0} {1} = \"{2}\"")
    @MethodSource("badValues")
    void aBadValueGetsItsMessageBesideItsField(String preset, Field field, String text, String expected) {
        ModelSpec spec = Presets.byName(preset);
        SpecForm form = filled(spec);
        form.setText(field, text);
        SpecForm.Result result = form.toSpec(spec, name -> false);
        assertFalse(result.valid());
        String message = result.errors().get(field);
        assertTrue(message != null && message.contains(expected), field + " should say " + expected + ": " + result.errors());
        assertEquals(1, result.errors().size(), "only that field has a problem: " + result.errors());
    }

    @Test
    void aLossTheInputDoesNotSuitIsNamedBesideTheLoss() {
        SpecForm form = filled(MODEL1);
        form.setLoss(LossType.LOGISTIC);
        form.setText(Field.VALUE_SCALE, "1");
        SpecForm.Result result = form.toSpec(MODEL1, name -> false);
        assertTrue(result.errors().getOrDefault(Field.LOSS, "").contains("logistic needs targets in [0, 1]"), result.errors().toString());
        form.setText(Field.BINARIZE_AT, "4");
        assertTrue(form.toSpec(MODEL1, name -> false).valid(), "binarised targets suit the logistic loss at any scale");
        // a multinomial loss is a likelihood of clicks: on the rating scale it is named beside the loss
        form.setLoss(LossType.MULTINOMIAL);
        assertTrue(form.toSpec(MODEL1, name -> false).valid(), "binarised targets suit the multinomial loss");
        form.setText(Field.BINARIZE_AT, "");
        result = form.toSpec(MODEL1, name -> false);
        assertTrue(result.errors().getOrDefault(Field.LOSS, "").contains("not of a rating scale"), result.errors().toString());
    }

    @Test
    void aVaesStackIsOnlyShownSoTheLayerFieldsChangeNothing() {
        ModelSpec vae = Presets.multVae();
        SpecForm form = filled(vae);
        assertEquals(vae.architecture().layers(), form.layers());
        form.selectLayer(1);
        assertEquals("600", form.text(Field.LAYER_UNITS), "the selected layer's width is shown");
        form.setText(Field.LAYER_UNITS, "900");
        form.setLayerActivation(Activation.RELU);
        assertEquals(vae, form.toSpec(vae, name -> false).spec(), "edit a vae in its Kind fields, not its stack");
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
                new SpecError("input.valueScale", "must be > 0"),
                new SpecError("training", "is missing")));
        assertEquals("any words at all", errors.get(Field.LEARNING_RATE));
        assertEquals("too wide", errors.get(Field.LAYER_UNITS), "the selected layer's problem is shown beside its field");
        assertEquals("must be > 0", errors.get(Field.VALUE_SCALE));
        assertEquals("layer 1 units: too narrow\nneeds a dense layer\ntraining: is missing", errors.get(Field.LAYERS),
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
