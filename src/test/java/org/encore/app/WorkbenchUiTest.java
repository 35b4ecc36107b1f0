package org.encore.app;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.encore.app.dataset.DatasetViewModel;
import org.encore.app.dataset.MovieRow;
import org.encore.app.dataset.UserRow;
import org.encore.app.designer.LayerWidthsView;
import org.encore.app.user.RatedRow;
import org.encore.app.user.UserController;
import org.encore.app.user.RecRow;
import org.encore.data.Dataset;
import org.encore.model.Presets;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.encore.app.UiWindow.fx;
import static org.encore.app.UiWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The workbench driven headless (Monocle), each test on its own window: its own stage and workbench, its own
 * temporary data directory (runs, {@code encore.data.dir}) and its own preferences node, so that one failure
 * leaves the others' state alone. Every window starts on sample-data; the tests check that every view shows
 * content, the designer's estimate follows an edit, a 2-epoch run draws on all three charts, the per-user
 * panel never recommends a rated movie, and a bad dataset keeps the old one.
 */
class WorkbenchUiTest {
    private static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();
    private static final FxRobot ROBOT = new FxRobot();
    private WorkbenchWindow window;
    private AppPreferences preferences;
    private UiWindow ui;

    @TempDir
    Path temp;

    @BeforeAll
    static void startToolkit() throws Exception {
        UiWindow.startToolkit();
    }

