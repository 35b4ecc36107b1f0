package org.encore.app;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;

/**
 * The one line a view says about what just happened, and whether it is an error: errors are drawn in the
 * error colour, status and success lines are not. Touched on the FX thread only.
 */
public final class StatusMessage {
    /** Style class of an error line (red). */
    public static final String ERROR_STYLE = "status-error";
    /** Style class of a status or success line (plain). */
    public static final String INFO_STYLE = "status-info";

    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    /** A status or success line: "Opened …", "Saved …", "Open a dataset first". */
    public void info(String line) {
        error.set(false);
        text.set(line);
    }

    /** Something failed or was refused for bad input: "Cannot open …: why". */
    public void error(String line) {
        error.set(true);
        text.set(line);
    }

    public void clear() {
        info("");
    }

    public String get() {
        return text.get();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Shows this message in {@code label}, styled as an error or a status line as it changes. */
    public void bind(Label label) {
        label.textProperty().bind(text);
        Runnable restyle = () -> {
            label.getStyleClass().removeAll(ERROR_STYLE, INFO_STYLE);
            label.getStyleClass().add(error.get() ? ERROR_STYLE : INFO_STYLE);
        };
        error.addListener((obs, old, isError) -> restyle.run());
        restyle.run();
    }
}
