package org.encore.app.training;

import java.util.LinkedHashMap;
import java.awt.image.BufferedImage;
import javafx.scene.transform.Transform;
import javafx.scene.image.PixelWriter;
import javafx.scene.SnapshotParameters;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.embed.swing.SwingFXUtils;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.stage.DirectoryChooser;
import org.encore.app.Charts;
import org.encore.app.DesignEntry;
import org.encore.app.MetricHelp;
import org.encore.app.TrainedRun;
import org.encore.data.AtomicFiles;
import org.encore.model.ModelSpec;
import org.encore.training.EpochMetrics;
import org.encore.training.RunFolder;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Training view: queue, controls, progress, the three metric charts and the run lists. */
public final class TrainingController {
    private final TrainingViewModel viewModel;
    private final Map<Metric, LineChart<Number, Number>> charts = new EnumMap<>(Metric.class);
    private final List<Runnable> detachSeries = new ArrayList<>();

    @FXML private ComboBox<DesignEntry> specBox;
    @FXML private ListView<ModelSpec> queueList;
    @FXML private Button trainButton;
    @FXML private Button pauseButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label messageLabel;
    @FXML private ListView<TrainedRun> runList;
    @FXML private TableView<RunFolder.Summary> savedList;
    @FXML private Label hiddenRunsLabel;
    @FXML private LineChart<Number, Number> r2Chart;
    @FXML private LineChart<Number, Number> mseChart;
    @FXML private LineChart<Number, Number> maeChart;
    @FXML private FlowPane legendPane;

