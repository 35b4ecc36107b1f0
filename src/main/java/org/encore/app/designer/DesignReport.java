package org.encore.app.designer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.Bar;
import org.encore.app.designer.SpecForm.Field;
import org.encore.data.Dataset;
import org.encore.model.ModelSpec;
import org.encore.training.Engine;
import org.encore.model.SpecError;
import org.encore.model.SpecFiles;
import org.encore.model.SpecValidator;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the designer shows about the selected spec, as properties to bind: the message beside each field, the
 * parameter count and memory estimate ({@link DesignEstimate}), the layer widths drawing, the JSON, and whether
 * the spec is valid. Touched on the FX thread only.
 */
public final class DesignReport {
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper(this, "parameters", "");
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json", "");
    private final ReadOnlyStringWrapper fits = new ReadOnlyStringWrapper(this, "fits", "");
    private final ReadOnlyStringWrapper users = new ReadOnlyStringWrapper(this, "users", "");
    private final ReadOnlyStringWrapper widthText = new ReadOnlyStringWrapper(this, "widthText", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper fewUsers = new ReadOnlyBooleanWrapper(this, "fewUsers");
    private final ObservableList<Bar> widths = FXCollections.observableArrayList();
    private final ObservableList<Bar> dropouts = FXCollections.observableArrayList();

    private final Engine engine;

    DesignReport(Engine engine) {
        this.engine = engine;
        for (Field field : Field.values()) {
            errors.put(field, new ReadOnlyStringWrapper(this, field + "Error", ""));
        }
    }

    /** Shows {@code spec} (null: none selected), whose layers {@code form} holds, on {@code dataset} (null: none open). */
    void show(ModelSpec spec, SpecForm form, Dataset dataset, boolean backendReady) {
        widthText.set(DesignEstimate.widthText(dataset));
        if (spec == null) {
            widths.clear();
            dropouts.clear();
            json.set("");
            show(new DesignEstimate("", "", "", "", false));
            showErrors(Map.of());
            return;
        }
        json.set(SpecFiles.toJson(spec));
        dropouts.setAll(DesignEstimate.dropouts(form.layers()));
        widths.setAll(DesignEstimate.widths(form.layers(), dataset));
        List<SpecError> problems = SpecValidator.validate(spec);
        showErrors(form.fieldErrors(problems));
        if (!problems.isEmpty()) {
            valid.set(false);
            show(DesignEstimate.INVALID);
            return;
        }
        valid.set(true);
        show(DesignEstimate.of(spec, dataset, backendReady ? engine : null));
    }

    /** The form does not make a spec: its messages, and no estimate (the last valid spec's would mislead). */
    void showInvalid(Map<Field, String> messages) {
        showErrors(messages);
        valid.set(false);
        show(DesignEstimate.INVALID);
    }

    private void show(DesignEstimate shown) {
        parameters.set(shown.parameters());
        estimate.set(shown.memory());
        fits.set(shown.fits());
        users.set(shown.users());
        fewUsers.set(shown.fewUsers());
    }

    private void showErrors(Map<Field, String> messages) {
        errors.forEach((field, property) -> property.set(messages.getOrDefault(field, "")));
    }

    /** The message to show beside {@code field}; empty when fine. */
    public ReadOnlyStringProperty errorProperty(Field field) {
        return errors.get(field).getReadOnlyProperty();
    }

    /** The users line warns of few training users: the "all users" button applies. */
    public ReadOnlyBooleanProperty fewUsersProperty() {
        return fewUsers.getReadOnlyProperty();
    }

    /** "Trains on N users, validates on M (of T)" for the open dataset, with a hint when N is small. */
    public ReadOnlyStringProperty usersProperty() {
        return users.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    /** The selected spec as its JSON file would hold it. */
    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** Whether the spec fits the memory limits (empty until ND4J is loaded), or the refusal with its figures. */
    public ReadOnlyStringProperty fitsProperty() {
        return fits.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty widthTextProperty() {
        return widthText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** Dropout layers for the drawing: label "dropout RATE", value = index in {@link #widths()} of the bar it follows. */
    public ObservableList<Bar> dropouts() {
        return dropouts;
    }

    /** Dense layer widths from input to output, each labelled (input, activation or layer name, output). */
    public ObservableList<Bar> widths() {
        return widths;
    }
}
