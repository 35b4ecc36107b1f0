package org.encore.app.training;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.encore.training.RunFolder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;

/** The saved-runs table of the Training view: name, dataset, kind, epochs, best validation MSE, date; multi-select. */
final class SavedRunColumns {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private SavedRunColumns() {
    }

    static void fill(TableView<RunFolder.Summary> table, ObservableList<RunFolder.Summary> runs) {
        table.setItems(runs);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getColumns().add(column("run", 150, r -> r.runDir().getFileName().toString()));
        table.getColumns().add(column("dataset", 90, r -> r.dataset() == null ? "" : r.dataset().release()));
        table.getColumns().add(column("kind", 80, RunFolder.Summary::kind));
        table.getColumns().add(column("epochs", 60, SavedRunColumns::epochs));
        table.getColumns().add(column("best val. MSE", 90, r -> Double.isNaN(r.bestValidation()) ? ""
                : String.format(Locale.ROOT, "%.5f", r.bestValidation())));
        table.getColumns().add(column("date", 110, r -> date(r.savedAt())));
    }

    /** "12", or "3 of 30" for a run that stopped before its planned epochs. */
    static String epochs(RunFolder.Summary r) {
        return r.plannedEpochs() > r.epochs() ? r.epochs() + " of " + r.plannedEpochs() : String.valueOf(r.epochs());
    }

    private static String date(String savedAt) {
        try {
            return DATE.format(Instant.parse(savedAt));
        } catch (DateTimeParseException e) {
            return savedAt;
        }
    }

    private static TableColumn<RunFolder.Summary, String> column(String title, double width,
                                                               Function<RunFolder.Summary, String> text) {
        TableColumn<RunFolder.Summary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
