package org.encore.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.encore.training.Engine;
import org.encore.training.dl4j.Dl4jEngine;

import java.util.prefs.Preferences;

/** The JavaFX application: the main window, or with {@code --smoke} a self-check that renders every view. */
public final class EncoreApp extends Application {
    private static volatile int exitStatus;
    private WorkbenchWindow window;

    /** What the process should exit with once the toolkit has stopped. */
    static int exitStatus() {
        return exitStatus;
    }

    /** The workbench's engine (this class is where the app chooses it). */
    private static final Engine ENGINE = new Dl4jEngine();

    /**
     * Loads the engine's native libraries on the calling thread; the launcher calls it before JavaFX starts, whose
     * own libraries must not load at the same moment ({@link Engine#loadNativeLibraries} says why).
     */
    static void loadEngineLibraries() {
        ENGINE.loadNativeLibraries();
    }

    static void setExitStatus(int status) {
        exitStatus = status;
    }

    @Override
    public void start(Stage stage) throws LaunchOptions.InvalidOptions {
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        // the smoke check must not move a user's window or change their recent list
        AppPreferences preferences = options.smoke()
                ? new AppPreferences(Preferences.userRoot().node(AppPreferences.DEFAULT_NODE + "-smoke"))
                : AppPreferences.forUser();
        window = new WorkbenchWindow(stage, preferences, DatasetOpener.MOVIELENS, AppDirs.runsDir(), ENGINE);
        window.show();
        if (options.smoke()) {
            new SmokeCheck(window, status -> {
                setExitStatus(status);
                window.close();
                Platform.exit();
            }).start(options.data() != null ? options.data() : AppDirs.sampleData());
        } else {
            window.openInitial(options.data());
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
