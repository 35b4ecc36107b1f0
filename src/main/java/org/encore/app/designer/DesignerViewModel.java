package org.encore.app.designer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.DesignEntry;
import org.encore.app.StatusMessage;
import org.encore.app.Workbench;
import org.encore.app.designer.SpecForm.Field;
import org.encore.data.Dataset;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.SpecFiles;
import org.encore.training.Engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model designer's state: the list of specs, the selection, undo and redo, the bindings of the form's fields
 * (the text ↔ spec conversion and the message per field are {@link SpecForm}'s), the live parameter count and
 * memory estimate, the layer widths drawing and JSON files. Every edit that parses becomes a new immutable
 * {@link ModelSpec} in the shared list.
 */
public final class DesignerViewModel {
    private record State(List<DesignEntry> entries, int selected) {
    }

    private final Workbench workbench;
    private final ObservableList<DesignEntry> designs;
    private final SpecForm form = new SpecForm();
    private final DesignReport report;
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<ModelSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ObservableList<LayerSpec> layers = FXCollections.observableArrayList();
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", -1);

    private final FormFields fields = new FormFields(form, this::commitFields);
    private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper(this, "canReset");
    private final StatusMessage fileMessage = new StatusMessage();
    private final UndoHistory<State> history = new UndoHistory<>();

    public DesignerViewModel(Workbench workbench, Engine engine) {
        this.report = new DesignReport(engine);
        this.workbench = workbench;
        this.designs = workbench.designs();
        selected.addListener((obs, old, index) -> {
            history.breakMerge();
            showSelected();
        });
        selectedLayer.addListener((obs, old, index) -> {
            history.breakMerge();
            form.selectLayer(index.intValue());
            showFields();
            refreshEstimate();
        });
        workbench.datasetProperty().addListener((obs, old, dataset) -> {
            suitUsersToDataset(dataset);
            refreshEstimate();
        });
        workbench.backendReadyProperty().addListener((obs, old, ready) -> refreshEstimate());
        selected.set(designs.isEmpty() ? -1 : 0);
    }

    // ---- selection and field display ----

    private void showSelected() {
        int index = selected.get();
        ModelSpec current = index >= 0 && index < designs.size() ? designs.get(index).spec() : null;
        spec.set(current);
        if (current == null) {
            form.setLayers(List.of(), -1);
            form.setText(Field.NAME, "");
        } else {
            form.fromSpec(current);
        }
        layers.setAll(form.layers());
        if (selectedLayer.get() >= layers.size()) {
            selectedLayer.set(layers.size() - 1);
        }
        form.selectLayer(selectedLayer.get());
        showFields();
        canReset.set(current != null && designs.get(index).preset() != null);
        refreshEstimate();
    }

    /** Copies the form into the bound properties, without taking that for an edit. */
    private void showFields() {
        fields.show();
    }

    // ---- editing ----

    /** Reads the form; a spec that parses replaces the selected one (one undo step per field being typed). */
    private void commitFields(String field) {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        SpecForm.Result result = form.toSpec(current, this::isNameTakenByAnother);
        if (result.spec() == null) {
            // the estimate of the old spec would mislead
            report.showInvalid(result.errors());
            return;
        }
        replaceSelected(result.spec(), field);
    }

    private boolean isNameTakenByAnother(String candidate) {
        for (int i = 0; i < designs.size(); i++) {
            if (i != selected.get() && designs.get(i).name().equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    private void replaceSelected(ModelSpec edited, String mergeField) {
        int index = selected.get();
        DesignEntry entry = designs.get(index);
        if (entry.spec().equals(edited)) {
            refreshEstimate();
            return;
        }
        history.record(state(), mergeField);
        int layer = selectedLayer.get();
        designs.set(index, entry.withSpec(edited));
        // the list's set may have cleared the selection of a bound list view
        selected.set(index);
        spec.set(edited);
        form.fromSpec(edited);
        if (!layers.equals(form.layers())) {
            layers.setAll(form.layers());
        }
        selectedLayer.set(Math.min(layer, layers.size() - 1));
        refreshEstimate();
    }

    private void applyLayers(List<LayerSpec> newLayers, int newSelection) {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        if (!form.layersEditable()) {
            // a vae's or cdae's stack is drawn from its Kind fields: an edit here could not be saved as shown
            return;
        }
        history.breakMerge();
        form.setLayers(newLayers, newSelection);
        SpecForm.Result result = form.toSpec(current, this::isNameTakenByAnother);
        if (result.spec() != null) {
            replaceSelected(result.spec(), null);
        }
        selectedLayer.set(newSelection);
        form.selectLayer(newSelection);
        showFields();
        refreshEstimate();
    }

    public void addDense() {
        insertLayer(LayerSpec.dense(256, Activation.SELU));
    }

    public void addDropout() {
        insertLayer(LayerSpec.dropout(0.5));
    }

    private void insertLayer(LayerSpec layer) {
        List<LayerSpec> list = new ArrayList<>(layers);
        int at = selectedLayer.get() + 1;
        list.add(at, layer);
        applyLayers(list, at);
    }

    public void removeLayer() {
        moveLayer(0);
    }

    /** Moves the selected layer by {@code delta} places; 0 removes it. */
    public void moveLayer(int delta) {
        int at = selectedLayer.get();
        int to = at + delta;
        if (at < 0 || at >= layers.size() || to < 0 || to >= layers.size()) {
            return;
        }
        List<LayerSpec> list = new ArrayList<>(layers);
        LayerSpec moved = list.remove(at);
        if (delta != 0) {
            list.add(to, moved);
        }
        applyLayers(list, Math.min(to, list.size() - 1));
    }

    // ---- the list of specs ----

    public void duplicate() {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        history.record(state(), null);
        DesignEntry copy = new DesignEntry(designs.get(selected.get()).preset(), SpecForm.renamed(current, uniqueName(current.name() + " copy")));
        designs.add(selected.get() + 1, copy);
        selected.set(selected.get() + 1);
    }

    public void rename(String newName) {
        if (newName != null && !newName.isBlank()) {
            history.breakMerge();
            textProperty(Field.NAME).set(newName.trim());
            history.breakMerge();
        }
    }

    /** Deletes the selected spec; the last one stays. */
    public void delete() {
        int index = selected.get();
        if (index < 0 || designs.size() <= 1) {
            return;
        }
        history.record(state(), null);
        designs.remove(index);
        selected.set(-1);
        selected.set(Math.min(index, designs.size() - 1));
    }

    /** Puts back the preset the selected spec came from, keeping its name. */
    public void resetToPreset() {
        int index = selected.get();
        if (index < 0 || designs.get(index).preset() == null) {
            return;
        }
        DesignEntry entry = designs.get(index);
        history.breakMerge();
        replaceSelected(entry.originNamed(), null);
        showSelected();
    }

    public void undo() {
        restore(history.undo(state()));
    }

    public void redo() {
        restore(history.redo(state()));
    }

    private State state() {
        return new State(List.copyOf(designs), selected.get());
    }

    private void restore(State state) {
        if (state == null) {
            return;
        }
        int layer = selectedLayer.get();
        designs.setAll(state.entries());
        selected.set(-1);
        selected.set(state.selected());
        selectedLayer.set(Math.min(layer, layers.size() - 1));
    }

    private String uniqueName(String base) {
        String candidate = base;
        int n = 2;
        while (nameExists(candidate)) {
            candidate = base + " " + n++;
        }
        return candidate;
    }

    private boolean nameExists(String candidate) {
        return designs.stream().anyMatch(d -> d.name().equals(candidate));
    }

    /** Adds the selected spec to the training queue. */
    public void queueForTraining() {
        if (spec.get() != null && report.validProperty().get()) {
            workbench.trainingQueue().add(spec.get());
            int waiting = workbench.trainingQueue().size();
            fileMessage.info("Added " + spec.get().name() + " to the training queue (" + waiting
                    + (waiting == 1 ? " spec waits" : " specs wait") + "; train them in the Training view)");
        }
    }

    // ---- files ----

    public void save(Path file) {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        if (!report.validProperty().get()) {
            // the fields on screen are not the selected spec: saving it would write something else than shown
            fileMessage.error("Not saved: fix the marked fields first");
            return;
        }
        try {
            SpecFiles.write(file, current);
            fileMessage.info("Saved " + file.getFileName());
        } catch (IOException e) {
            fileMessage.error("Cannot save " + file + ": " + e.getMessage());
        }
    }

    /** Reads a spec JSON and adds it to the list; a bad file leaves the list as it was. */
    public void load(Path file) {
        try {
            ModelSpec loaded = SpecFiles.read(file);
            if (loaded.name() == null || loaded.name().isBlank()) {
                loaded = SpecForm.renamed(loaded, file.getFileName().toString().replaceFirst("\\.json$", ""));
            }
            history.record(state(), null);
            designs.add(new DesignEntry(null, SpecForm.renamed(loaded, uniqueName(loaded.name()))));
            selected.set(designs.size() - 1);
            fileMessage.info("Loaded " + file.getFileName());
        } catch (SpecFiles.SpecFormatException e) {
            fileMessage.error("Cannot load " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            fileMessage.error("Cannot load " + file.getFileName() + ": " + e.getMessage());
        }
    }

    // ---- validation and estimate ----

    private void refreshEstimate() {
        report.show(spec.get(), form, workbench.dataset(), workbench.backendReadyProperty().get());
    }

    /** Presets not yet edited start on the open dataset with enough users ({@link DesignEntry#suitedTo}); not an undo step. */
    private void suitUsersToDataset(Dataset dataset) {
        for (int i = 0; i < designs.size() && dataset != null; i++) {
            DesignEntry suited = designs.get(i).suitedTo(dataset);
            if (!suited.equals(designs.get(i))) {
                designs.set(i, suited);
            }
        }
        int index = selected.get();
        selected.set(-1);
        selected.set(index);
    }

    /** Names of the presets edited in place and not saved: quitting offers to save them. */
    public List<DesignEntry> modifiedPresets() {
        return designs.stream().filter(DesignEntry::modified).toList();
    }

    /** Writes each of {@code entries} to {@code folder} as NAME.json, never over an existing file; the status line says what. */
    public void saveAll(List<DesignEntry> entries, Path folder) {
        try {
            List<Path> written = SpecFolder.writeAll(entries, folder);
            fileMessage.info("Saved " + String.join(", ", written.stream().map(f -> f.getFileName().toString()).toList()) + " in " + folder);
        } catch (IOException e) {
            fileMessage.error("Cannot save in " + folder + ": " + e.getMessage());
        }
    }

    /** Sets the users fraction to 1: every user of the dataset, split into training and validation. */
    public void useAllUsers() {
        setUsersFraction("1");
    }

    /** Sets the users fraction back to the reference protocol's 10%. */
    public void useReferenceUsers() {
        setUsersFraction(SpecForm.number(SpecForm.usersFractionOf(Presets.model1())));
    }

    private void setUsersFraction(String text) {
        history.breakMerge();
        fields.text(Field.USERS_FRACTION).set(text);
        history.breakMerge();
    }

    // ---- properties ----

    /** What the view shows about the selected spec: estimate, drawing, JSON, the message per field. */
    public DesignReport report() {
        return report;
    }

    public ObservableList<DesignEntry> designs() {
        return designs;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ModelSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ObservableList<LayerSpec> layers() {
        return FXCollections.unmodifiableObservableList(layers);
    }

    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    /** The text of one of {@link SpecForm#TEXT_FIELDS}, bound both ways to its text field. */
    public StringProperty textProperty(Field field) {
        return fields.text(field);
    }

    /** The form's fields as properties to bind: the choices, the kind shown, whether the stack is editable. */
    public FormFields fields() {
        return fields;
    }

    public ReadOnlyBooleanProperty canResetProperty() {
        return canReset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    public ReadOnlyStringProperty fileMessageProperty() {
        return fileMessage.textProperty();
    }

    /** The designer's status line (files, the queue), and whether it is an error. */
    public StatusMessage message() {
        return fileMessage;
    }

}
