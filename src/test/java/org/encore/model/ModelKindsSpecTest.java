package org.encore.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "vae" and "cdae" kinds, the multinomial and logistic losses, input transforms and selection as spec data. */
class ModelKindsSpecTest {
    private static final Architecture.Vae VAE = (Architecture.Vae) Presets.multVae().architecture();

    private static void assertSingleError(ModelSpec spec, String field, String messagePart) {
        List<SpecError> errors = SpecValidator.validate(spec);
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(field, errors.get(0).field());
        assertTrue(errors.get(0).message().contains(messagePart), errors.get(0).message());
    }

    private static ModelSpec vae(Architecture.Vae vae) {
        return Presets.multVae().toBuilder().architecture(vae).build();
    }

    @Test
    void theFieldsAutoencodersArePresetsWithThePublishedDefaults() {
        assertEquals(List.of("model1", "model2", "model3", "model4", "mult-dae", "mult-vae", "autorec", "cdae"), Presets.NAMES);
        ModelSpec dae = Presets.multDae();
        assertEquals(List.of(LayerSpec.dropout(0.5), LayerSpec.dense(200, Activation.TANH, "coding")), dae.architecture().layers());
        assertEquals(new InputSpec(0.2, 4.0, true), dae.input());
        assertEquals(LossType.MULTINOMIAL, dae.loss());
        assertEquals(50, dae.training().batchSize(), "Liang's 500 is one update an epoch on ml-latest-small");
        assertEquals(200, dae.training().epochs());
        assertEquals(2 * 0.01 / 500, dae.training().l2(), 1e-12);
        assertEquals(TrainingSettings.Selection.NDCG100, dae.training().selection());
        assertEquals(new Architecture.Vae(List.of(600), 200, List.of(600), Activation.TANH, 0.5, 0.2, 0), VAE);
        assertEquals(TrainingSettings.Selection.NDCG100, Presets.multVae().training().selection());
        assertEquals(LossType.MASKED_MSE, Presets.autoRec().loss());
        assertEquals(List.of(LayerSpec.dense(500, Activation.SIGMOID, "coding")), Presets.autoRec().architecture().layers());
        assertEquals(new Architecture.Cdae(50, Activation.SIGMOID, 0.2), Presets.cdae().architecture());
        assertEquals(LossType.LOGISTIC, Presets.cdae().loss());
    }

    @Test
    void newKindsRoundTripThroughJsonByTypeName() throws Exception {
        for (ModelSpec preset : List.of(Presets.multDae(), Presets.multVae(), Presets.autoRec(), Presets.cdae())) {
            String json = SpecFiles.toJson(preset);
            assertEquals(preset, SpecFiles.fromJson(json), json);
            assertFalse(json.contains("org.encore"), json);
        }
        String vae = SpecFiles.toJson(Presets.multVae());
        assertTrue(vae.contains("\"type\" : \"vae\""), vae);
        assertTrue(vae.contains("\"betaCap\" : 0.2"), vae);
        assertTrue(vae.contains("\"loss\" : \"multinomial\""), vae);
        assertTrue(vae.contains("\"selection\" : \"ndcg100\""), vae);
        assertTrue(SpecFiles.toJson(Presets.cdae()).contains("\"type\" : \"cdae\""));
    }

    @Test
    void aVersion2FileWithoutSelectionLoadsSelectingOnTheLoss() throws Exception {
        String json = SpecFiles.toJson(Presets.model1()).replace(",\n    \"selection\" : \"loss\"", "");
        assertFalse(json.contains("selection"), json);
        assertEquals(Presets.model1(), SpecFiles.fromJson(json));
    }

