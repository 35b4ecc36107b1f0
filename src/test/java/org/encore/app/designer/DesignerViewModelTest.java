package org.encore.app.designer;

import org.encore.app.Bar;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.model.Activation;
import org.encore.model.Architecture;
import org.encore.model.InputSpec;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.SpecFiles;
import org.encore.model.TrainingSettings;
import org.encore.training.TrainMetricsKind;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DesignerViewModelTest {
    private final Workbench workbench = new Workbench();
    private DesignerViewModel viewModel;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() {
        viewModel = new DesignerViewModel(workbench, new Dl4jEngine());
        viewModel.selectedProperty().set(0);
        viewModel.selectedLayerProperty().set(0);
    }

    private static String parameters(ModelSpec spec, int width) {
        return String.format(Locale.ROOT, "Parameters: %,d", MemoryEstimate.of(spec, width).parameters());
    }

    @Test
    void thePresetsAreListedAndTheEstimateUsesTheDefaultWidthWithoutADataset() {
        assertEquals(Presets.NAMES, viewModel.designs().stream().map(d -> d.name()).toList());
        assertEquals(parameters(Presets.model1(), DesignEstimate.DEFAULT_WIDTH), viewModel.report().parametersProperty().get());
        assertTrue(viewModel.report().estimateProperty().get().startsWith("Training memory"));
        assertEquals(SpecFiles.toJson(Presets.model1()), viewModel.report().jsonProperty().get());
    }

    @Test
    void editingUnitsUpdatesTheSpecAndTheEstimateLive() {
        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("2048");
        ModelSpec edited = viewModel.specProperty().get();
        assertEquals(2048, ((LayerSpec.Dense) edited.architecture().layers().get(0)).units());
        assertEquals(edited, workbench.designs().get(0).spec());
        assertEquals(parameters(edited, DesignEstimate.DEFAULT_WIDTH), viewModel.report().parametersProperty().get());
        int n = DesignEstimate.DEFAULT_WIDTH;
        assertEquals(List.of(new Bar("input", n), new Bar("selu", 2048), new Bar("sigmoid", 512), new Bar("coding", 512),
                new Bar("selu", 512), new Bar("output", n)), List.copyOf(viewModel.report().widths()));
        assertEquals(List.of(new Bar("dropout 0.5", 2), new Bar("dropout 0.5", 3)), List.copyOf(viewModel.report().dropouts()),
                "model1 drops after its second dense layer and after the coding layer");
    }

    @Test
    void theEstimateFollowsTheOpenDatasetsWidth() {
        Dataset dataset = TinyData.smallDataset();
        workbench.setDataset(dataset, DatasetStatistics.of(dataset));
        assertEquals(parameters(Presets.model1(), TinyData.SMALL_MOVIES), viewModel.report().parametersProperty().get());
    }

    @Test
    void theUsersLineSaysHowManyUsersTheRunWillTrainAndValidateOn() {
        assertEquals("", viewModel.report().usersProperty().get(), "no dataset, no user counts");
        Dataset dataset = TinyData.smallDataset();
        workbench.setDataset(dataset, DatasetStatistics.of(dataset));
        // 10% of 60 users would train on 5: the presets start on every user of a small dataset
        assertEquals("1", viewModel.textProperty(SpecForm.Field.USERS_FRACTION).get());
        assertEquals("Trains on 48 users, validates on 12 (of 60)", viewModel.report().usersProperty().get());
        assertFalse(workbench.designs().get(0).modified(), "suiting the users to the dataset is not an edit");
        viewModel.useReferenceUsers();
        // model1's 10% of 60 users is 6, of which 20% (1) validate: the same sizes the trainer's plan uses
        assertEquals("Trains on 5 users, validates on 1 (of 60); few for a small dataset: raise Users fraction",
                viewModel.report().usersProperty().get());
        assertTrue(viewModel.report().fewUsersProperty().get());
        assertEquals(Presets.model1(), viewModel.specProperty().get(), "one click gives the exact reference protocol");
        assertTrue(workbench.designs().get(0).modified(), "a preset edited in place shows it is modified");
        viewModel.useAllUsers();
        assertEquals("Trains on 48 users, validates on 12 (of 60)", viewModel.report().usersProperty().get());
        viewModel.textProperty(SpecForm.Field.USERS_FRACTION).set("abc");
        assertEquals("", viewModel.report().usersProperty().get(), "no counts for a spec that does not parse");
    }

    @Test
    void modifiedPresetsAreSavedWithoutOverwritingAnything() throws Exception {
        viewModel.textProperty(SpecForm.Field.EPOCHS).set("7");
        assertEquals(List.of("model1"), viewModel.modifiedPresets().stream().map(d -> d.name()).toList());
        Files.writeString(temp.resolve("model1.json"), "{}");
        viewModel.saveAll(viewModel.modifiedPresets(), temp);
        assertEquals("{}", Files.readString(temp.resolve("model1.json")));
        assertEquals(7, SpecFiles.read(temp.resolve("model1-2.json")).training().epochs());
        assertFalse(viewModel.message().errorProperty().get());
    }

    @Test
    void addingToTheQueueConfirms() {
        viewModel.queueForTraining();
        assertTrue(viewModel.fileMessageProperty().get().startsWith("Added model1 to the training queue"), viewModel.fileMessageProperty().get());
        assertFalse(viewModel.message().errorProperty().get(), "a confirmation is not drawn as an error");
    }

    @Test
    void problemsAreReportedBesideTheirFields() {
        viewModel.textProperty(SpecForm.Field.LEARNING_RATE).set("-1");
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.LEARNING_RATE).get().contains("must be > 0"));
        assertFalse(viewModel.report().validProperty().get());
        viewModel.textProperty(SpecForm.Field.LEARNING_RATE).set("abc");
        assertEquals("a number is expected", viewModel.report().errorProperty(SpecForm.Field.LEARNING_RATE).get());
        viewModel.textProperty(SpecForm.Field.LEARNING_RATE).set("0.001");
        assertEquals("", viewModel.report().errorProperty(SpecForm.Field.LEARNING_RATE).get());
        assertTrue(viewModel.report().validProperty().get());

        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("0");
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.LAYER_UNITS).get().contains("must be > 0"));
        viewModel.selectedLayerProperty().set(2);
        viewModel.textProperty(SpecForm.Field.LAYER_RATE).set("1.5");
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.LAYER_RATE).get().contains("[0, 1)"));
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.LAYERS).get().contains("layer 1 units"),
                "a problem of a layer not selected is listed under the stack");
        viewModel.textProperty(SpecForm.Field.EPOCHS).set("0");
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.EPOCHS).get().contains(">= 1"));
        viewModel.textProperty(SpecForm.Field.NAME).set("model2");
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.NAME).get().contains("another spec"));
    }

    @Test
    void typingIsUndoneInOneStepAndRedone() {
        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("2");
        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("20");
        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("204");
        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("2048");
        viewModel.textProperty(SpecForm.Field.EPOCHS).set("5");
        viewModel.undo();
        assertEquals(30, viewModel.specProperty().get().training().epochs());
        assertEquals("2048", viewModel.textProperty(SpecForm.Field.LAYER_UNITS).get());
        viewModel.undo();
        assertEquals(Presets.model1(), viewModel.specProperty().get());
        assertEquals("1024", viewModel.textProperty(SpecForm.Field.LAYER_UNITS).get());
        assertFalse(viewModel.canUndoProperty().get());
        viewModel.redo();
        viewModel.redo();
        assertEquals(5, viewModel.specProperty().get().training().epochs());
        assertEquals(2048, ((LayerSpec.Dense) viewModel.specProperty().get().architecture().layers().get(0)).units());
    }

    @Test
    void theLayerStackCanBeEdited() {
        int before = viewModel.layers().size();
        viewModel.addDropout();
        assertEquals(before + 1, viewModel.layers().size());
        assertInstanceOf(LayerSpec.Dropout.class, viewModel.layers().get(1));
        assertEquals(1, viewModel.selectedLayerProperty().get());
        viewModel.moveLayer(-1);
        assertInstanceOf(LayerSpec.Dropout.class, viewModel.layers().get(0));
        viewModel.removeLayer();
        viewModel.addDense();
        assertEquals(before + 1, viewModel.layers().size());
        assertEquals(256, ((LayerSpec.Dense) viewModel.layers().get(viewModel.selectedLayerProperty().get())).units());
        viewModel.undo();
        viewModel.undo();
        viewModel.undo();
        viewModel.undo();
        assertEquals(Presets.model1().architecture().layers(), viewModel.specProperty().get().architecture().layers());
    }

    @Test
    void aFieldThatParsesIsStillCheckedWhileAnotherDoesNotParse() throws Exception {
        viewModel.textProperty(SpecForm.Field.LEARNING_RATE).set("-1");
        viewModel.textProperty(SpecForm.Field.BATCH_SIZE).set("0");
        viewModel.textProperty(SpecForm.Field.SEED).set("not a seed");
        assertEquals("a whole number is expected", viewModel.report().errorProperty(SpecForm.Field.SEED).get());
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.LEARNING_RATE).get().contains("must be > 0"),
                viewModel.report().errorProperty(SpecForm.Field.LEARNING_RATE).get());
        assertFalse(viewModel.report().errorProperty(SpecForm.Field.BATCH_SIZE).get().isEmpty());
        assertFalse(viewModel.report().validProperty().get());
        assertEquals("Parameters: —", viewModel.report().parametersProperty().get(), "no estimate of a spec other than the one shown");

        Path file = temp.resolve("stale.json");
        viewModel.save(file);
        assertFalse(Files.exists(file), "the fields on screen are not a spec: nothing is saved");
        assertTrue(viewModel.fileMessageProperty().get().startsWith("Not saved"), viewModel.fileMessageProperty().get());
    }

    @Test
    void aVaesKindFieldsEditItAndItsStackIsOnlyShown() {
        int vae = Presets.NAMES.indexOf("mult-vae");
        viewModel.selectedProperty().set(vae);
        assertEquals("vae", viewModel.fields().kindProperty().get());
        assertFalse(viewModel.fields().layersEditableProperty().get());
        assertEquals("0.2", viewModel.textProperty(SpecForm.Field.BETA_CAP).get());
        viewModel.textProperty(SpecForm.Field.BETA_CAP).set("0.4");
        ModelSpec edited = workbench.designs().get(vae).spec();
        assertEquals(0.4, ((Architecture.Vae) edited.architecture()).betaCap());
        assertTrue(viewModel.report().jsonProperty().get().contains("\"betaCap\" : 0.4"), viewModel.report().jsonProperty().get());

        viewModel.textProperty(SpecForm.Field.BETA_CAP).set("-1");
        assertTrue(viewModel.report().errorProperty(SpecForm.Field.BETA_CAP).get().contains("must be >= 0"),
                viewModel.report().errorProperty(SpecForm.Field.BETA_CAP).get());
        viewModel.textProperty(SpecForm.Field.BETA_CAP).set("0.4");

        List<LayerSpec> before = List.copyOf(viewModel.layers());
        viewModel.addDense();
        viewModel.removeLayer();
        assertEquals(before, viewModel.layers(), "a vae's stack follows its Kind fields: stack edits do nothing");
        assertEquals(edited, workbench.designs().get(vae).spec());
        viewModel.textProperty(SpecForm.Field.CODING).set("64");
        assertTrue(viewModel.layers().contains(LayerSpec.dense(64, Activation.TANH, "coding")), viewModel.layers().toString());
    }

    @Test
    void theInputAndTrainingChoicesEditTheSpec() {
        viewModel.fields().l2NormalizeProperty().set(true);
        viewModel.fields().selectionProperty().set(TrainingSettings.Selection.NDCG100);
        viewModel.fields().trainMetricsProperty().set(TrainMetricsKind.EXACT);
        viewModel.textProperty(SpecForm.Field.BINARIZE_AT).set("4");
        viewModel.fields().lossProperty().set(LossType.MULTINOMIAL);
        ModelSpec spec = workbench.designs().get(0).spec();
        assertEquals(new InputSpec(0.2, 4.0, true), spec.input());
        assertEquals(TrainingSettings.Selection.NDCG100, spec.training().selection());
        assertTrue(spec.training().exactTrainMetrics());
        assertEquals(LossType.MULTINOMIAL, spec.loss());
        viewModel.undo();
        assertEquals(Presets.model1().toBuilder().input(new InputSpec(0.2, 4.0, true))
                .training(spec.training()).build(), workbench.designs().get(0).spec(), "each choice is an undo step");
    }

    @Test
    void duplicateRenameDeleteAndResetToPreset() {
        viewModel.duplicate();
        assertEquals(Presets.NAMES.size() + 1, viewModel.designs().size());
        assertEquals("model1 copy", viewModel.specProperty().get().name());
        viewModel.rename("wide");
        viewModel.textProperty(SpecForm.Field.LAYER_UNITS).set("4096");
        assertEquals("wide", viewModel.designs().get(1).name());
        viewModel.resetToPreset();
        assertEquals(Presets.model1().toBuilder().name("wide").build(), viewModel.specProperty().get());
        viewModel.delete();
        assertEquals(Presets.NAMES, viewModel.designs().stream().map(d -> d.name()).toList());
        viewModel.undo();
        assertEquals(Presets.NAMES.size() + 1, viewModel.designs().size());
    }

    @Test
    void aSavedSpecLoadsBackAsANewEntry() throws Exception {
        viewModel.textProperty(SpecForm.Field.EPOCHS).set("3");
        Path file = temp.resolve("mine.json");
        viewModel.save(file);
        assertTrue(Files.size(file) > 0);
        viewModel.load(file);
        assertEquals(Presets.NAMES.size() + 1, viewModel.designs().size());
        ModelSpec loaded = viewModel.specProperty().get();
        assertEquals(Presets.model1().withTraining(t -> t.epochs(3)).toBuilder().name("model1 2").build(), loaded);

        Files.writeString(temp.resolve("bad.json"), "{\"name\": \"x\", \"layers\": [{\"type\": \"dense\", \"units\": 4, \"activation\": \"nope\"}]}");
        viewModel.load(temp.resolve("bad.json"));
        assertEquals(Presets.NAMES.size() + 1, viewModel.designs().size());
        assertTrue(viewModel.fileMessageProperty().get().contains("activation"), viewModel.fileMessageProperty().get());
    }

    @Test
    void theTrainersMemoryCheckIsShownOnceTheBackendIsLoaded() {
        assertEquals("", viewModel.report().fitsProperty().get(), "nothing native is touched before the backend is loaded");
        workbench.markBackendReady();
        assertEquals("Fits this process's memory limits", viewModel.report().fitsProperty().get());
        viewModel.textProperty(SpecForm.Field.BATCH_SIZE).set("100000000");
        assertTrue(viewModel.report().fitsProperty().get().startsWith("not enough memory"), viewModel.report().fitsProperty().get());
    }

    @Test
    void aValidSpecIsQueuedForTraining() {
        viewModel.queueForTraining();
        assertEquals(List.of(Presets.model1()), List.copyOf(workbench.trainingQueue()));
    }
}
