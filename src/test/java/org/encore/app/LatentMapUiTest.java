package org.encore.app;

import org.encore.testutil.TinyData;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPoint;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

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
    private Preferences preferencesNode;
    private String previousDataDir;

    @TempDir
    Path temp;

    @BeforeAll
    static void startToolkit() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is missing: the UI tests start on it");
        System.setProperty("encore.home", SAMPLE.getParent().toString());
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void startWorkbench(TestInfo test) throws Exception {
        previousDataDir = System.getProperty("encore.data.dir");
        System.setProperty("encore.data.dir", temp.resolve("data").toString());
        preferencesNode = Preferences.userRoot().node("org/encore/latentmap-uitest/" + test.getTestMethod().orElseThrow().getName());
        preferences = new AppPreferences(preferencesNode);
        preferences.clear();
        preferences.setWindowSize(1200, 760);
        window = FxToolkit.setupFixture(() -> {
            WorkbenchWindow w = new WorkbenchWindow(new Stage(), preferences, DatasetOpener.MOVIELENS, temp.resolve("runs"), new Dl4jEngine());
            w.show();
            w.openInitial(null);
            return w;
        });
        waitFor(60, () -> window.workbench().dataset() != null);
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        if (window != null) {
            WorkbenchWindow closing = window;
            FxToolkit.setupFixture(() -> {
                closing.close();
                closing.stage().hide();
            });
        }
        preferences.clear();
        preferencesNode.removeNode();
        if (previousDataDir == null) {
            System.clearProperty("encore.data.dir");
        } else {
            System.setProperty("encore.data.dir", previousDataDir);
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

    private static void fx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
