package org.encore.app.user;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.encore.app.Charts;
import org.encore.recommend.Blend;

import java.util.List;
import java.util.Locale;

/** Per-user panel: binds the user picker, rated table, one table per model, blend weights and profile charts. */
public final class UserController {
    private static final PseudoClass SHARED = PseudoClass.getPseudoClass("shared");
    private final UserViewModel viewModel;

    @FXML private TextField userField;
    @FXML private Spinner<Integer> topSpinner;
    @FXML private ComboBox<Blend.Mode> modeBox;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private TableView<RatedRow> ratedTable;
    @FXML private TableColumn<RatedRow, String> ratedTitleColumn;
    @FXML private TableColumn<RatedRow, Integer> ratedYearColumn;
    @FXML private TableColumn<RatedRow, String> ratedGenresColumn;
    @FXML private TableColumn<RatedRow, Double> ratedRatingColumn;
    @FXML private HBox listsBox;
    @FXML private VBox weightsBox;
    @FXML private BarChart<String, Number> genreProfileChart;
    @FXML private BarChart<String, Number> decadeProfileChart;

    public UserController(UserViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        userField.textProperty().bindBidirectional(viewModel.userIdTextProperty());
        topSpinner.getValueFactory().valueProperty().addListener((obs, old, n) -> viewModel.topNProperty().set(n));
        topSpinner.getValueFactory().setValue(viewModel.topNProperty().get());
        modeBox.getItems().setAll(Blend.Mode.values());
        modeBox.valueProperty().bindBidirectional(viewModel.blendModeProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());

        ratedTitleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
        ratedYearColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().year()));
        ratedGenresColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().genres()));
        ratedRatingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rating()));
        ratedTable.setItems(viewModel.rated());

        viewModel.lists().addListener((ListChangeListener<RecommendationList>) change -> showLists());
        viewModel.models().addListener((ListChangeListener<ModelWeight>) change -> showWeights());
        showLists();
        showWeights();

        genreProfileChart.setAnimated(false);
        decadeProfileChart.setAnimated(false);
        ListChangeListener<Object> profiles = change -> showProfiles();
        viewModel.recommendedGenres().addListener(profiles);
        viewModel.recommendedDecades().addListener(profiles);
        viewModel.ratedDecades().addListener(profiles);
        showProfiles();
    }

    private void showProfiles() {
        Charts.setGroupedBars(genreProfileChart, List.of("rated", "recommended"),
                List.of(viewModel.ratedGenres(), viewModel.recommendedGenres()));
        Charts.setGroupedBars(decadeProfileChart, List.of("rated", "recommended"),
                List.of(viewModel.ratedDecades(), viewModel.recommendedDecades()));
    }

    private void showLists() {
        listsBox.getChildren().clear();
        if (viewModel.lists().isEmpty()) {
            Label empty = new Label("No recommendations yet: train a model (Training view) or open a saved run.");
            empty.getStyleClass().add("hint");
            listsBox.getChildren().add(empty);
            return;
        }
        for (RecommendationList list : viewModel.lists()) {
            listsBox.getChildren().add(listTable(list));
        }
    }

    private VBox listTable(RecommendationList list) {
        TableView<RecRow> table = new TableView<>();
        table.getStyleClass().add("recommendations");
        table.setId("recommendations-" + list.name().replaceAll("\\W+", "_"));
        TableColumn<RecRow, Integer> rank = new TableColumn<>("#");
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        rank.setPrefWidth(30);
        TableColumn<RecRow, String> title = new TableColumn<>("Title");
        title.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((c.getValue().shared() ? "● " : "") + c.getValue().title()));
        title.setPrefWidth(170);
        TableColumn<RecRow, Integer> year = new TableColumn<>("Year");
        year.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().year()));
        year.setPrefWidth(48);
        TableColumn<RecRow, String> genres = new TableColumn<>("Genres");
        genres.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().genres()));
        genres.setPrefWidth(110);
        TableColumn<RecRow, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setPrefWidth(52);
        table.getColumns().setAll(List.of(rank, title, year, genres, score));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(SHARED, !empty && row != null && row.shared());
            }
        });
        table.getItems().setAll(list.rows());
        table.setPrefWidth(420);
        table.setMinWidth(300);
        VBox.setVgrow(table, Priority.ALWAYS);
        Label caption = new Label(list.name());
        caption.getStyleClass().add("section");
        VBox box = new VBox(4, caption, table);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void showWeights() {
        weightsBox.getChildren().clear();
        for (ModelWeight model : viewModel.models()) {
            Label name = new Label(model.run().name());
            name.setMinWidth(120);
            Slider slider = new Slider(0, 1, model.weight());
            slider.valueProperty().bindBidirectional(model.weightProperty());
            HBox.setHgrow(slider, Priority.ALWAYS);
            Label value = new Label();
            value.setMinWidth(36);
            value.textProperty().bind(model.weightProperty().asString(Locale.ROOT, "%.2f"));
            HBox row = new HBox(6, name, slider, value);
            weightsBox.getChildren().add(row);
        }
        if (viewModel.models().isEmpty()) {
            Label none = new Label("Blend weights appear here for each trained model.");
            none.getStyleClass().add("hint");
            weightsBox.getChildren().add(none);
        }
    }

    @FXML
    private void showTyped() {
        viewModel.showTypedUser();
    }

    @FXML
    private void showRandom() {
        viewModel.showRandomUser();
    }
}
