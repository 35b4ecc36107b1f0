package org.encore.app.designer;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.encore.app.DesignEntry;
import org.encore.app.ReadableNames;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.OptimizerSpec;

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
    @FXML private Label layerKindLabel;
    @FXML private TextField unitsField;
    @FXML private Label unitsError;
    @FXML private ComboBox<Activation> activationBox;
    @FXML private TextField rateField;
    @FXML private Label rateError;
    @FXML private Label layersError;
    @FXML private Pane widthsPane;
    @FXML private Label widthLabel;
    @FXML private TextField nameField;
    @FXML private Label nameError;
    @FXML private ComboBox<OptimizerSpec.Type> optimizerBox;
    @FXML private TextField learningRateField;
    @FXML private Label learningRateError;
    @FXML private TextField momentumField;
    @FXML private Label momentumError;
    @FXML private ComboBox<LossType> lossBox;
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
        // with no layer selected the greyed-out fields below need a word on how to fill them
        layerKindLabel.textProperty().bind(Bindings.when(viewModel.layerKindProperty().isEmpty())
                .then("select a layer above to edit it").otherwise(viewModel.layerKindProperty()));
        unitsField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.LAYER_UNITS));
        unitsField.disableProperty().bind(viewModel.layerKindProperty().isNotEqualTo("dense"));
        activationBox.getItems().setAll(Activation.values());
        activationBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Activation activation) {
                return activation == null ? "" : activation.keras();
            }

            @Override
            public Activation fromString(String text) {
                return Activation.fromKeras(text);
            }
        });
        activationBox.valueProperty().bindBidirectional(viewModel.layerActivationProperty());
        activationBox.disableProperty().bind(viewModel.layerKindProperty().isNotEqualTo("dense"));
        rateField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.LAYER_RATE));
        rateField.disableProperty().bind(viewModel.layerKindProperty().isNotEqualTo("dropout"));
        unitsError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.LAYER_UNITS));
        rateError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.LAYER_RATE));
        layersError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.LAYERS));

        LayerWidthsView drawing = new LayerWidthsView();
        drawing.prefWidthProperty().bind(widthsPane.widthProperty());
        drawing.prefHeightProperty().bind(widthsPane.heightProperty());
        widthsPane.getChildren().add(drawing);
        drawing.bind(viewModel.report().widths(), viewModel.report().dropouts());
        widthLabel.textProperty().bind(viewModel.report().widthTextProperty());

        nameField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.NAME));
        optimizerBox.getItems().setAll(OptimizerSpec.Type.values());
        ReadableNames.apply(optimizerBox, ReadableNames::optimizer, ReadableNames::optimizerHint);
        optimizerBox.valueProperty().bindBidirectional(viewModel.optimizerProperty());
        learningRateField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.LEARNING_RATE));
        momentumField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.MOMENTUM));
        momentumField.disableProperty().bind(viewModel.optimizerProperty().isNotEqualTo(OptimizerSpec.Type.SGD));
        lossBox.getItems().setAll(LossType.values());
        ReadableNames.apply(lossBox, ReadableNames::loss, ReadableNames::lossHint);
        lossBox.valueProperty().bindBidirectional(viewModel.lossProperty());
        batchField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.BATCH_SIZE));
        epochsField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.EPOCHS));
        usersFractionField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.USERS_FRACTION));
        validationFractionField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.VALIDATION_FRACTION));
        seedField.textProperty().bindBidirectional(viewModel.textProperty(SpecForm.Field.SEED));
        nameError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.NAME));
        learningRateError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.LEARNING_RATE));
        momentumError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.MOMENTUM));
        batchError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.BATCH_SIZE));
        epochsError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.EPOCHS));
        usersFractionError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.USERS_FRACTION));
        validationFractionError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.VALIDATION_FRACTION));
        seedError.textProperty().bind(viewModel.report().errorProperty(SpecForm.Field.SEED));
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
