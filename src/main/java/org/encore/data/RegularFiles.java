package org.encore.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;

/**
 * The one way Encore opens a file it reads (datasets, caches, specs, run folders): only regular files. Opening a
 * FIFO for reading blocks until something writes to it, and a device can be read without end, so each read first
 * looks at what the path is (following links) and refuses anything else with "PATH is a FIFO, expected a regular
 * file". A missing file still gives {@link java.nio.file.NoSuchFileException}, as {@link Files} does.
 * <p>
 * The check and the open are two steps: a path swapped for a FIFO between them is not caught, which only someone
 * racing the reader on purpose could do.
 */
public final class RegularFiles {
    /** The file-type bits of st_mode (POSIX): what a path that is neither regular nor a directory is. */
    private static final int TYPE_MASK = 0170000;
    private static final Map<Integer, String> KINDS = Map.of(0010000, "a FIFO", 0020000, "a character device",
            0060000, "a block device", 0140000, "a socket");

    private RegularFiles() {
    }

    /** Throws unless {@code file} is a regular file (or a link to one). */
    public static void require(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (attributes.isRegularFile()) {
            return;
        }
        String kind = attributes.isDirectory() ? "a directory" : otherKind(file);
        throw new NotRegularFileException(file + " is " + kind + ", expected a regular file");
    }

    private static String otherKind(Path file) {
        try {
            Object mode = Files.getAttribute(file, "unix:mode");
            if (mode instanceof Integer bits) {
                return KINDS.getOrDefault(bits & TYPE_MASK, "not a regular file");
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attribute view: say what it is not
        }
        return "a device or other special file";
    }

    public static InputStream newInputStream(Path file) throws IOException {
        require(file);
        return Files.newInputStream(file);
    }

    public static FileChannel openChannel(Path file) throws IOException {
        require(file);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    public static byte[] readAllBytes(Path file) throws IOException {
        require(file);
        return Files.readAllBytes(file);
    }

    public static String readString(Path file) throws IOException {
        require(file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    public static long size(Path file) throws IOException {
        require(file);
        return Files.size(file);
    }

    /** A path that exists but is not a regular file (a FIFO, a device, a directory, a socket). */
    public static final class NotRegularFileException extends IOException {
        public NotRegularFileException(String message) {
            super(message);
        }
    }
}
