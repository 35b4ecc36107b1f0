package org.encore.app;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.util.StringConverter;

/**
 * A combo box choosing one of the open trained runs, shown by name (the latent map, reconstruction, layer charts);
 * a run training now reads "live: NAME (training now)" (the latent map lists it).
 */
public final class RunPicker {
    private RunPicker() {
    }

    /** Lists {@code runs} in {@code box}, by name, its choice bound both ways to {@code chosen}. */
    public static void bind(ComboBox<TrainedRun> box, ObservableList<TrainedRun> runs, ObjectProperty<TrainedRun> chosen) {
        box.setItems(runs);
        box.valueProperty().bindBidirectional(chosen);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrainedRun run) {
                return run == null ? "" : run.training() ? "live: " + run.name() + " (training now)" : run.name();
            }

            @Override
            public TrainedRun fromString(String text) {
                return null;
            }
        });
    }
}
