package org.encore.app;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.util.StringConverter;

/**
 * A combo box choosing one of the open trained runs, shown by name (the latent map, reconstruction, layer charts);
 * a run training now reads "live: NAME (training now)" until it finishes, in the list and on the button.
 */
public final class RunPicker {
    private RunPicker() {
    }

    /** What the box shows for {@code run}. */
    public static String label(TrainedRun run) {
        return run == null ? "" : run.training() ? "live: " + run.name() + " (training now)" : run.name();
    }

    /** Lists {@code runs} in {@code box}, by name, its choice bound both ways to {@code chosen}. */
    public static void bind(ComboBox<TrainedRun> box, ObservableList<TrainedRun> runs, ObjectProperty<TrainedRun> chosen) {
        box.setItems(runs);
        box.valueProperty().bindBidirectional(chosen);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(TrainedRun run) {
                return label(run);
            }

            @Override
            public TrainedRun fromString(String text) {
                return null;
            }
        });
        box.setCellFactory(list -> new RunCell());
        box.setButtonCell(new RunCell());
    }

    /** A cell whose text follows its run's status (a live run's label changes when it finishes). */
    private static final class RunCell extends ListCell<TrainedRun> {
        @Override
        protected void updateItem(TrainedRun run, boolean empty) {
            super.updateItem(run, empty);
            textProperty().unbind();
            if (empty || run == null) {
                setText(null);
            } else {
                textProperty().bind(Bindings.createStringBinding(() -> label(run), run.statusProperty(), run.modelProperty()));
            }
        }
    }
}
