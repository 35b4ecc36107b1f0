package org.encore.app;

import org.encore.cli.Main;

/**
 * Main class. Does not extend {@code Application}, so that JavaFX on the class path (not the module path)
 * starts. With a sub-command it runs headless; otherwise it opens the workbench.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && !args[0].startsWith("--")) {
            Main.main(args);
            return;
        }
        System.err.println("The workbench is not built yet; try: encore help");
        System.exit(Main.USAGE);
    }
}
