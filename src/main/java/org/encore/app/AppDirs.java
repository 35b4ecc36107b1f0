package org.encore.app;

import org.encore.data.DataDirectory;

import java.nio.file.Path;

/** Where the workbench keeps its files. */
public final class AppDirs {
    private AppDirs() {
    }

    /** The user's data directory: {@code encore.data.dir}, else $XDG_DATA_HOME/encore, else ~/.local/share/encore. */
    public static Path dataDir() {
        return DataDirectory.base();
    }

    /** Saved training runs, one folder each. */
    public static Path runsDir() {
        return dataDir().resolve("runs");
    }

    /** The bundled sample: ${encore.home}/sample-data, else ./sample-data. */
    public static Path sampleData() {
        String home = System.getProperty("encore.home");
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).toAbsolutePath().resolve("sample-data");
    }
}