    @BeforeEach
    void startWorkbench(TestInfo test) throws Exception {
        ui = UiWindow.open(temp, "workbench-uitest", test.getTestMethod().orElseThrow().getName());
        window = ui.window();
        preferences = ui.preferences();
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void startsOnTheSampleDataAndEveryViewShowsItsContent() {
        assertEquals(SAMPLE, window.workbench().dataset().source().toAbsolutePath());
        assertTrue(text("#datasetLabel").contains("1,000 users"), text("#datasetLabel"));
        fx(() -> window.stage().requestFocus());
        ROBOT.clickOn("#datasetLabel");

        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, tabs().getSelectionModel().getSelectedIndex());
        assertFalse(ROBOT.lookup("#moviesTable").queryAs(TableView.class).getItems().isEmpty());
        assertFalse(ROBOT.lookup("#usersTable").queryAs(TableView.class).getItems().isEmpty());
        fx(() -> window.datasetViewModel().searchProperty().set("no such title anywhere"));
        assertTrue(ROBOT.lookup("#moviesPlaceholder").query().isVisible(), "an empty result says how to widen the filter");
        fx(() -> window.datasetViewModel().searchProperty().set(""));
        for (String chart : List.of("#histogramChart", "#perUserChart", "#perMovieChart", "#genreChart", "#decadeChart")) {
            assertTrue(points(ROBOT.lookup(chart).queryAs(BarChart.class)) > 0, chart + " has no bars");
        }

        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, tabs().getSelectionModel().getSelectedIndex());
        assertEquals(Presets.NAMES.size(), ROBOT.lookup("#specList").queryAs(ListView.class).getItems().size());
        assertFalse(ROBOT.lookup("#layerList").queryAs(ListView.class).getItems().isEmpty());
        assertTrue(text("#parametersLabel").startsWith("Parameters: "), text("#parametersLabel"));
        fx(() -> window.designerViewModel().selectedLayerProperty().set(-1));
        assertEquals("select a layer above to edit it", text("#layerKindLabel"), "the greyed-out layer fields say how to fill them");

        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, tabs().getSelectionModel().getSelectedIndex());
        assertTrue(ROBOT.lookup("#r2Chart").query().isVisible());

        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, tabs().getSelectionModel().getSelectedIndex());
        assertTrue(ROBOT.lookup("#ratedTable").query().isVisible());
        assertTrue(text("#ratedPlaceholder").contains("Random user"), "the empty panel says how to pick a user");

        fx(() -> window.mainViewModel().darkThemeProperty().set(true));
        assertTrue(window.scene().getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("/assets/themes/dark.css")));
        LayerWidthsView drawing = ROBOT.lookup(".layer-widths").queryAs(LayerWidthsView.class);
        assertTrue(drawing.labelColor().getBrightness() > 0.5, "the layer drawing's labels are redrawn light on the dark theme");
        fx(() -> window.mainViewModel().darkThemeProperty().set(false));
        assertTrue(window.scene().getStylesheets().stream().anyMatch(sheet -> sheet.endsWith("/assets/themes/light.css")));
    }

    @Test
    void editingAPresetUpdatesTheEstimate() {
        fx(() -> {
            window.workbench().viewProperty().set(Workbench.DESIGNER_VIEW);
            window.designerViewModel().selectedProperty().set(0);
            window.designerViewModel().selectedLayerProperty().set(0);
        });
        String before = text("#parametersLabel");
        ROBOT.doubleClickOn("#unitsField").eraseText(4).write("2048");
        WaitForAsyncUtils.waitForFxEvents();
        String after = text("#parametersLabel");
        assertNotEquals(before, after);
        assertTrue(after.matches("Parameters: [0-9,]+"), after);

        ROBOT.doubleClickOn("#learningRateField").eraseText(10).write("-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#learningRateError").contains("must be > 0"), text("#learningRateError"));
        fx(() -> window.designerViewModel().resetToPreset());
        assertEquals(before, text("#parametersLabel"));
    }

    @Test
    void aTwoEpochRunAddsPointsToAllThreeCharts() throws Exception {
        fx(() -> {
            window.workbench().viewProperty().set(Workbench.TRAINING_VIEW);
            window.trainingViewModel().enqueue(Presets.model4().withTraining(t -> t.epochs(2)));
        });
        ROBOT.clickOn("#trainButton");
        waitFor(180, () -> !window.trainingViewModel().runningProperty().get()
                && !window.workbench().runs().isEmpty() && window.workbench().runs().get(0).model() != null);
        for (String chart : List.of("#r2Chart", "#mseChart", "#maeChart")) {
            LineChart<?, ?> line = ROBOT.lookup(chart).queryAs(LineChart.class);
            assertEquals(2, line.getData().size(), chart + ": a train and a validation series");
            for (XYChart.Series<?, ?> series : line.getData()) {
                assertEquals(2, series.getData().size(), chart + " " + series.getName() + ": one point per epoch");
            }
        }
        assertTrue(window.workbench().runs().get(0).statusProperty().get().contains("saved"),
                window.workbench().runs().get(0).statusProperty().get());

        Path export = temp.resolve("export");
        fx(() -> window.trainingController().exportTo(export));
        waitFor(30, () -> window.trainingViewModel().messageProperty().get().startsWith("Exported"));
        assertFalse(window.trainingViewModel().message().errorProperty().get(), "a success is not drawn as an error");
        double chartWidth = ROBOT.lookup("#r2Chart").queryAs(LineChart.class).getWidth();
        for (String png : List.of("r2.png", "mse.png", "mae.png")) {
            BufferedImage image = ImageIO.read(export.resolve(png).toFile());
            assertEquals(2 * chartWidth, image.getWidth(), 2, png + " at twice the screen resolution");
        }
        assertEquals(3, Files.readAllLines(export.resolve("model4-history.csv")).size(), "header and two epochs");
    }

    @Test
    void thePerUserPanelShowsRatedAndRecommendedMoviesWithoutOverlap() throws Exception {
        fx(() -> {
            window.trainingViewModel().enqueue(Presets.model4().withTraining(t -> t.epochs(1)));
            window.trainingViewModel().trainQueue();
        });
        waitFor(180, () -> !window.trainingViewModel().runningProperty().get()
                && !window.workbench().runs().isEmpty() && window.workbench().runs().get(0).model() != null);
        fx(() -> window.workbench().viewProperty().set(Workbench.DATASET_VIEW));
        fx(() -> ROBOT.lookup("#usersTable").queryAs(TableView.class).getSelectionModel().select(0));
        ROBOT.clickOn("Show in per-user panel");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workbench.USER_VIEW, tabs().getSelectionModel().getSelectedIndex());
        // the lists are computed on the background executor
        waitFor(30, () -> ROBOT.lookup(".recommendations").tryQuery().isPresent());

        @SuppressWarnings("unchecked")
        List<RatedRow> rated = ROBOT.lookup("#ratedTable").queryAs(TableView.class).getItems();
        assertFalse(rated.isEmpty());
        Set<Integer> ratedIds = new HashSet<>();
        rated.forEach(r -> ratedIds.add(r.movieId()));
        Set<TableView<RecRow>> tables = ROBOT.lookup(".recommendations").queryAllAs(castTable());
        assertFalse(tables.isEmpty(), "a list per trained model");

        // at the smallest supported window size nothing that matters is cut short
        fx(() -> {
            window.stage().setWidth(1024);
            window.stage().setHeight(700);
        });
        fx(() -> window.scene().getRoot().layout());
        for (TableView<RecRow> table : tables) {
            assertTrue(table.getWidth() >= UserController.LIST_MIN_WIDTH - 0.5, "list squeezed to " + table.getWidth());
        }
        for (String column : List.of("Year", "Stars")) {
            for (TableCell<?, ?> cell : ROBOT.lookup("#ratedTable").lookup(".table-cell").queryAllAs(TableCell.class)) {
                if (cell.getTableColumn() != null && column.equals(cell.getTableColumn().getText()) && cell.getText() != null) {
                    Text shown = (Text) cell.lookup(".text");
                    assertEquals(cell.getText(), shown.getText(), column + " cut short");
                }
            }
        }
        // the window stays at the smallest size: Monocle cannot grow a window it has shrunk ("Too small int buffer"),
        // and this test's window is its own
        // one at a time: a tab per list at the full width, every title whole
        ROBOT.clickOn("#oneAtATimeButton");
        WaitForAsyncUtils.waitForFxEvents();
        TabPane listTabs = ROBOT.lookup("#listsTabs").queryAs(TabPane.class);
        assertTrue(listTabs.isVisible());
        assertEquals(tables.size(), listTabs.getTabs().size());
        assertFalse(window.userViewModel().sideBySideProperty().get());
        assertFalse(preferences.listsSideBySide(), "the choice is remembered");
        for (TableCell<?, ?> cell : ROBOT.from(listTabs.getSelectionModel().getSelectedItem().getContent()).lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (cell.getTableColumn() != null && "Title (year)".equals(cell.getTableColumn().getText()) && cell.getText() != null) {
                assertEquals(cell.getText(), ((Text) cell.lookup(".text")).getText(), "title cut short");
            }
        }
        ROBOT.clickOn("#sideBySideButton");
        WaitForAsyncUtils.waitForFxEvents();
        tables = ROBOT.lookup(".recommendations").queryAllAs(castTable());
        for (TableView<RecRow> table : tables) {
            assertEquals(10, table.getItems().size());
            for (RecRow row : table.getItems()) {
                assertFalse(ratedIds.contains(row.movieId()), "rated movie " + row.title() + " recommended");
            }
        }

        // the next user: the same tables and chart series on screen, showing that user's rows and shares
        @SuppressWarnings("unchecked")
        BarChart<String, Number> genres = ROBOT.lookup("#genreProfileChart").queryAs(BarChart.class);
        List<XYChart.Series<String, Number>> seriesBefore = List.copyOf(genres.getData());
        Dataset dataset = window.workbench().dataset();
        int shownUser = window.userViewModel().userIdProperty().get();
        int next = dataset.ratings().users().idAt(dataset.ratings().users().idAt(0) == shownUser ? 1 : 0);
        fx(() -> window.workbench().showUser(next));
        waitFor(30, () -> window.userViewModel().summaryProperty().get().startsWith("User " + next + " "));
        WaitForAsyncUtils.waitForFxEvents();
        Set<TableView<RecRow>> nextTables = ROBOT.lookup(".recommendations").queryAllAs(castTable());
        assertEquals(tables.size(), nextTables.size());
        for (TableView<RecRow> table : nextTables) {
            assertTrue(tables.stream().anyMatch(kept -> kept == table), "the list tables are kept for the next user");
        }
        List<List<RecRow>> shownRows = nextTables.stream().map(t -> List.copyOf(t.getItems())).toList();
        for (var list : window.userViewModel().lists()) {
            assertTrue(shownRows.contains(list.rows()), list.name() + "'s rows for user " + next + " are shown");
        }
        assertEquals(seriesBefore.size(), genres.getData().size());
        for (int i = 0; i < seriesBefore.size(); i++) {
            assertSame(seriesBefore.get(i), genres.getData().get(i), "the genre chart's series are kept, their heights change");
        }
        assertEquals(window.userViewModel().profiles().ratedGenres().stream().map(b -> (Number) b.value()).toList(),
                genres.getData().get(0).getData().stream().map(XYChart.Data::getYValue).toList());
    }

    @Test
    void openingAnotherDatasetResetsTheFiltersAndResortsTheGenreChart() throws Exception {
        fx(() -> {
            window.workbench().viewProperty().set(Workbench.DATASET_VIEW);
            window.datasetViewModel().genreProperty().set("Horror");
        });
        Path other = TinyData.writeSmallDatasetCsv(temp.resolve("other"));
        fx(() -> window.mainViewModel().open(other));
        waitFor(30, () -> window.workbench().dataset().source().toAbsolutePath().equals(other.toAbsolutePath()));
        @SuppressWarnings("unchecked")
        ComboBox<String> genreBox = ROBOT.lookup("#genreBox").queryAs(ComboBox.class);
        assertEquals(DatasetViewModel.ALL_GENRES, genreBox.getValue(), "the genre box shows the reset filter");
        assertEquals(TinyData.SMALL_MOVIES, ROBOT.lookup("#moviesTable").queryAs(TableView.class).getItems().size());
        @SuppressWarnings("unchecked")
        BarChart<String, Number> genres = ROBOT.lookup("#genreChart").queryAs(BarChart.class);
        List<String> expected = window.datasetViewModel().moviesPerGenre().stream().map(Bar::label).toList();
        assertEquals(expected, List.copyOf(((CategoryAxis) genres.getXAxis()).getCategories()), "the new dataset's genres, in its own order");
    }

    @Test
    void headerClicksSortANewDatasetsTablesKeepTheSelectedMovieAndTheSearchFilters() throws Exception {
        fx(() -> window.workbench().viewProperty().set(Workbench.DATASET_VIEW));
        Path other = TinyData.writeSmallDatasetCsv(temp.resolve("other"));
        fx(() -> window.mainViewModel().open(other));
        @SuppressWarnings("unchecked")
        TableView<MovieRow> movies = ROBOT.lookup("#moviesTable").queryAs(TableView.class);
        @SuppressWarnings("unchecked")
        TableView<UserRow> users = ROBOT.lookup("#usersTable").queryAs(TableView.class);
        waitFor(30, () -> movies.getItems().size() == TinyData.SMALL_MOVIES && users.getItems().size() == TinyData.SMALL_USERS);
        List<Integer> counts = movies.getItems().stream().map(MovieRow::ratings).toList();
        assertEquals(counts.stream().sorted(Comparator.reverseOrder()).toList(), counts, "most rated first, as on the first dataset");
        MovieRow picked = movies.getItems().get(3);
        fx(() -> movies.getSelectionModel().select(picked));

        ROBOT.clickOn("#movieTitleColumn");
        waitFor(30, () -> isSorted(movies.getItems().stream().map(MovieRow::title).toList(), Comparator.naturalOrder()));
        assertSame(picked, movies.getSelectionModel().getSelectedItem(), "the selected movie stays selected in the sorted list");
        assertTrue(text("#selectedMovieLabel").startsWith(picked.movie().displayTitle()), text("#selectedMovieLabel"));
        ROBOT.clickOn("#userIdColumn");
        ROBOT.clickOn("#userIdColumn");
        waitFor(30, () -> isSorted(users.getItems().stream().map(UserRow::id).toList(), Comparator.reverseOrder()));

        fx(() -> window.datasetViewModel().searchProperty().set("film 1"));
        waitFor(30, () -> movies.getItems().size() == 11);
        assertTrue(isSorted(movies.getItems().stream().map(MovieRow::title).toList(), Comparator.naturalOrder()), "still in title order");
    }

    private static <T> boolean isSorted(List<T> values, Comparator<? super T> order) {
        return values.size() > 1 && values.equals(values.stream().sorted(order).toList());
    }

    @Test
    void aBadDatasetShowsTheErrorAndKeepsTheOldOne() throws Exception {
        Path bad = temp.resolve("bad");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,964982703\n1,oops,4.0,964982703\n");
        Files.writeString(bad.resolve("movies.csv"), "movieId,title,genres\n10,Heat (1995),Action\n");
        Dataset before = window.workbench().dataset();
        fx(() -> window.mainViewModel().open(bad));
        waitFor(30, () -> ROBOT.lookup("#errorDialog").tryQuery().isPresent());
        DialogPane dialog = ROBOT.lookup("#errorDialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("ratings.csv"), dialog.getContentText());
        assertTrue(dialog.getContentText().contains("3"), "names the line: " + dialog.getContentText());
        assertSame(before, window.workbench().dataset());
        assertTrue(text("#datasetLabel").contains("1,000 users"));
        fx(() -> ((Window) dialog.getScene().getWindow()).hide());
    }

    private TabPane tabs() {
        return ROBOT.lookup(".views").queryAs(TabPane.class);
    }

    private static String text(String query) {
        return ROBOT.lookup(query).queryAs(Label.class).getText();
    }

    private static int points(XYChart<?, ?> chart) {
        return chart.getData().stream().mapToInt(s -> s.getData().size()).sum();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<TableView<RecRow>> castTable() {
        return (Class) TableView.class;
    }


}
