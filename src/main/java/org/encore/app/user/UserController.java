package org.encore.app.user;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.encore.app.Charts;
import org.encore.app.MetricHelp;
import org.encore.recommend.Blend;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Per-user panel: binds the user picker, rated table, one table per model, blend weights and profile charts. */
public final class UserController {
    private static final PseudoClass SHARED = PseudoClass.getPseudoClass("shared");
    private static final double ROW_HEIGHT = 24;
    private static final double HEADER_HEIGHT = 42;
    /** Wide enough for "#", about 13 characters of title and the score; five lists fit beside each other at 1440 px. */
    /** A list's narrowest width: about 30 characters of title beside the rank and the score. */
    public static final double LIST_MIN_WIDTH = 250;
    private final UserViewModel viewModel;
    /**
     * The list tables on screen by list name, in order, and whether they are at the full width (one per tab):
     * reused while the same lists show, since a new table costs the FX thread its CSS and layout for every user.
     */
    private final Map<String, TableView<RecRow>> shownTables = new LinkedHashMap<>();
    private boolean shownWide;

    @FXML private TextField userField;
    @FXML private Spinner<Integer> topSpinner;
    @FXML private ComboBox<Blend.Mode> modeBox;
    @FXML private Label summaryLabel;
    @FXML private Label messageLabel;
    @FXML private ScrollPane listsScroll;
    @FXML private TabPane listsTabs;
    @FXML private Label scrollHint;
    @FXML private ToggleButton sideBySideButton;
    @FXML private ToggleButton oneAtATimeButton;
    @FXML private TableView<RatedRow> ratedTable;
    @FXML private TableColumn<RatedRow, String> ratedTitleColumn;
    @FXML private TableColumn<RatedRow, Integer> ratedYearColumn;
    @FXML private TableColumn<RatedRow, String> ratedGenresColumn;
    @FXML private TableColumn<RatedRow, Double> ratedRatingColumn;
    @FXML private HBox listsBox;
    @FXML private VBox weightsBox;
    @FXML private BarChart<String, Number> genreProfileChart;
    @FXML private BarChart<String, Number> decadeProfileChart;
    @FXML private CheckBox popularBox;
    @FXML private CheckBox easeBox;

    public UserController(UserViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        userField.textProperty().bindBidirectional(viewModel.userIdTextProperty());
        topSpinner.getValueFactory().valueProperty().addListener((obs, old, n) -> viewModel.topNProperty().set(n));
        topSpinner.getValueFactory().setValue(viewModel.topNProperty().get());
        modeBox.getItems().setAll(Blend.Mode.values());
        modeBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Blend.Mode mode) {
                return mode == null ? "" : modeLabel(mode);
            }