    public TrainingController(TrainingViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        specBox.setItems(viewModel.workbench().designs());
        if (!specBox.getItems().isEmpty()) {
            specBox.getSelectionModel().select(0);
        }
        queueList.setItems(viewModel.queue());
        queueList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ModelSpec spec, boolean empty) {
                super.updateItem(spec, empty);
                setText(empty || spec == null ? null : String.format(Locale.ROOT, "%s · %d epochs · batch %d · %.0f%% of users",
                        spec.name(), spec.training().epochs(), spec.training().batchSize(), spec.training().usersFraction() * 100));
            }
        });
        trainButton.disableProperty().bind(viewModel.runningProperty());
        trainButton.textProperty().bind(Bindings.when(Bindings.isEmpty(viewModel.queue())).then("Train selected").otherwise("Train queue"));
        pauseButton.disableProperty().bind(viewModel.runningProperty().not());
        pauseButton.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then("Resume").otherwise("Pause"));
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        viewModel.message().bind(messageLabel);

        runList.setItems(viewModel.runs());
        runList.setCellFactory(list -> new RunCell());
        SavedRunColumns.fill(savedList, viewModel.saved().summaries());
        hiddenRunsLabel.textProperty().bind(viewModel.saved().hiddenNoteProperty());
        savedList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSaved();
            }
        });

        charts.put(Metric.R2, r2Chart);
        charts.put(Metric.MSE, mseChart);
        charts.put(Metric.MAE, maeChart);
        charts.forEach((metric, chart) -> {
            chart.setAnimated(false);
            chart.setCreateSymbols(false);
            chart.setTitle(metric.label());
            chart.setLegendVisible(false);
            ((NumberAxis) chart.getXAxis()).setAutoRanging(false);
            ((NumberAxis) chart.getYAxis()).setForceZeroInRange(false);
        });
        MetricHelp.install(r2Chart, MetricHelp.R2);
        MetricHelp.install(mseChart, MetricHelp.MSE);
        MetricHelp.install(maeChart, MetricHelp.MAE);
        MetricHelp.install(legendPane, MetricHelp.VALIDATION_ABOVE_TRAINING);
        viewModel.shownRuns().addListener((ListChangeListener<TrainedRun>) change -> redrawSeries());
        redrawSeries();
    }

    /** One train and one validation series per shown run and metric; new epochs append points as they arrive. */
    private void redrawSeries() {
        detachSeries.forEach(Runnable::run);
        detachSeries.clear();
        Map<Metric, List<XYChart.Series<Number, Number>>> all = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            all.put(metric, new ArrayList<>());
        }
        for (TrainedRun run : viewModel.shownRuns()) {
            Map<Metric, XYChart.Series<Number, Number>[]> byMetric = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                @SuppressWarnings("unchecked")
                XYChart.Series<Number, Number>[] pair = new XYChart.Series[] {new XYChart.Series<>(), new XYChart.Series<>()};
                pair[0].setName(run.name() + " train");
                pair[1].setName(run.name() + " validation");
                for (EpochMetrics m : run.history()) {
                    append(pair, metric, m);
                }
                byMetric.put(metric, pair);
                all.get(metric).add(pair[0]);
                all.get(metric).add(pair[1]);
            }
            ListChangeListener<EpochMetrics> listener = change -> {
                while (change.next()) {
                    for (EpochMetrics m : change.getAddedSubList()) {
                        byMetric.forEach((metric, pair) -> append(pair, metric, m));
                    }
                }
            };
            run.history().addListener(listener);
            detachSeries.add(() -> run.history().removeListener(listener));
        }
        all.forEach((metric, series) -> charts.get(metric).getData().setAll(series));
        colourSeries(all);
        fitEpochAxes();
    }

    /** Train solid and validation dashed, in the run's colour, with one legend for the three charts. */
    private void colourSeries(Map<Metric, List<XYChart.Series<Number, Number>>> all) {
        legendPane.getChildren().clear();
        List<TrainedRun> shown = viewModel.shownRuns();
        for (int i = 0; i < shown.size(); i++) {
            int index = Math.max(0, viewModel.runs().indexOf(shown.get(i)));
            for (List<XYChart.Series<Number, Number>> series : all.values()) {
                style(series.get(2 * i), Charts.runLineStyle(index, false));
                style(series.get(2 * i + 1), Charts.runLineStyle(index, true));
            }
            Line swatch = new Line(0, 0, 18, 0);
            swatch.setStroke(Color.web(Charts.runColour(index)));
            String dash = Charts.runDash(index, false);
            if (!dash.isEmpty()) {
                for (String length : dash.split(" ")) {
                    swatch.getStrokeDashArray().add(Double.parseDouble(length));
                }
            }
            swatch.setStrokeWidth(3);
            Label entry = new Label(shown.get(i).name(), swatch);
            entry.getStyleClass().add("legend-entry");
            legendPane.getChildren().add(entry);
        }
        Label key = new Label(CurveKey.of(shown));
        key.getStyleClass().add("hint");
        legendPane.getChildren().add(key);
    }

    private static void style(XYChart.Series<Number, Number> series, String style) {
        if (series.getNode() != null) {
            series.getNode().setStyle(style);
        }
    }

    /** Epoch axes from 1 to the longest planned run, whole-epoch ticks, so a run fills in from the left. */
    private void fitEpochAxes() {
        int epochs = 2;
        for (TrainedRun run : viewModel.shownRuns()) {
            epochs = Math.max(epochs, Math.max(run.spec().training().epochs(), run.history().size()));
        }
        double tick = Math.max(1, Math.ceil(epochs / 10.0));
        for (LineChart<Number, Number> chart : charts.values()) {
            NumberAxis axis = (NumberAxis) chart.getXAxis();
            axis.setLowerBound(1);
            axis.setUpperBound(epochs);
            axis.setTickUnit(tick);
        }
    }

    private static void append(XYChart.Series<Number, Number>[] pair, Metric metric, EpochMetrics m) {
        pair[0].getData().add(new XYChart.Data<>(m.epoch(), metric.of(m.train())));
        pair[1].getData().add(new XYChart.Data<>(m.epoch(), metric.of(m.validation())));
    }

    /** A run with a check box that overlays it on the charts. */
    private final class RunCell extends ListCell<TrainedRun> {
        private final CheckBox shown = new CheckBox();
        private TrainedRun bound;

        @Override
        protected void updateItem(TrainedRun run, boolean empty) {
            super.updateItem(run, empty);
            if (bound != null) {
                shown.selectedProperty().unbindBidirectional(viewModel.shownFlag(bound));
                textProperty().unbind();
                bound = null;
            }
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            bound = run;
            shown.selectedProperty().bindBidirectional(viewModel.shownFlag(run));
            textProperty().bind(Bindings.concat(run.name(), " — ", run.statusProperty()));
            setGraphic(shown);
        }
    }

    @FXML
    private void addToQueue() {
        DesignEntry entry = selectedEntry();
        if (entry != null) {
            viewModel.enqueue(entry.spec());
        }
    }

    /**
     * The designer's entry now at the picked place: an edit in the designer (or a preset suited to a new dataset)
     * replaces the entry, and the box's value may still be the one before the edit.
     */
    private DesignEntry selectedEntry() {
        int index = specBox.getSelectionModel().getSelectedIndex();
        if (index < 0 && !specBox.getItems().isEmpty()) {
            specBox.getSelectionModel().select(0);
            index = 0;
        }
        return index >= 0 && index < specBox.getItems().size() ? specBox.getItems().get(index) : null;
    }

    @FXML
    private void removeFromQueue() {
        int index = queueList.getSelectionModel().getSelectedIndex();
        if (index >= 0) {
            viewModel.queue().remove(index);
        }
    }

    /** Trains the queue; with an empty queue, the spec picked in the list (so Ctrl+T alone trains something). */
    @FXML
    public void trainQueue() {
        DesignEntry picked = selectedEntry();
        if (viewModel.queue().isEmpty() && !viewModel.runningProperty().get() && picked != null) {
            viewModel.enqueue(picked.spec());
        }
        viewModel.trainQueue();
    }

    @FXML
    public void pauseOrResume() {
        viewModel.pauseOrResume();
    }

    /** Asks whether to keep the epochs so far (saved, marked as stopped early) or discard the run, then stops. */
    @FXML
    public void stop() {
        if (!viewModel.runningProperty().get()) {
            return;
        }
        ButtonType keep = new ButtonType("Stop and keep the epochs so far",
                ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Stop and discard",
                ButtonBar.ButtonData.NO);
        ButtonType goOn = new ButtonType("Go on training",
                ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION,
                "Kept: the run is saved and marked as stopped early in the run list, the per-user panel and the "
                        + "Evaluation view. Discarded: it disappears. The rest of the queue is dropped either way.",
                keep, discard, goOn);
        if (runList.getScene() != null) {
            ask.initOwner(runList.getScene().getWindow());
        }
        ask.setHeaderText("Stop training?");
        ask.getDialogPane().setId("stopDialog");
        ButtonType answer = ask.showAndWait().orElse(goOn);
        if (answer == keep) {
            viewModel.cancel(OnCancel.KEEP);
        } else if (answer == discard) {
            viewModel.cancel(OnCancel.DISCARD);
        }
    }

    @FXML
    private void openSaved() {
        // several at once: each opens in the background
        List.copyOf(savedList.getSelectionModel().getSelectedItems()).forEach(run -> viewModel.open(run.runDir()));
    }

    @FXML
    private void refreshSaved() {
        viewModel.refreshSavedRuns();
    }

    /** Asks for a folder and writes each chart as PNG and each shown run's history as CSV into it. */
    @FXML
    public void exportAll() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export charts (PNG) and histories (CSV) to");
        File folder = chooser.showDialog(r2Chart.getScene().getWindow());
        if (folder != null) {
            exportTo(folder.toPath());
        }
    }

    /**
     * Writes r2.png, mse.png, mae.png (each chart at twice the screen resolution, with its title, axis labels
     * and the runs' legend under it) and one CSV per shown run into {@code folder}, in the background.
     */
    public void exportTo(Path folder) {
        Map<String, BufferedImage> images = new LinkedHashMap<>();
        SnapshotParameters twice = new SnapshotParameters();
        twice.setTransform(Transform.scale(EXPORT_SCALE, EXPORT_SCALE));
        WritableImage legend = legendPane.snapshot(twice, null);
        for (Map.Entry<Metric, LineChart<Number, Number>> e : charts.entrySet()) {
            WritableImage chart = e.getValue().snapshot(twice, null);
            images.put(e.getKey().name().toLowerCase(Locale.ROOT) + ".png", SwingFXUtils.fromFXImage(stack(chart, legend), null));
        }
        viewModel.export(images, folder);
    }

    /** Resolution of exported charts relative to the screen: sharp in a slide or a paper. */
    static final double EXPORT_SCALE = 2;

    /** {@code top} above {@code bottom}, on the chart's background colour. */
    private WritableImage stack(WritableImage top, WritableImage bottom) {
        int width = (int) Math.max(top.getWidth(), bottom.getWidth());
        int topHeight = (int) top.getHeight();
        WritableImage out = new WritableImage(width, topHeight + (int) bottom.getHeight());
        PixelWriter writer = out.getPixelWriter();
        Color background = top.getPixelReader().getColor(0, 0);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < width; x++) {
                writer.setColor(x, y, background);
            }
        }
        writer.setPixels(0, 0, (int) top.getWidth(), topHeight, top.getPixelReader(), 0, 0);
        writer.setPixels(0, topHeight, (int) bottom.getWidth(), (int) bottom.getHeight(), bottom.getPixelReader(), 0, 0);
        return out;
    }
}
