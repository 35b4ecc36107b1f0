package org.encore.app.dataset;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.encore.app.Charts;
import org.encore.app.MetricHelp;

import java.util.List;
import java.util.Locale;

/** Dataset browser: binds tables, filters and charts to {@link DatasetViewModel}. */
public final class DatasetController {
    private final DatasetViewModel viewModel;
    private final MovieNeighboursViewModel neighbours;

    @FXML private TextField searchField;
    @FXML private ComboBox<String> genreBox;
    @FXML private TextField yearFromField;
    @FXML private TextField yearToField;
    @FXML private Label filterSummary;
    @FXML private Label overviewLabel;
    @FXML private TableView<MovieRow> moviesTable;
    @FXML private TableColumn<MovieRow, Integer> movieIdColumn;
    @FXML private TableColumn<MovieRow, String> movieTitleColumn;
    @FXML private TableColumn<MovieRow, Integer> movieYearColumn;
    @FXML private TableColumn<MovieRow, String> movieGenresColumn;
    @FXML private TableColumn<MovieRow, Integer> movieCountColumn;
    @FXML private TableColumn<MovieRow, Double> movieMeanColumn;
    @FXML private TableView<UserRow> usersTable;
    @FXML private TableColumn<UserRow, Integer> userIdColumn;
    @FXML private TableColumn<UserRow, Integer> userCountColumn;
    @FXML private TableColumn<UserRow, Double> userMeanColumn;
    @FXML private Button showUserButton;
    @FXML private Label selectedMovieLabel;
    @FXML private Label neighboursLabel;
    @FXML private BarChart<String, Number> histogramChart;
    @FXML private BarChart<String, Number> movieRatingsChart;
    @FXML private BarChart<String, Number> perUserChart;
    @FXML private BarChart<String, Number> perMovieChart;
    @FXML private BarChart<String, Number> genreChart;
    @FXML private BarChart<String, Number> decadeChart;

    public DatasetController(DatasetViewModel viewModel, MovieNeighboursViewModel neighbours) {
        this.viewModel = viewModel;
        this.neighbours = neighbours;
    }

    @FXML
    private void initialize() {
        searchField.textProperty().bindBidirectional(viewModel.searchProperty());
        genreBox.setItems(viewModel.genres());
        genreBox.valueProperty().bindBidirectional(viewModel.genreProperty());
        yearFromField.textProperty().bindBidirectional(viewModel.yearFromProperty());
        yearToField.textProperty().bindBidirectional(viewModel.yearToProperty());
        filterSummary.textProperty().bind(viewModel.filterSummaryProperty());
        overviewLabel.textProperty().bind(viewModel.overviewProperty());

        movieIdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        movieTitleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
        movieYearColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().year()));
        movieGenresColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().genres()));
        movieCountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ratings()));
        movieMeanColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().mean()));
        movieMeanColumn.setCellFactory(column -> meanCell());
        // a new list after each search, filter or sort, built off the FX thread: a header click asks the view model
        moviesTable.itemsProperty().bind(viewModel.moviesProperty());
        moviesTable.setSortPolicy(table -> {
            viewModel.sortMovies(table.getComparator());
            return true;
        });
        viewModel.moviesProperty().addListener((obs, old, rows) -> keepSelectedMovie(rows));
        Label noMatch = new Label("No movie matches the search and filters: clear the search box, choose All genres or widen the years.");
        noMatch.setWrapText(true);
        noMatch.setMaxWidth(360);
        noMatch.getStyleClass().add("hint");
        noMatch.setId("moviesPlaceholder");
        moviesTable.setPlaceholder(noMatch);
        // most rated first: the movies a newcomer recognises
        movieCountColumn.setSortType(TableColumn.SortType.DESCENDING);
        moviesTable.getSortOrder().add(movieCountColumn);
        moviesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            viewModel.selectMovie(row);
            neighbours.select(row == null ? -1 : row.column());
        });
        neighboursLabel.textProperty().bind(neighbours.textProperty());
        // one line in the chart grid; the whole list and what it means on hover
        Tooltip neighboursTip = MetricHelp.tooltip(MetricHelp.MOVIE_NEIGHBOURS);
        neighboursTip.textProperty().bind(Bindings.concat(neighbours.textProperty(), "\n\n", MetricHelp.text(MetricHelp.MOVIE_NEIGHBOURS)));
        neighboursLabel.setTooltip(neighboursTip);

        userIdColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        userCountColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().ratings()));
        userMeanColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().mean()));
        userMeanColumn.setCellFactory(column -> meanCell());
        usersTable.itemsProperty().bind(viewModel.usersProperty());
        usersTable.setSortPolicy(table -> {
            viewModel.sortUsers(table.getComparator());
            return true;
        });
        showUserButton.disableProperty().bind(usersTable.getSelectionModel().selectedItemProperty().isNull());
        usersTable.setRowFactory(table -> {
            TableRow<UserRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.showInUserPanel(row.getItem());
                }
            });
            return row;
        });

        selectedMovieLabel.textProperty().bind(viewModel.selectedMovieTitleProperty());
        Charts.bindBars(histogramChart, viewModel.ratingHistogram(), "ratings");
        Charts.bindBars(movieRatingsChart, viewModel.selectedMovieRatings(), "ratings of the movie");
        Charts.bindBars(perUserChart, viewModel.ratingsPerUser(), "users");
        Charts.bindBars(perMovieChart, viewModel.ratingsPerMovie(), "movies");
        Charts.bindBars(genreChart, viewModel.moviesPerGenre(), "movies");
        Charts.bindBars(decadeChart, viewModel.moviesPerDecade(), "movies");
    }

    /** Selects the movie shown again in a re-sorted or re-filtered list; clears the detail when it was filtered out. */
    private void keepSelectedMovie(List<MovieRow> rows) {
        MovieRow kept = viewModel.selectedMovie();
        if (kept != null && rows.contains(kept)) {
            moviesTable.getSelectionModel().select(kept);
        } else if (kept != null) {
            viewModel.selectMovie(null);
            neighbours.select(-1);
        }
    }

    private static <R> TableCell<R, Double> meanCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double mean, boolean empty) {
                super.updateItem(mean, empty);
                setText(empty || mean == null ? null : mean.isNaN() ? "—" : String.format(Locale.ROOT, "%.2f", mean));
            }
        };
    }

    @FXML
    private void showUser() {
        viewModel.showInUserPanel(usersTable.getSelectionModel().getSelectedItem());
    }
}
