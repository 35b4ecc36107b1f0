package org.encore.app.evaluation;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.stage.FileChooser;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.evaluation.Comparison;
import org.encore.evaluation.MultiSeedReport;
import org.encore.evaluation.ReportColumn;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.BiConsumer;

/** Evaluation view: candidates, protocol, progress, the result table with intervals and tests, the card, exports. */
public final class EvaluationController {
    /** Style class of a cell holding the best value of its column. */
    public static final String BEST_STYLE = "best-cell";
    private final EvaluationViewModel viewModel;
    // the spinners' bidirectional bindings are weak: their object views are kept here
    private ObjectProperty<Integer> seedsValue;
    private ObjectProperty<Integer> epochsValue;
    private ObjectProperty<Integer> minRatingsValue;
    private ObjectProperty<Double> validationValue;
    private ObjectProperty<Double> testValue;
    private ObjectProperty<Double> foldInValue;
    private ObjectProperty<Double> relevanceValue;

    @FXML private Button runButton;
    @FXML private Button cancelButton;
    @FXML private Button csvButton;
    @FXML private Button htmlButton;
    @FXML private Spinner<Integer> seedsSpinner;
    @FXML private Spinner<Integer> epochsSpinner;
    @FXML private Spinner<Double> validationSpinner;
    @FXML private Spinner<Double> testSpinner;
    @FXML private Spinner<Double> foldInSpinner;
    @FXML private Spinner<Integer> minRatingsSpinner;
    @FXML private Spinner<Double> relevanceSpinner;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label messageLabel;
    @FXML private ListView<EvaluationCandidate> candidateList;
    @FXML private ListView<String> logList;
    @FXML private TitledPane cardPane;
    @FXML private Label cardLabel;
    @FXML private TableView<ResultRow> resultTable;
    @FXML private Label legendLabel;
    @FXML private ListView<String> sentenceList;