            @Override
            public Blend.Mode fromString(String text) {
                return Arrays.stream(Blend.Mode.values()).filter(m -> modeLabel(m).equals(text)).findFirst().orElse(null);
            }
        });
        modeBox.valueProperty().bindBidirectional(viewModel.blendModeProperty());
        popularBox.selectedProperty().bindBidirectional(viewModel.baselines().popularProperty());
        easeBox.selectedProperty().bindBidirectional(viewModel.baselines().easeProperty());
        popularBox.setTooltip(new Tooltip("Most popular: every movie scored by how many users rated it; ranks only"));
        easeBox.setTooltip(new Tooltip("EASE (Steck 2019): item-item weights in closed form, fitted on every user; ranks only"));
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        viewModel.message().bind(messageLabel);

        ratedTitleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().title()));
        ratedYearColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().year()));
        ratedGenresColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().genres()));
        ratedRatingColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rating()));
        ratedTable.setItems(viewModel.rated());
        Label pickUser = new Label("No user shown. Type a user id and press Show, click Random user,\n"
                + "or select a user in the Dataset view and send them here.");
        pickUser.setWrapText(true);
        pickUser.getStyleClass().add("hint");
        pickUser.setId("ratedPlaceholder");
        ratedTable.setPlaceholder(pickUser);

        ToggleGroup layout = new ToggleGroup();
        sideBySideButton.setToggleGroup(layout);
        oneAtATimeButton.setToggleGroup(layout);
        sideBySideButton.setTooltip(new Tooltip("Every list beside the others, to compare them"));
        oneAtATimeButton.setTooltip(new Tooltip("One list per tab at the full width: whole titles, genres and scores"));
        layout.selectToggle(viewModel.sideBySideProperty().get() ? sideBySideButton : oneAtATimeButton);
        layout.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen == null) {
                // a toggle group lets the chosen button be clicked off: keep one layout chosen
                layout.selectToggle(old);
            } else {
                viewModel.sideBySideProperty().set(chosen == sideBySideButton);
            }
        });
        viewModel.sideBySideProperty().addListener((obs, old, side) -> showLists());
        listsBox.widthProperty().addListener((obs, old, w) -> updateScrollHint());
        listsScroll.widthProperty().addListener((obs, old, w) -> updateScrollHint());
        viewModel.lists().addListener((ListChangeListener<RecommendationList>) change -> showLists());
        viewModel.models().addListener((ListChangeListener<ModelWeight>) change -> showWeights());
        showLists();
        showWeights();

        genreProfileChart.setAnimated(false);
        decadeProfileChart.setAnimated(false);
        viewModel.profilesProperty().addListener((obs, old, bars) -> showProfiles());
        showProfiles();
    }

    private void showProfiles() {
        ProfileBars bars = viewModel.profiles();
        Charts.setGroupedBars(genreProfileChart, List.of("rated", "recommended"), List.of(bars.ratedGenres(), bars.recommendedGenres()));
        Charts.setGroupedBars(decadeProfileChart, List.of("rated", "recommended"), List.of(bars.ratedDecades(), bars.recommendedDecades()));
    }

    private void showLists() {
        boolean side = viewModel.sideBySideProperty().get() || viewModel.lists().isEmpty();
        boolean wide = !side;
        List<String> names = viewModel.lists().stream().map(RecommendationList::name).toList();
        if (!names.isEmpty() && wide == shownWide && names.equals(List.copyOf(shownTables.keySet()))) {
            // the same lists in the same layout (another user, another weight): new rows in the tables on screen
            for (RecommendationList list : viewModel.lists()) {
                fill(shownTables.get(list.name()), list);
            }
            updateScrollHint();
            return;
        }
        shownTables.clear();
        shownWide = wide;
        listsBox.getChildren().clear();
        listsTabs.getTabs().clear();
        listsScroll.setVisible(side);
        listsScroll.setManaged(side);
        listsTabs.setVisible(!side);
        listsTabs.setManaged(!side);
        VBox.setVgrow(listsTabs, side ? Priority.NEVER : Priority.SOMETIMES);
        if (viewModel.lists().isEmpty()) {
            Label empty = new Label("No recommendations yet: train a model (Training view) or open a saved run.");
            empty.setWrapText(true);
            empty.getStyleClass().add("hint");
            listsBox.getChildren().add(empty);
        } else if (side) {
            for (RecommendationList list : viewModel.lists()) {
                listsBox.getChildren().add(listTable(list, false));
            }
        } else {
            for (RecommendationList list : viewModel.lists()) {
                listsTabs.getTabs().add(new Tab(list.name(), listTable(list, true)));
            }
        }
        updateScrollHint();
    }

    /** Says that lists lie beyond the right edge, and how many, when side by side they do not all fit. */
    private void updateScrollHint() {
        int lists = viewModel.lists().size();
        double visible = listsScroll.getViewportBounds() == null ? listsScroll.getWidth() : listsScroll.getViewportBounds().getWidth();
        int fitting = (int) Math.max(1, Math.floor((visible + 8) / (LIST_MIN_WIDTH + 8)));
        boolean overflow = listsScroll.isVisible() && lists > fitting && listsBox.getWidth() > visible + 1;
        scrollHint.setText(overflow ? "+" + (lists - fitting) + (lists - fitting == 1 ? " list" : " lists") + " to the right: scroll ↔" : "");
    }

    /** One list as a table; {@code wide}: at the full width, with the genres beside the title. */
    private VBox listTable(RecommendationList list, boolean wide) {
        TableView<RecRow> table = new TableView<>();
        table.getStyleClass().add("recommendations");
        table.setId("recommendations-" + list.name().replaceAll("\\W+", "_"));
        TableColumn<RecRow, Integer> rank = new TableColumn<>("#");
        rank.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rank()));
        rank.setMinWidth(32);
        rank.setPrefWidth(32);
        rank.setMaxWidth(40);
        TableColumn<RecRow, String> title = new TableColumn<>("Title (year)");
        title.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>((c.getValue().shared() ? "● " : "") + c.getValue().title()
                + (c.getValue().year() == null ? "" : " (" + c.getValue().year() + ")")));
        title.setPrefWidth(150);
        TableColumn<RecRow, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().score()));
        score.setPrefWidth(56);
        score.setMinWidth(52);
        score.setMaxWidth(64);
        score.getStyleClass().add("score-column");
        Label scoreHeader = new Label("Score");
        MetricHelp.install(scoreHeader, MetricHelp.SCORE);
        score.setText("");
        score.setGraphic(scoreHeader);
        if (wide) {
            TableColumn<RecRow, String> genres = new TableColumn<>("Genres");
            genres.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().genres()));
            genres.setPrefWidth(220);
            title.setPrefWidth(420);
            table.getColumns().setAll(List.of(rank, title, genres, score));
        } else {
            table.getColumns().setAll(List.of(rank, title, score));
        }
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RecRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(SHARED, !empty && row != null && row.shared());
                setTooltip(empty || row == null ? null : new Tooltip(row.title() + "\n" + row.genres()
                        + (row.shared() ? "\nin " + row.listings() + " lists" : "")));
            }
        });
        table.setFixedCellSize(ROW_HEIGHT);
        fill(table, list);
        shownTables.put(list.name(), table);
        table.setMinHeight(ROW_HEIGHT * 4);
        table.setMinWidth(LIST_MIN_WIDTH);
        table.setPrefWidth(wide ? 700 : 300);
        Label caption = new Label(list.name());
        caption.getStyleClass().add("section");
        VBox box = new VBox(4, caption, table);
        box.setMinWidth(LIST_MIN_WIDTH);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** Shows {@code list}'s rows in {@code table}, exactly as high as they are. */
    private static void fill(TableView<RecRow> table, RecommendationList list) {
        table.getItems().setAll(list.rows());
        // exactly the rows of the list: no empty rows, the rest of the height goes to the profile charts
        table.setPrefHeight(ROW_HEIGHT * list.rows().size() + HEADER_HEIGHT);
    }

    private void showWeights() {
        weightsBox.getChildren().clear();
        for (ModelWeight model : viewModel.models()) {
            Label name = new Label(model.name());
            name.setMinWidth(60);
            name.setPrefWidth(90);
            Slider slider = new Slider(0, 1, model.weight());
            slider.setPrefWidth(150);
            slider.setMinWidth(90);
            slider.valueProperty().bindBidirectional(model.weightProperty());
            HBox.setHgrow(slider, Priority.ALWAYS);
            Label value = new Label();
            value.setMinWidth(36);
            value.textProperty().bind(model.weightProperty().asString(Locale.ROOT, "%.2f"));
            HBox row = new HBox(6, name, slider, value);
            weightsBox.getChildren().add(row);
        }
        if (viewModel.models().isEmpty()) {
            Label none = new Label("Blend weights appear here for each trained model and each baseline switched on.");
            none.setWrapText(true);
            none.getStyleClass().add("hint");
            weightsBox.getChildren().add(none);
        }
    }

    static String modeLabel(Blend.Mode mode) {
        return switch (mode) {
            case SCORE -> "Score";
            case RANK -> "Rank";
        };
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
