package org.encore.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import org.encore.model.Architecture;
import org.encore.model.ModelSpec;
import org.encore.model.SpecFiles;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The designer driven headless (Monocle) on its own window ({@link UiWindow}): a Mult-VAE's own settings are shown
 * in its Kind section, typed into and saved.
 */
class DesignerUiTest {
    private static final FxRobot ROBOT = new FxRobot();
    private UiWindow ui;

    @TempDir
    Path temp;

    @BeforeAll
    static void startToolkit() throws Exception {
        UiWindow.startToolkit();
    }

    @BeforeEach
    void openWindow(TestInfo test) throws Exception {
        ui = UiWindow.open(temp, "designer-uitest", test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void theMultVaesBetaCapIsShownEditedAndSaved() throws Exception {
        WorkbenchWindow window = ui.window();
        fx(() -> window.workbench().viewProperty().set(Workbench.DESIGNER_VIEW));
        assertFalse(ROBOT.lookup("#kindPane").query().isVisible(), "a plain autoencoder's settings are its layers");
        ROBOT.clickOn("mult-vae");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("mult-vae", window.designerViewModel().specProperty().get().name());
        TitledPane kind = ROBOT.lookup("#kindPane").queryAs(TitledPane.class);
        assertTrue(kind.isVisible());
        assertEquals("Kind: vae", kind.getText());
        TextField betaCap = ROBOT.lookup("#betaCapField").queryAs(TextField.class);
        assertTrue(betaCap.isVisible());
        assertEquals("0.2", betaCap.getText());
        assertNotNull(betaCap.getTooltip(), "every field says what it does");
        assertTrue(ROBOT.lookup("#stackButtons").query().isDisabled(), "a vae's stack is only shown");
        assertFalse(ROBOT.lookup("#cdaeGrid").query().isVisible());

        ROBOT.doubleClickOn("#betaCapField").eraseText(3).write("-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(text("#betaCapError").contains("must be >= 0"), text("#betaCapError"));
        ROBOT.doubleClickOn("#betaCapField").eraseText(3).write("0.35");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", text("#betaCapError"));

        Path file = temp.resolve("mult-vae.json");
        fx(() -> window.designerViewModel().save(file));
        ModelSpec saved = SpecFiles.read(file);
        Architecture.Vae vae = assertInstanceOf(Architecture.Vae.class, saved.architecture());
        assertEquals(0.35, vae.betaCap());
        assertEquals("mult-vae", saved.name());
    }

    private static String text(String query) {
        Node node = ROBOT.lookup(query).query();
        return ((Label) node).getText();
    }
}
