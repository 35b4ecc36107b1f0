package org.encore.app;

import javafx.stage.Stage;
import org.encore.training.dl4j.Dl4jEngine;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One workbench window for one UI test (TestFX, headless Monocle): opened on sample-data with its own data folder
 * ({@code encore.data.dir} under the test's temporary folder), runs folder and preferences node, and closed with all
 * three put back, so that no test sees another's state.
 */
final class UiWindow {
    static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();

    private final WorkbenchWindow window;
    private final AppPreferences preferences;
    private final Preferences preferencesNode;
    private final String previousDataDir;

    private UiWindow(WorkbenchWindow window, AppPreferences preferences, Preferences preferencesNode, String previousDataDir) {
        this.window = window;
        this.preferences = preferences;
        this.preferencesNode = preferencesNode;
        this.previousDataDir = previousDataDir;
    }

    /** Once per test class: the toolkit, and the sample the window starts on (skips when it is missing). */
    static void startToolkit() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is missing: the UI tests start on it");
        System.setProperty("encore.home", SAMPLE.getParent().toString());
        // as the launcher does: the engine's libraries load before JavaFX's (Engine.loadNativeLibraries)
        new Dl4jEngine().loadNativeLibraries();
        FxToolkit.registerPrimaryStage();
    }

    /** A window of 1200x760 (inside Monocle's 1280x800 screen) with the sample loaded; {@code suite} names the node. */
    static UiWindow open(Path temp, String suite, String testName) throws Exception {
        String previousDataDir = System.getProperty("encore.data.dir");
        System.setProperty("encore.data.dir", temp.resolve("data").toString());
        Preferences node = Preferences.userRoot().node("org/encore/" + suite + "/" + testName);
        AppPreferences preferences = new AppPreferences(node);
        preferences.clear();
        preferences.setWindowSize(1200, 760);
        WorkbenchWindow window = FxToolkit.setupFixture(() -> {
            WorkbenchWindow w = new WorkbenchWindow(new Stage(), preferences, DatasetOpener.MOVIELENS, temp.resolve("runs"),
                    new Dl4jEngine());
            w.show();
            w.openInitial(null);
            return w;
        });
        waitFor(60, () -> window.workbench().dataset() != null);
        return new UiWindow(window, preferences, node, previousDataDir);
    }

    WorkbenchWindow window() {
        return window;
    }

    AppPreferences preferences() {
        return preferences;
    }

    /** Closes the window and puts the data folder property and the preferences back. */
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            window.close();
            window.stage().hide();
        });
        preferences.clear();
        try {
            preferencesNode.removeNode();
        } catch (BackingStoreException e) {
            throw new IllegalStateException(e);
        }
        if (previousDataDir == null) {
            System.clearProperty("encore.data.dir");
        } else {
            System.setProperty("encore.data.dir", previousDataDir);
        }
    }

    /** Runs {@code action} on the FX thread and waits for it and the events it caused. */
    static void fx(Runnable action) {
        try {
            WaitForAsyncUtils.asyncFx(action).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits up to {@code seconds} for {@code condition}, evaluated on the FX thread. */
    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
