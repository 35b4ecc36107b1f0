package org.encore.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** A folder in which no file can be created, for tests of output checks. */
public final class UnwritableFolder {
    private UnwritableFolder() {
    }

    /**
     * A read-only (r-x) empty folder made under {@code dir}; when running as root, whom permission bits do not stop,
     * {@code /proc}, where nobody can create a file. Empty when neither is available (no POSIX permissions, no /proc).
     */
    public static Optional<Path> under(Path dir) throws IOException {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!Files.isWritable(locked)) {
            return Optional.of(locked);
        }
        Path proc = Path.of("/proc");
        return Files.isDirectory(proc) ? Optional.of(proc) : Optional.empty();
    }
}
