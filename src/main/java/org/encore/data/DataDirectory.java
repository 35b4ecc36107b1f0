package org.encore.data;

import java.nio.file.Path;

/** Where Encore keeps the user's files (dataset caches, saved runs): one rule for the app, the CLI and the cache. */
public final class DataDirectory {
    private DataDirectory() {
    }

    /**
     * {@code encore.data.dir}, else $XDG_DATA_HOME/encore, else ~/.local/share/encore. A relative XDG_DATA_HOME is
     * ignored, as the XDG Base Directory Specification (0.8) says: "All paths set in these environment variables
     * must be absolute. If an implementation encounters a relative path in any of these variables it should
     * consider the path invalid and ignore it."
     */
    public static Path base() {
        String override = System.getProperty("encore.data.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return base(System.getenv("XDG_DATA_HOME"), System.getProperty("user.home"));
    }

    /** The rule of {@link #base()} for a given XDG_DATA_HOME (null when unset) and home folder. */
    static Path base(String xdgDataHome, String home) {
        if (xdgDataHome != null && !xdgDataHome.isBlank() && Path.of(xdgDataHome).isAbsolute()) {
            return Path.of(xdgDataHome, "encore");
        }
        return Path.of(home, ".local", "share", "encore");
    }
}
