package org.encore.app;

import org.encore.testutil.TinyData;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.encore.app.UiWindow.fx;
import static org.encore.app.UiWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The latent map driven headless (Monocle) on its own window, data directory and preferences node, as
 * {@link WorkbenchUiTest} does: a tiny run of sample-data is mapped, and clicking a user's point opens that user
 * in the per-user panel.
 */
class LatentMapUiTest {
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
        ui = UiWindow.open(temp, "latentmap-uitest", test.getTestMethod().orElseThrow().getName());
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
    void clickingAUserOnTheMapShowsThemInThePerUserPanel() throws Exception {
        fx(() -> {
            window.trainingViewModel().enqueue(TinyData.tinySpec("tiny", 1));
            window.trainingViewModel().trainQueue();
        });
        waitFor(120, () -> !window.trainingViewModel().runningProperty().get()
                && !window.workbench().runs().isEmpty() && window.workbench().runs().get(0).model() != null);
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<TrainedRun> layerRuns = ROBOT.lookup("#layerRunBox").queryAs(ComboBox.class);
        assertEquals("tiny", layerRuns.getButtonCell().getText(), "a run that was live reads by its name once finished");
        fx(() -> window.stage().requestFocus());
        ROBOT.clickOn("#datasetLabel");
        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("latentTab", tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(Workbench.LATENT_VIEW, window.workbench().viewProperty().get());
        waitFor(60, () -> window.latentMapViewModel().mapProperty().get() != null);
        LatentMap map = window.latentMapViewModel().mapProperty().get();
        assertEquals(window.workbench().dataset().ratings().userCount(), map.points().size());
        assertTrue(((javafx.scene.control.Label) ROBOT.lookup("#latentSummary").query()).getText().contains("users"));
        assertTrue(ROBOT.lookup("#latentLegend").queryParent().getChildrenUnmodifiable().size() > 1, "a legend entry per label");

        Canvas canvas = ROBOT.lookup("#latentCanvas").queryAs(Canvas.class);
        // the point farthest from the others' centre is drawn where no other point hides it
        MapPoint target = map.points().stream().max(java.util.Comparator.comparingDouble(p -> p.x() * p.x() + p.y() * p.y())).orElseThrow();
        Point2D onCanvas = window.latentMapController().toCanvas(target);
        Point2D onScreen = canvas.localToScreen(onCanvas);
        ROBOT.moveTo(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        String hover = ((javafx.scene.control.Label) ROBOT.lookup("#latentHover").query()).getText();
        assertTrue(hover.startsWith("User "), hover);
        int shownId = Integer.parseInt(hover.substring(5, hover.indexOf(' ', 5)));
        ROBOT.clickOn(onScreen);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workbench.USER_VIEW, window.workbench().viewProperty().get());
        waitFor(30, () -> String.valueOf(shownId).equals(ROBOT.lookup("#userField").queryAs(TextField.class).getText()));
        assertEquals(shownId, window.userViewModel().userIdProperty().get());
    }

    @Test
    void theRunTrainingNowIsMappedLiveWithItsEpochThenTheFinishedMapReplacesIt() throws Exception {
        fx(() -> window.stage().requestFocus());
        ROBOT.clickOn("#datasetLabel");
        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(ROBOT.lookup("#latentLiveCheck").queryAs(CheckBox.class).isSelected(), "on by default for sample-data");
        fx(() -> {
            window.trainingViewModel().enqueue(TinyData.tinySpec("tiny", 400));
            window.trainingViewModel().trainQueue();
        });
        waitFor(120, () -> window.latentMapViewModel().epochLabelProperty().get().startsWith("epoch"));
        fx(() -> window.trainingViewModel().pause());
        WaitForAsyncUtils.waitForFxEvents();
        String epoch = ROBOT.lookup("#latentEpoch").queryAs(Label.class).getText();
        assertTrue(epoch.matches("epoch \\d+ of 400"), epoch);
        @SuppressWarnings("unchecked")
        ComboBox<TrainedRun> runBox = ROBOT.lookup("#latentRunBox").queryAs(ComboBox.class);
        assertEquals("live: tiny (training now)", runBox.getButtonCell().getText());
        assertTrue(ROBOT.lookup("#latentSummary").queryAs(Label.class).getText().startsWith("Live, epoch"));
        assertEquals(window.workbench().dataset().ratings().userCount(),
                window.latentMapViewModel().mapProperty().get().points().size());
        fx(() -> window.trainingViewModel().cancel());
        waitFor(60, () -> !window.trainingViewModel().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", ROBOT.lookup("#latentEpoch").queryAs(Label.class).getText(), "a discarded run leaves the live map");
    }

    @Test
    void helpGuideWalksThroughTheFourReferenceModels() {
        fx(() -> window.stage().requestFocus());
        ROBOT.clickOn("#datasetLabel");
        ROBOT.press(KeyCode.F1).release(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.layout.VBox body = ROBOT.lookup("#guideBody").queryAs(javafx.scene.layout.VBox.class);
        assertEquals(2 * Guide.STEPS.size(), body.getChildren().size(), "a heading and a paragraph per step");
        String all = Guide.STEPS.stream().map(Guide.Step::text).reduce("", String::concat);
        assertTrue(all.contains("model1") && all.contains("model4") && all.contains("Latent map") && all.contains("Reconstruction"));
        fx(() -> ((Stage) body.getScene().getWindow()).close());
    }

    private TabPane tabs() {
        return ROBOT.lookup(".views").queryAs(TabPane.class);
    }


}
