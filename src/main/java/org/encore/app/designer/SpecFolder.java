package org.encore.app.designer;

import org.encore.app.DesignEntry;
import org.encore.model.SpecFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the designer's specs into a folder as NAME.json, never over an existing file (NAME-2.json, …). */
final class SpecFolder {
    private SpecFolder() {
    }

    /** Writes each entry's spec into {@code folder}; returns the files written, in order. */
    static List<Path> writeAll(List<DesignEntry> entries, Path folder) throws IOException {
        List<Path> written = new ArrayList<>();
        for (DesignEntry entry : entries) {
            String base = entry.name().replaceAll("[^A-Za-z0-9._-]+", "_");
            Path file = folder.resolve(base + ".json");
            for (int n = 2; Files.exists(file); n++) {
                file = folder.resolve(base + "-" + n + ".json");
            }
            SpecFiles.write(file, entry.spec());
            written.add(file);
        }
        return written;
    }
}