    public EvaluationController(EvaluationViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        seedsValue = intSpinner(seedsSpinner, 1, 10, viewModel.seedsProperty().asObject());
        epochsValue = intSpinner(epochsSpinner, 1, 1000, viewModel.epochsProperty().asObject());
        minRatingsValue = intSpinner(minRatingsSpinner, 2, 1000, viewModel.minRatingsProperty().asObject());
        validationValue = doubleSpinner(validationSpinner, 0.01, 0.45, 0.05, viewModel.validationFractionProperty().asObject());
        testValue = doubleSpinner(testSpinner, 0.01, 0.45, 0.05, viewModel.testFractionProperty().asObject());
        foldInValue = doubleSpinner(foldInSpinner, 0.05, 0.95, 0.05, viewModel.foldInFractionProperty().asObject());
        relevanceValue = doubleSpinner(relevanceSpinner, 0.5, 5.0, 0.5, viewModel.relevantRatingProperty().asObject());

        runButton.disableProperty().bind(viewModel.runningProperty());
        cancelButton.disableProperty().bind(viewModel.runningProperty().not());
        csvButton.disableProperty().bind(viewModel.reportProperty().isNull());
        htmlButton.disableProperty().bind(viewModel.reportProperty().isNull());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressLabel.textProperty().bind(viewModel.progressTextProperty());
        viewModel.message().bind(messageLabel);

        candidateList.setItems(viewModel.candidates());
        StringConverter<EvaluationCandidate> names = new StringConverter<>() {
            @Override
            public String toString(EvaluationCandidate c) {
                return c == null ? "" : c.name() + "  ·  " + c.kind().label();
            }

            @Override
            public EvaluationCandidate fromString(String text) {
                return viewModel.candidate(text);
            }
        };
        candidateList.setCellFactory(list -> new CheckBoxListCell<>(EvaluationCandidate::selectedProperty, names) {
            @Override
            public void updateItem(EvaluationCandidate item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new Tooltip(item.detail()));
            }
        });
        logList.setItems(viewModel.log());
        viewModel.log().addListener((ListChangeListener<String>) change -> {
            if (!viewModel.log().isEmpty()) {
                logList.scrollTo(viewModel.log().size() - 1);
            }
        });
        sentenceList.setItems(viewModel.sentences());
        sentenceList.setCellFactory(list -> new WrappingCell());
        cardLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.card().isEmpty() ? "Shown with the results: dataset, filters, split, seeds, fold-in, "
                        + "relevance, list lengths, checkpoints, software." : String.join("\n", viewModel.card()),
                viewModel.card()));
        legendLabel.setText("Each cell: mean over the seeds ± half its 95% Student-t interval (over the test users with one "
                + "seed); bold: the best of the column. vs best: " + ResultRow.SIGNIFICANT + " differs from the best row's "
                + MultiSeedReport.COMPARED.heading() + " at " + Comparison.ALPHA + " after Holm (paired t-test), "
                + ResultRow.NOT_SIGNIFICANT + " does not; hover for the p-values (t and Wilcoxon, raw and Holm).");
        buildTable();
    }

    private void buildTable() {
        resultTable.setItems(viewModel.rows());
        TableColumn<ResultRow, String> name = new TableColumn<>("model");
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().name()));
        name.setPrefWidth(110);
        name.setMinWidth(70);
        TableColumn<ResultRow, ResultRow> mark = new TableColumn<>("vs best");
        mark.setId("markColumn");
        mark.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        mark.setComparator(Comparator.comparing(ResultRow::mark));
        mark.setPrefWidth(64);
        mark.setMinWidth(56);
        mark.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(ResultRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : row.mark());
                setTooltip(empty || row == null ? null : tooltip(row.pValues()));
            }
        });
        resultTable.getColumns().add(name);
        resultTable.getColumns().add(mark);
        for (ReportColumn column : ReportColumn.all()) {
            resultTable.getColumns().add(metricColumn(column));
        }
        resultTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // as tall as its rows (header, rows, a spare line), the sentences below take the rest
        resultTable.setFixedCellSize(ROW_HEIGHT);
        resultTable.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> ROW_HEIGHT * Math.max(3, viewModel.rows().size()) + 34, viewModel.rows()));
        resultTable.maxHeightProperty().bind(resultTable.prefHeightProperty());
    }

    private static final double ROW_HEIGHT = 38;

    /** Short headings where the report's own would not fit a column; the full one is the header's tooltip. */
    private static String shortHeading(ReportColumn column) {
        return switch (column) {
            case MEAN_POPULARITY -> "mean pop.";
            case GENRE_DISTANCE -> "genre dist.";
            case DECADE_DISTANCE -> "decade dist.";
            default -> column.heading();
        };
    }

    private static TableColumn<ResultRow, ResultRow> metricColumn(ReportColumn column) {
        TableColumn<ResultRow, ResultRow> c = new TableColumn<>();
        Label header = new Label(shortHeading(column));
        header.setTooltip(new Tooltip(column.heading() + " (" + switch (column.better()) {
            case HIGHER -> "higher is better";
            case LOWER -> "lower is better";
            case NEITHER -> "neither way is better";
        } + ")"));
        c.setGraphic(header);
        c.setId(column.key() + "Column");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
        // undefined values (RMSE of a ranking-only model) sort last either way round
        c.setComparator(Comparator.comparingDouble((ResultRow r) -> {
            double v = r.mean(column);
            return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
        }));
        c.setPrefWidth(column.digits() == 1 ? 70 : 80);
        c.setMinWidth(60);
        c.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(ResultRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove(BEST_STYLE);
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(row.twoLineCell(column));
                if (row.best().contains(column)) {
                    getStyleClass().add(BEST_STYLE);
                }
                String tip = row.intervalText(column);
                if (column == MultiSeedReport.COMPARED && !row.pValues().isEmpty()) {
                    tip = tip + "\n" + row.pValues();
                }
                setTooltip(tooltip(tip));
            }
        });
        return c;
    }

    private static Tooltip tooltip(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        return tip;
    }

    private static ObjectProperty<Integer> intSpinner(Spinner<Integer> spinner, int min, int max, ObjectProperty<Integer> value) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(value);
        commitOnFocusLoss(spinner);
        return value;
    }

    private static ObjectProperty<Double> doubleSpinner(Spinner<Double> spinner, double min, double max, double step,
                                                        ObjectProperty<Double> value) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : String.format(Locale.ROOT, "%.2f", v);
            }

            @Override
            public Double fromString(String text) {
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    return factory.getValue();
                }
            }
        });
        spinner.setValueFactory(factory);
        factory.valueProperty().bindBidirectional(value);
        commitOnFocusLoss(spinner);
        return value;
    }

    /** A typed value counts once the field loses focus, not only on Enter. */
    private static void commitOnFocusLoss(Spinner<?> spinner) {
        spinner.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                spinner.increment(0);
            }
        });
    }

    @FXML
    private void run() {
        viewModel.run();
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }

    @FXML
    private void exportCsv() {
        export("CSV table", "*.csv", "evaluation.csv", viewModel::exportCsv);
    }

    @FXML
    private void exportHtml() {
        export("HTML report", "*.html", "evaluation.html", viewModel::exportHtml);
    }

    /** A save dialog; an existing file is replaced only after a second, explicit yes. */
    private void export(String what, String pattern, String suggested, BiConsumer<Path, Overwrite> write) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the " + what);
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        File file = chooser.showSaveDialog(resultTable.getScene().getWindow());
        if (file == null) {
            return;
        }
        Path path = file.toPath();
        Overwrite overwrite = Overwrite.REFUSE;
        if (Files.exists(path)) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, path + " already exists. Replace it?",
                    ButtonType.YES, ButtonType.NO);
            confirm.initOwner(resultTable.getScene().getWindow());
            confirm.setHeaderText("Replace " + path.getFileName() + "?");
            if (confirm.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) {
                return;
            }
            overwrite = Overwrite.REPLACE;
        }
        write.accept(path, overwrite);
    }

    /** A list cell whose text wraps to the list's width. */
    private static final class WrappingCell extends ListCell<String> {
        WrappingCell() {
            setWrapText(true);
            prefWidthProperty().set(0);
        }

        @Override
        protected void updateItem(String text, boolean empty) {
            super.updateItem(text, empty);
            setText(empty ? null : text);
        }
    }
}
