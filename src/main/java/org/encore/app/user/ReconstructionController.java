package org.encore.app.user;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.encore.app.Charts;
import org.encore.app.MetricHelp;
import org.encore.app.RunPicker;
import org.encore.app.TrainedRun;

import java.util.function.Function;

/** The Reconstruction tab of the per-user panel: binds {@link ReconstructionViewModel}. */
public final class ReconstructionController {
    private final ReconstructionViewModel viewModel;

    @FXML private ComboBox<TrainedRun> modelBox;
    @FXML private Label summaryLabel;
    @FXML private Label explanationLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<ReconstructionRow> ratedTable;
    @FXML private TableColumn<ReconstructionRow, String> titleColumn;
    @FXML private TableColumn<ReconstructionRow, String> ratingColumn;
    @FXML private TableColumn<ReconstructionRow, String> outputColumn;
    @FXML private TableColumn<ReconstructionRow, String> errorColumn;
    @FXML private TableColumn<ReconstructionRow, Number> rankColumn;
    @FXML private TableView<ReconstructionRow> recommendedTable;
    @FXML private TableColumn<ReconstructionRow, String> recTitleColumn;
    @FXML private TableColumn<ReconstructionRow, String> recOutputColumn;
    @FXML private TableColumn<ReconstructionRow, Number> recRankColumn;
    @FXML private BarChart<String, Number> histogramChart;

    public ReconstructionController(ReconstructionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        RunPicker.bind(modelBox, viewModel.runs(), viewModel.runProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        explanationLabel.setText("This is predict(x) * (x == 0): the model reconstructs the user's whole row x; "
                + "left, how it reproduces the ratings it was given; right, the unrated movies with the highest outputs, "
                + "which are the recommendations.");
        MetricHelp.install(explanationLabel, MetricHelp.RECONSTRUCTION);
        viewModel.message().bind(messageLabel);
        ratedTable.setItems(viewModel.rated());
        recommendedTable.setItems(viewModel.recommended());
        text(titleColumn, ReconstructionRow::title);
        text(ratingColumn, ReconstructionRow::rating);
        text(outputColumn, ReconstructionRow::output);
        text(errorColumn, ReconstructionRow::error);
        rankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        text(recTitleColumn, ReconstructionRow::title);
        text(recOutputColumn, ReconstructionRow::output);
        recRankColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        outputColumn.textProperty().bind(viewModel.outputHeadingProperty());
        recOutputColumn.textProperty().bind(viewModel.outputHeadingProperty());
        Charts.bindBars(histogramChart, viewModel.histogram(), "outputs");
        histogramChart.getXAxis().labelProperty().bind(viewModel.outputHeadingProperty());
    }

    private static void text(TableColumn<ReconstructionRow, String> column, Function<ReconstructionRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }
}
