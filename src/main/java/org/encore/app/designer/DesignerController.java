package org.encore.app.designer;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.encore.app.DesignEntry;
import org.encore.app.ReadableNames;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.OptimizerSpec;
import org.encore.model.TrainingSettings;
import org.encore.training.TrainMetricsKind;

import java.io.File;
import java.util.Locale;

/** Model designer: binds the spec list, layer stack and settings form to {@link DesignerViewModel}. */
public final class DesignerController {
    private final DesignerViewModel viewModel;

    @FXML private ListView<DesignEntry> specList;
    @FXML private Button resetButton;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Label fileMessage;
    @FXML private TextArea jsonArea;
    @FXML private ListView<LayerSpec> layerList;
    @FXML private HBox stackButtons;
    @FXML private GridPane layerGrid;
    @FXML private Label layerKindLabel;
    @FXML private TextField unitsField;
    @FXML private Label unitsError;
    @FXML private ComboBox<Activation> activationBox;
    @FXML private TextField rateField;
    @FXML private Label rateError;
    @FXML private Label layersError;
    @FXML private TitledPane kindPane;
    @FXML private Label kindNote;
    @FXML private GridPane vaeGrid;
    @FXML private TextField encoderField;
    @FXML private Label encoderError;
    @FXML private TextField codingField;
    @FXML private Label codingError;
    @FXML private TextField decoderField;
    @FXML private Label decoderError;
    @FXML private ComboBox<Activation> vaeActivationBox;
    @FXML private Label vaeActivationError;
    @FXML private TextField inputDropoutField;
    @FXML private Label inputDropoutError;
    @FXML private TextField betaCapField;
    @FXML private Label betaCapError;
    @FXML private TextField annealStepsField;
    @FXML private Label annealStepsError;
    @FXML private GridPane cdaeGrid;
    @FXML private TextField hiddenUnitsField;
    @FXML private Label hiddenUnitsError;
    @FXML private ComboBox<Activation> cdaeActivationBox;
    @FXML private Label cdaeActivationError;
    @FXML private TextField corruptionField;
    @FXML private Label corruptionError;
    @FXML private Pane widthsPane;
    @FXML private Label widthLabel;
    @FXML private GridPane trainingGrid;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private ComboBox<OptimizerSpec.Type> optimizerBox;
    @FXML private TextField learningRateField;
    @FXML private Label learningRateError;
    @FXML private TextField momentumField;
    @FXML private Label momentumError;
    @FXML private TextField batchField;
    @FXML private Label batchError;
    @FXML private TextField epochsField;
    @FXML private Label epochsError;
    @FXML private TextField usersFractionField;
    @FXML private Label usersFractionError;
    @FXML private TextField validationFractionField;
    @FXML private Label validationFractionError;
    @FXML private TextField seedField;
    @FXML private Label seedError;
    @FXML private TextField l2Field;
    @FXML private Label l2Error;
    @FXML private TextField patienceField;
    @FXML private Label patienceError;
    @FXML private ComboBox<TrainingSettings.Selection> selectionBox;
    @FXML private ComboBox<TrainMetricsKind> trainMetricsBox;
    @FXML private GridPane inputGrid;
    @FXML private ComboBox<LossType> lossBox;
    @FXML private Label lossError;
    @FXML private TextField valueScaleField;
    @FXML private Label valueScaleError;
    @FXML private TextField binarizeField;
    @FXML private Label binarizeError;
    @FXML private CheckBox l2NormalizeBox;
    @FXML private Label parametersLabel;
    @FXML private Label estimateLabel;
    @FXML private Label usersLabel;
    @FXML private Label fitsLabel;
    @FXML private Button queueButton;
    @FXML private Button allUsersButton;
    @FXML private Button referenceUsersButton;
    @FXML private Label whyTenPercent;

