package org.encore.data;

import java.nio.file.Path;

/** Where Encore keeps the user's files (dataset caches, saved runs): one rule for the app, the CLI and the cache. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /** {@code encore.data.dir}, else $XDG_DATA_HOME/encore, else ~/.local/share/encore. */
    public static Path base() {
        String override = System.getProperty("encore.data.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "encore");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "encore");
    }
}
