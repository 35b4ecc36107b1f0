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
        ModelSpec other = new ModelSpec("mine", List.of(LayerSpec.dropout(0.1), LayerSpec.dense(10, Activation.LEAKYRELU)),
                new OptimizerSpec(OptimizerSpec.Type.SGD, 0.01, 0.9), LossType.MASKED_MSE, 3, 4, 0.5, 0.3, -7, 1.0);
        assertEquals(other, SpecFiles.fromJson(SpecFiles.toJson(other)));
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
        assertEquals("layers[1].activation", unknownActivation.field());
        assertTrue(unknownActivation.problem().contains("unknown activation 'swish'"), unknownActivation.getMessage());

        SpecFiles.SpecFormatException textUnits = fails(model1Json().replaceFirst("\"units\" : 1024", "\"units\" : \"many\""));
        assertEquals("layers[0].units", textUnits.field());

        SpecFiles.SpecFormatException unknownType = fails(model1Json().replaceFirst("\"dropout\"", "\"conv\""));
        assertEquals("layers[2]", unknownType.field());

        SpecFiles.SpecFormatException unknownOptimizer = fails(model1Json().replaceFirst("\"adam\"", "\"adagrad\""));
        assertEquals("optimizer.type", unknownOptimizer.field());
        assertTrue(unknownOptimizer.problem().contains("expected adam, sgd or rmsprop"));

        SpecFiles.SpecFormatException unknownField = fails(model1Json().replaceFirst("\"epochs\"", "\"colour\" : 1, \"epochs\""));
        assertEquals("colour", unknownField.field());
        assertTrue(unknownField.problem().contains("unknown field"), unknownField.problem());

        SpecFiles.SpecFormatException missingEpochs = fails(model1Json().replaceFirst("\"epochs\" : 30,", ""));
        assertEquals("epochs", missingEpochs.field());
        assertTrue(missingEpochs.problem().contains("missing"), missingEpochs.problem());

        SpecFiles.SpecFormatException nullBatch = fails(model1Json().replaceFirst("\"batchSize\" : 512", "\"batchSize\" : null"));
        assertEquals("batchSize", nullBatch.field());

        SpecFiles.SpecFormatException syntax = fails("{\"name\": ");
        assertTrue(syntax.getMessage().contains("malformed JSON"), syntax.getMessage());
    }

    @Test
    void readingAFileNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, model1Json().replaceFirst("\"selu\"", "\"gelu\""));
        SpecFiles.SpecFormatException e = assertThrows(SpecFiles.SpecFormatException.class, () -> SpecFiles.read(file));
        assertTrue(e.getMessage().startsWith(file + ": layers[0].activation"), e.getMessage());
    }
}
