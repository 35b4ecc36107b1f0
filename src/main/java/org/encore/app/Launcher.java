package org.encore.app;

import javafx.application.Application;
import org.encore.cli.Main;
import org.encore.training.NativeMemoryLimits;

import java.util.List;
import java.util.logging.Logger;

/**
 * Main class. Does not extend {@code Application}, so that JavaFX on the class path (not the module path)
 * starts. With a sub-command it runs headless; otherwise it opens the workbench ({@code --data PATH} to open a
 * given dataset, {@code --smoke} to check that the window starts, renders every view and exits).
 */
public final class Launcher {
    /**
     * JavaFX logs through {@code System.Logger} "javafx", which lands on this java.util.logging logger; held so
     * that the filter set on it is not lost to garbage collection.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");
    private static final String CLASS_PATH_WARNING = "Unsupported JavaFX configuration";

    private Launcher() {
    }

    /** Linux needs an X or Wayland display unless a headless glass platform (Monocle) was chosen. */
    static boolean hasDisplay() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
                || System.getProperty("glass.platform") != null) {
            return true;
        }
        return notBlank(System.getenv("DISPLAY")) || notBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * JavaFX on the class path is how Encore runs (DL4J is not modular): JavaFX's start-up warning about it says
     * nothing useful. A filter rather than a level, so that JavaFX's other warnings still show.
     */
    static void hideClassPathWarning() {
        JAVAFX_LOG.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith(CLASS_PATH_WARNING));
    }

    public static void main(String[] args) {
        // before any ND4J class loads: JavaCPP reads its off-heap limits once, at first use
        NativeMemoryLimits.applyFromMachine();
        if (args.length > 0 && !args[0].startsWith("--")) {
            Main.main(args);
            return;
        }
        try {
            LaunchOptions.parse(List.of(args));
        } catch (LaunchOptions.InvalidOptions e) {
            System.err.println(e.getMessage());
            System.exit(Main.USAGE);
        }
        if (!hasDisplay()) {
            System.err.println("encore: no display to open the workbench on (DISPLAY is not set).\n"
                    + "Run it under a desktop session or xvfb-run, or use the headless commands: encore help");
            System.exit(Main.ERROR);
        }
        hideClassPathWarning();
        // before JavaFX loads its own native libraries: loading both at once can hang the process for good
        // (Engine.loadNativeLibraries says why)
        EncoreApp.loadEngineLibraries();
        Application.launch(EncoreApp.class, args);
        // ND4J may leave non-daemon threads behind; the window's end is the process's end
        System.exit(EncoreApp.exitStatus());
    }
}