    public DesignerController(DesignerViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        specList.setItems(viewModel.designs());
        specList.getSelectionModel().select(viewModel.selectedProperty().get());
        specList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0 && index.intValue() != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(index.intValue());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, index) -> {
            if (specList.getSelectionModel().getSelectedIndex() != index.intValue()) {
                specList.getSelectionModel().select(index.intValue());
            }
        });
        specList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(DesignEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null
                        : entry.name() + (entry.preset() != null && !entry.preset().equals(entry.name()) ? "  (from " + entry.preset() + ")" : "")
                        + (entry.modified() ? "  · modified" : ""));
            }
        });
        resetButton.disableProperty().bind(viewModel.canResetProperty().not());
        undoButton.disableProperty().bind(viewModel.canUndoProperty().not());
        redoButton.disableProperty().bind(viewModel.canRedoProperty().not());
        viewModel.message().bind(fileMessage);
        jsonArea.textProperty().bind(viewModel.report().jsonProperty());

        layerList.setItems(viewModel.layers());
        layerList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(LayerSpec layer, boolean empty) {
                super.updateItem(layer, empty);
                setText(empty || layer == null ? null : describe(getIndex(), layer));
            }
        });
        layerList.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0 && index.intValue() != viewModel.selectedLayerProperty().get()) {
                viewModel.selectedLayerProperty().set(index.intValue());
            }
        });
        viewModel.selectedLayerProperty().addListener((obs, old, index) -> layerList.getSelectionModel().select(index.intValue()));
        FormFields fields = viewModel.fields();
        // with no layer selected the greyed-out fields below need a word on how to fill them
        layerKindLabel.textProperty().bind(Bindings.when(fields.layerKindProperty().isEmpty())
                .then("select a layer above to edit it").otherwise(fields.layerKindProperty()));
        bindText(unitsField, unitsError, SpecForm.Field.LAYER_UNITS);
        unitsField.disableProperty().bind(fields.layerKindProperty().isNotEqualTo("dense"));
        bindActivation(activationBox, fields.layerActivationProperty());
        activationBox.disableProperty().bind(fields.layerKindProperty().isNotEqualTo("dense"));
        bindText(rateField, rateError, SpecForm.Field.LAYER_RATE);
        rateField.disableProperty().bind(fields.layerKindProperty().isNotEqualTo("dropout"));
        layersError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.LAYERS));
        FieldHelp.labelRows(layerGrid);
        bindKind(fields);

        LayerWidthsView drawing = new LayerWidthsView();
        drawing.prefWidthProperty().bind(widthsPane.widthProperty());
        drawing.prefHeightProperty().bind(widthsPane.heightProperty());
        widthsPane.getChildren().add(drawing);
        drawing.bind(viewModel.report().widths(), viewModel.report().dropouts());
        widthLabel.textProperty().bind(viewModel.report().widthTextProperty());

        bindText(nameField, nameError, SpecForm.Field.NAME);
        optimizerBox.getItems().setAll(OptimizerSpec.Type.values());
        ReadableNames.apply(optimizerBox, ReadableNames::optimizer, ReadableNames::optimizerHint);
        optimizerBox.valueProperty().bindBidirectional(fields.optimizerProperty());
        FieldHelp.mark(optimizerBox, SpecForm.Field.OPTIMIZER);
        bindText(learningRateField, learningRateError, SpecForm.Field.LEARNING_RATE);
        bindText(momentumField, momentumError, SpecForm.Field.MOMENTUM);
        momentumField.disableProperty().bind(fields.optimizerProperty().isNotEqualTo(OptimizerSpec.Type.SGD));
        bindText(batchField, batchError, SpecForm.Field.BATCH_SIZE);
        bindText(epochsField, epochsError, SpecForm.Field.EPOCHS);
        bindText(usersFractionField, usersFractionError, SpecForm.Field.USERS_FRACTION);
        bindText(validationFractionField, validationFractionError, SpecForm.Field.VALIDATION_FRACTION);
        bindText(seedField, seedError, SpecForm.Field.SEED);
        bindText(l2Field, l2Error, SpecForm.Field.L2);
        bindText(patienceField, patienceError, SpecForm.Field.PATIENCE);
        selectionBox.getItems().setAll(TrainingSettings.Selection.values());
        ReadableNames.apply(selectionBox, ReadableNames::selection, ReadableNames::selectionHint);
        selectionBox.valueProperty().bindBidirectional(fields.selectionProperty());
        FieldHelp.mark(selectionBox, SpecForm.Field.SELECTION);
        trainMetricsBox.getItems().setAll(TrainMetricsKind.values());
        ReadableNames.apply(trainMetricsBox, ReadableNames::trainMetrics, ReadableNames::trainMetricsHint);
        trainMetricsBox.valueProperty().bindBidirectional(fields.trainMetricsProperty());
        FieldHelp.mark(trainMetricsBox, SpecForm.Field.TRAIN_METRICS);
        FieldHelp.labelRows(trainingGrid);

        lossBox.getItems().setAll(LossType.values());
        ReadableNames.apply(lossBox, ReadableNames::loss, ReadableNames::lossHint);
        lossBox.valueProperty().bindBidirectional(fields.lossProperty());
        lossError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.LOSS));
        showWhen(lossError, lossError.textProperty().isNotEmpty());
        FieldHelp.mark(lossBox, SpecForm.Field.LOSS);
        bindText(valueScaleField, valueScaleError, SpecForm.Field.VALUE_SCALE);
        bindText(binarizeField, binarizeError, SpecForm.Field.BINARIZE_AT);
        binarizeField.setPromptText("off");
        l2NormalizeBox.selectedProperty().bindBidirectional(fields.l2NormalizeProperty());
        FieldHelp.install(l2NormalizeBox, SpecForm.Field.L2_NORMALIZE);
        FieldHelp.labelRows(inputGrid);

        parametersLabel.textProperty().bind(viewModel.report().parametersProperty());
        estimateLabel.textProperty().bind(viewModel.report().estimateProperty());
        usersLabel.textProperty().bind(viewModel.report().usersProperty());
        fitsLabel.textProperty().bind(viewModel.report().fitsProperty());
        queueButton.disableProperty().bind(viewModel.report().validProperty().not());
        allUsersButton.disableProperty().bind(viewModel.textProperty(SpecForm.Field.USERS_FRACTION).isEqualTo("1"));
        allUsersButton.setTooltip(new Tooltip("Users fraction 1: every user of the dataset, 80% to train and 20% to validate"));
        referenceUsersButton.setTooltip(new Tooltip("Users fraction 0.1, as the reference protocol"));
        Tooltip why = new Tooltip(DesignEstimate.REFERENCE_FRACTION_WHY);
        why.setWrapText(true);
        why.setMaxWidth(420);
        whyTenPercent.setTooltip(why);
    }

    /** The Kind section: a vae's or cdae's own settings, shown for that kind only; the stack is then only shown. */
    private void bindKind(FormFields fields) {
        BooleanBinding vae = fields.kindProperty().isEqualTo("vae");
        BooleanBinding cdae = fields.kindProperty().isEqualTo("cdae");
        showWhen(kindPane, fields.layersEditableProperty().not());
        showWhen(layerGrid, fields.layersEditableProperty());
        stackButtons.disableProperty().bind(fields.layersEditableProperty().not());
        kindPane.textProperty().bind(Bindings.concat("Kind: ", fields.kindProperty()));
        kindNote.textProperty().bind(Bindings.concat("These settings make the layers listed above; edit the ",
                fields.kindProperty(), " here."));
        showWhen(vaeGrid, vae);
        showWhen(cdaeGrid, cdae);
        bindText(encoderField, encoderError, SpecForm.Field.ENCODER);
        bindText(codingField, codingError, SpecForm.Field.CODING);
        bindText(decoderField, decoderError, SpecForm.Field.DECODER);
        bindActivation(vaeActivationBox, fields.kindActivationProperty());
        vaeActivationError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.KIND_ACTIVATION));
        FieldHelp.install(vaeActivationBox, SpecForm.Field.KIND_ACTIVATION);
        bindText(inputDropoutField, inputDropoutError, SpecForm.Field.INPUT_DROPOUT);
        bindText(betaCapField, betaCapError, SpecForm.Field.BETA_CAP);
        bindText(annealStepsField, annealStepsError, SpecForm.Field.ANNEAL_STEPS);
        annealStepsField.setPromptText("0 = scaled to the run");
        bindText(hiddenUnitsField, hiddenUnitsError, SpecForm.Field.HIDDEN_UNITS);
        bindActivation(cdaeActivationBox, fields.kindActivationProperty());
        cdaeActivationError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.KIND_ACTIVATION));
        FieldHelp.install(cdaeActivationBox, SpecForm.Field.KIND_ACTIVATION);
        bindText(corruptionField, corruptionError, SpecForm.Field.CORRUPTION);
        FieldHelp.labelRows(vaeGrid);
        FieldHelp.labelRows(cdaeGrid);
    }

    /** Binds a text field both ways to its form field, its message beside it, and its explanation as tooltip. */
    private void bindText(TextField text, Label error, SpecForm.Field field) {
        text.textProperty().bindBidirectional(viewModel.textProperty(field));
        error.textProperty().bind(viewModel.report().errorProperty(field));
        FieldHelp.install(text, field);
    }

    private static void bindActivation(ComboBox<Activation> box, ObjectProperty<Activation> activation) {
        box.getItems().setAll(Activation.values());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Activation value) {
                return value == null ? "" : value.keras();
            }

            @Override
            public Activation fromString(String text) {
                return Activation.fromKeras(text);
            }
        });
        box.valueProperty().bindBidirectional(activation);
    }

    private static void showWhen(Node node, ObservableBooleanValue condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    private static String describe(int index, LayerSpec layer) {
        if (layer instanceof LayerSpec.Dense dense) {
            return String.format(Locale.ROOT, "%d. Dense %,d · %s%s", index + 1, dense.units(), dense.activation().keras(),
                    dense.name() == null ? "" : " · " + dense.name());
        }
        return String.format(Locale.ROOT, "%d. Dropout %s", index + 1, ((LayerSpec.Dropout) layer).rate());
    }

    @FXML
    private void duplicate() {
        viewModel.duplicate();
    }

    @FXML
    private void rename() {
        TextInputDialog dialog = new TextInputDialog(viewModel.textProperty(SpecForm.Field.NAME).get());
        dialog.initOwner(specList.getScene().getWindow());
        dialog.setTitle("Rename spec");
        dialog.setHeaderText("New name for " + viewModel.textProperty(SpecForm.Field.NAME).get());
        dialog.showAndWait().ifPresent(viewModel::rename);
    }

    @FXML
    private void delete() {
        viewModel.delete();
    }

    @FXML
    private void reset() {
        viewModel.resetToPreset();
    }

    @FXML
    private void undo() {
        viewModel.undo();
    }

    @FXML
    private void redo() {
        viewModel.redo();
    }

    @FXML
    private void addDense() {
        viewModel.addDense();
    }

    @FXML
    private void addDropout() {
        viewModel.addDropout();
    }

    @FXML
    private void removeLayer() {
        viewModel.removeLayer();
    }

    @FXML
    private void moveUp() {
        viewModel.moveLayer(-1);
    }

    @FXML
    private void moveDown() {
        viewModel.moveLayer(1);
    }

    @FXML
    private void useAllUsers() {
        viewModel.useAllUsers();
    }

    @FXML
    private void useReferenceUsers() {
        viewModel.useReferenceUsers();
    }

    @FXML
    private void queue() {
        viewModel.queueForTraining();
    }

    @FXML
    private void save() {
        FileChooser chooser = jsonChooser("Save spec");
        chooser.setInitialFileName(viewModel.textProperty(SpecForm.Field.NAME).get() + ".json");
        File file = chooser.showSaveDialog(specList.getScene().getWindow());
        if (file != null) {
            viewModel.save(file.toPath());
        }
    }

    @FXML
    private void load() {
        File file = jsonChooser("Load spec").showOpenDialog(specList.getScene().getWindow());
        if (file != null) {
            viewModel.load(file.toPath());
        }
    }

    private static FileChooser jsonChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Spec JSON", "*.json"));
        return chooser;
    }
}
