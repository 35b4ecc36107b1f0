package org.encore.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecFilesTest {

    @Test
    void everyPresetRoundTripsThroughJson() throws Exception {
        for (ModelSpec preset : Presets.all()) {
            assertEquals(preset, SpecFiles.fromJson(SpecFiles.toJson(preset)));
        }
        ModelSpec other = sgdMasked().withTraining(t -> t.l2(0.01).patience(3));
        assertEquals(other, SpecFiles.fromJson(SpecFiles.toJson(other)));
    }

    /** The spec main saved as src/test/resources/org/encore/model/v1/sgd-masked.json before specs had a version. */
    private static ModelSpec sgdMasked() {
        return ModelSpec.builder().name("mine")
                .layers(List.of(LayerSpec.dropout(0.1), LayerSpec.dense(10, Activation.LEAKYRELU, "coding")))
                .input(InputSpec.scaled(1.0))
                .loss(LossType.MASKED_MSE)
                .training(TrainingSettings.builder().optimizer(new OptimizerSpec(OptimizerSpec.Type.SGD, 0.01, 0.9))
                        .batchSize(3).epochs(4).usersFraction(0.5).validationFraction(0.3).seed(-7).build())
                .build();
    }

    private static String version1(String file) throws Exception {
        try (var in = SpecFilesTest.class.getResourceAsStream("v1/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aVersion1FileSavedBeforeKindsLoadsToTheSameSpec() throws Exception {
        assertEquals(Presets.model1(), SpecFiles.fromJson(version1("model1.json")));
        assertEquals(sgdMasked(), SpecFiles.fromJson(version1("sgd-masked.json")));
    }

    @Test
    void aVersion1FileNamesItsProblemsByItsOwnFields() throws Exception {
        String v1 = version1("model1.json");
        SpecFiles.SpecFormatException missingEpochs = fails(v1.replaceFirst("\"epochs\" : 30,", ""));
        assertEquals("epochs", missingEpochs.field());
        SpecFiles.SpecFormatException badUnits = fails(v1.replaceFirst("\"units\" : 1024", "\"units\" : \"many\""));
        assertEquals("layers[0].units", badUnits.field());
        SpecFiles.SpecFormatException unknownField = fails(v1.replaceFirst("\"epochs\"", "\"colour\" : 1, \"epochs\""));
        assertEquals("colour", unknownField.field());
    }

    @Test
    void filesAreWrittenAsVersion2WithTheKindByName() {
        String json = SpecFiles.toJson(Presets.model1());
        assertTrue(json.startsWith("{\n  \"version\" : 2,"), json);
        assertTrue(json.contains("\"architecture\" : {\n    \"type\" : \"autoencoder\""), json);
        SpecFiles.SpecFormatException future = fails(json.replaceFirst("\"version\" : 2", "\"version\" : 3"));
        assertEquals("version", future.field());
        SpecFiles.SpecFormatException unknownKind = fails(json.replaceFirst("\"autoencoder\"", "\"transformer\""));
        assertEquals("architecture", unknownKind.field());
        assertTrue(unknownKind.problem().contains("unknown type 'transformer' (expected one of [autoencoder, vae, cdae])"), unknownKind.problem());
    }

    @Test
    void jsonUsesTypeNamesNotClassNames() {
        String json = SpecFiles.toJson(Presets.model1());
        assertTrue(json.contains("\"type\" : \"dense\""), json);
        assertTrue(json.contains("\"type\" : \"dropout\""), json);
        assertTrue(json.contains("\"activation\" : \"selu\""), json);
        assertTrue(json.contains("\"loss\" : \"mse\""), json);
        assertFalse(json.contains("org.encore"), json);
    }

    @Test
    void writeThenReadGivesTheSameSpec(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("spec.json");
        SpecFiles.write(file, Presets.model3());
        assertEquals(Presets.model3(), SpecFiles.read(file));
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "no temporary file is left behind");
        }
    }

    private static String model1Json() {
        return SpecFiles.toJson(Presets.model1());
    }

    private static SpecFiles.SpecFormatException fails(String json) {
        return assertThrows(SpecFiles.SpecFormatException.class, () -> SpecFiles.fromJson(json));
    }

    @Test
    void malformedFieldsAreNamedByTheirPath() {
        SpecFiles.SpecFormatException unknownActivation = fails(model1Json().replaceFirst("\"sigmoid\"", "\"swish\""));
        assertEquals("architecture.layers[1].activation", unknownActivation.field());
        assertTrue(unknownActivation.problem().contains("unknown activation 'swish'"), unknownActivation.getMessage());

        SpecFiles.SpecFormatException textUnits = fails(model1Json().replaceFirst("\"units\" : 1024", "\"units\" : \"many\""));
        assertEquals("architecture.layers[0].units", textUnits.field());

        SpecFiles.SpecFormatException unknownType = fails(model1Json().replaceFirst("\"dropout\"", "\"conv\""));
        assertEquals("architecture.layers[2]", unknownType.field());

        SpecFiles.SpecFormatException unknownOptimizer = fails(model1Json().replaceFirst("\"adam\"", "\"adagrad\""));
        assertEquals("training.optimizer.type", unknownOptimizer.field());
        assertTrue(unknownOptimizer.problem().contains("expected adam, sgd or rmsprop"));

        SpecFiles.SpecFormatException unknownField = fails(model1Json().replaceFirst("\"epochs\"", "\"colour\" : 1, \"epochs\""));
        assertEquals("training.colour", unknownField.field());
        assertTrue(unknownField.problem().contains("unknown field"), unknownField.problem());

        SpecFiles.SpecFormatException missingEpochs = fails(model1Json().replaceFirst("\"epochs\" : 30,", ""));
        assertEquals("training.epochs", missingEpochs.field());
        assertTrue(missingEpochs.problem().contains("missing"), missingEpochs.problem());

        SpecFiles.SpecFormatException nullBatch = fails(model1Json().replaceFirst("\"batchSize\" : 512", "\"batchSize\" : null"));
        assertEquals("training.batchSize", nullBatch.field());

        SpecFiles.SpecFormatException syntax = fails("{\"name\": ");
        assertTrue(syntax.getMessage().contains("malformed JSON"), syntax.getMessage());
    }

    @Test
    void readingAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, model1Json().replaceFirst("\"selu\"", "\"gelu\""));
        SpecFiles.SpecFormatException e = assertThrows(SpecFiles.SpecFormatException.class, () -> SpecFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": architecture.layers[0].activation"), e.getMessage());
    }
}