    @Test
    void badVaeFieldsAreNamed() {
        assertSingleError(vae(new Architecture.Vae(List.of(600), 200, List.of(600), Activation.TANH, 0.5, -0.1, 0)),
                "architecture.betaCap", "must be >= 0");
        assertSingleError(vae(new Architecture.Vae(List.of(600), 200, List.of(600), Activation.TANH, 1.0, 0.2, 0)),
                "architecture.inputDropout", "must be in [0, 1)");
        assertSingleError(vae(new Architecture.Vae(List.of(600), 200, List.of(300), Activation.TANH, 0.5, 0.2, 0)),
                "architecture.decoder", "must mirror the encoder");
        assertSingleError(vae(new Architecture.Vae(List.of(600), 0, List.of(600), Activation.TANH, 0.5, 0.2, 0)),
                "architecture.coding", "must be > 0");
        assertSingleError(vae(new Architecture.Vae(List.of(600), 200, List.of(600), null, 0.5, 0.2, 0)),
                "architecture.activation", "is missing");
        assertSingleError(vae(new Architecture.Vae(List.of(600), 200, List.of(600), Activation.TANH, 0.5, 0.2, -1)),
                "architecture.annealSteps", "must be >= 0");
        assertSingleError(vae(new Architecture.Vae(null, 200, List.of(), Activation.TANH, 0.5, 0.2, 0)),
                "architecture.encoder", "is missing");
    }

    @Test
    void aKindMissingAFieldInItsFileIsNamed() throws Exception {
        String json = SpecFiles.toJson(Presets.multVae()).replace("\"coding\" : 200,", "");
        assertFalse(json.contains("\"coding\" : 200"), json);
        SpecFiles.SpecFormatException missing = null;
        try {
            List<SpecError> errors = SpecValidator.validate(SpecFiles.fromJson(json));
            assertEquals("architecture.coding", errors.get(0).field(), errors.toString());
        } catch (SpecFiles.SpecFormatException e) {
            missing = e;
        }
        if (missing != null) {
            assertEquals("architecture.coding", missing.field(), missing.getMessage());
        }
    }

    @Test
    void badCdaeFieldsAreNamed() {
        ModelSpec cdae = Presets.cdae();
        assertSingleError(cdae.toBuilder().architecture(new Architecture.Cdae(50, Activation.SIGMOID, 1.0)).build(),
                "architecture.corruption", "must be in [0, 1)");
        assertSingleError(cdae.toBuilder().architecture(new Architecture.Cdae(0, Activation.SIGMOID, 0.2)).build(),
                "architecture.units", "must be > 0");
    }

    @Test
    void lossesAndInputTransformsAreChoicesOfAnySpec() {
        assertFalse(LossType.MULTINOMIAL.predictsRatings());
        assertFalse(LossType.LOGISTIC.predictsRatings());
        assertTrue(LossType.MASKED_MSE.predictsRatings());
        // a multinomial loss on a rating scale (not binarised) is refused at the loss, and accepted once binarised
        ModelSpec graded = Presets.model4().toBuilder().loss(LossType.MULTINOMIAL).input(new InputSpec(0.2, null, true)).build();
        assertSingleError(graded, "loss", "multinomial is a likelihood of clicks, not of a rating scale");
        ModelSpec clicks = graded.toBuilder().input(new InputSpec(0.2, 4.0, true)).build();
        assertTrue(SpecValidator.validate(clicks).isEmpty(), SpecValidator.validate(clicks)::toString);
        // the logistic loss needs targets in [0, 1]
        assertSingleError(Presets.model4().toBuilder().loss(LossType.LOGISTIC).input(InputSpec.scaled(1.0)).build(),
                "loss", "logistic needs targets in [0, 1]");
        assertTrue(SpecValidator.validate(Presets.model4().toBuilder().loss(LossType.LOGISTIC)
                .input(new InputSpec(1.0, 4.0, false)).build()).isEmpty());
        assertSingleError(Presets.model4().toBuilder().input(new InputSpec(0.2, 0.0, false)).build(),
                "input.binarizeAt", "above 0");
        assertThrows(IllegalArgumentException.class, () -> TrainingSettings.Selection.fromId("auc"));
    }

    @Test
    void theDesignersLayerStackMapsBackOntoTheKind() {
        assertEquals(VAE, VAE.withLayers(VAE.layers()));
        Architecture.Cdae cdae = (Architecture.Cdae) Presets.cdae().architecture();
        assertEquals(cdae, cdae.withLayers(cdae.layers()));
    }
}
