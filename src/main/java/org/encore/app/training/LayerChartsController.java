package org.encore.app.training;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.encore.app.Bar;
import org.encore.app.Charts;
import org.encore.app.MetricHelp;
import org.encore.app.RunPicker;
import org.encore.app.TrainedRun;

/** The Training view's "Inside the layers" tab: binds {@link LayerChartsViewModel} to three charts. */
public final class LayerChartsController {
    private final LayerChartsViewModel viewModel;

    @FXML private ComboBox<TrainedRun> layerRunBox;
    @FXML private ComboBox<String> layerBox;
    @FXML private Label layerSummary;
    @FXML private BarChart<String, Number> weightChart;
    @FXML private BarChart<String, Number> activationChart;
    @FXML private LineChart<String, Number> ratioChart;

    public LayerChartsController(LayerChartsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        RunPicker.bind(layerRunBox, viewModel.runs(), viewModel.runProperty());
        layerBox.setItems(viewModel.layers());
        layerBox.valueProperty().bindBidirectional(viewModel.layerProperty());
        layerSummary.textProperty().bind(viewModel.summaryProperty());
        Charts.bindBars(weightChart, viewModel.weights(), "weights");
        Charts.bindBars(activationChart, viewModel.activations(), "activations");
        MetricHelp.install(weightChart, MetricHelp.WEIGHT_HISTOGRAM);
        MetricHelp.install(activationChart, MetricHelp.ACTIVATION_HISTOGRAM);
        MetricHelp.install(ratioChart, MetricHelp.UPDATE_RATIO);
        MetricHelp.install(layerSummary, MetricHelp.UPDATE_RATIO);
        ratioChart.setAnimated(false);
        ratioChart.setLegendVisible(false);
        viewModel.ratios().addListener((ListChangeListener<Bar>) change -> drawRatios());
        drawRatios();
    }

    private void drawRatios() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName("log10 update:parameter");
        for (Bar bar : viewModel.ratios()) {
            series.getData().add(new XYChart.Data<>(bar.label(), bar.value()));
        }
        ratioChart.getData().setAll(java.util.List.of(series));
    }
}
