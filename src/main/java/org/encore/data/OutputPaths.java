package org.encore.data;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one policy for everything Encore writes where a user asked it to (a run folder, a generated dataset, a
 * report file):
 * <ul>
 *   <li>every target is checked before the work starts ({@link #checkFolderTarget}, {@link #checkFileTarget}), so
 *       that a bad path is found before hours of training, with a message saying what is wrong;</li>
 *   <li>nothing that exists is replaced unless the caller passes {@link Overwrite#REPLACE} (the CLI's
 *       {@code --overwrite}); an empty folder counts as absent;</li>
 *   <li>only regular files and real folders are written: a symbolic link, FIFO or device is never replaced;</li>
 *   <li>a folder is built complete in a hidden temporary sibling ({@code .NAME.tmp-XXXX}), synced to disk and moved
 *       into place in one rename ({@link #writeFolder}); with {@code REPLACE} the old folder is renamed aside
 *       ({@code .NAME.old-XXXX}) only after the new one is complete, the new one renamed in, then the old deleted.
 *       A crash leaves the old folder or the new one under the target's name, never a mixture (at worst, in the
 *       instant between the two renames of a replacement, the old one under its {@code .old-} name);</li>
 *   <li>single files are written with {@link AtomicFiles} after the same checks ({@link #writeFile}).</li>
 * </ul>
 */
public final class OutputPaths {
    /** Infix of the hidden siblings a folder is built in or set aside to; listings of saved folders skip them. */
    private static final String TEMPORARY = ".tmp-";
    private static final String SET_ASIDE = ".old-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputPaths() {
    }

    /** Whether an existing target may be replaced. */
    public enum Overwrite {
        /** An existing file or non-empty folder is refused (the default everywhere). */
        REFUSE,
        /** An existing regular file or folder is replaced, once the new content is complete. */
        REPLACE;

        public static Overwrite of(boolean replace) {
            return replace ? REPLACE : REFUSE;
        }
    }

    /** Writes a folder's content into the (temporary) folder it is given; returns what the caller wants back. */
    @FunctionalInterface
    public interface FolderWriter<T> {
        T writeInto(Path folder) throws IOException;
    }

    /** A target Encore will not write, and why. */
    public static final class Refused extends IOException {
        /** What is wrong with the target. */
        public enum Reason {
            /** The path is the empty string. */
            EMPTY,
            /** It exists (a regular file, or a folder with entries) and overwriting was not asked for: nothing was replaced. */
            EXISTS,
            /** It is (or its parent is) something other than what was asked: a file for a folder, a link, a FIFO. */
            WRONG_KIND,
            /** Nothing can be created where it would go (permissions, read-only file system). */
            NOT_WRITABLE
        }

        private final Path path;
        private final Reason reason;

        public Refused(Path path, Reason reason, String problem) {
            super((path.toString().isEmpty() ? "(empty path)" : path.toString()) + ": " + problem);
            this.path = path;
            this.reason = reason;
        }

        public Path path() {
            return path;
        }

        public Reason reason() {
            return reason;
        }
    }

    /**
     * Checks that a folder can be written at {@code dir}: absent (its nearest existing ancestor a writable folder),
     * an empty folder, or, with {@link Overwrite#REPLACE}, a folder with entries. Creates nothing.
     *
     * @throws Refused saying what is wrong
     */
    public static void checkFolderTarget(Path dir, Overwrite overwrite) throws IOException {
        Path target = absolute(dir);
        if (Files.isSymbolicLink(target)) {
            throw new Refused(dir, Refused.Reason.WRONG_KIND, "is a symbolic link; give the folder it points to, "
                    + "or a new name (links are never replaced)");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(dir, Refused.Reason.WRONG_KIND, "is " + kind(target) + ", not a folder");
            }
            List<String> entries = entries(target);
            if (!entries.isEmpty() && overwrite != Overwrite.REPLACE) {
                throw new Refused(dir, Refused.Reason.EXISTS, "already exists and is not empty (" + describe(entries) + ")");
            }
            if (!entries.isEmpty() && Path.of("").toAbsolutePath().normalize().startsWith(target)) {
                throw new Refused(dir, Refused.Reason.WRONG_KIND, "holds the current folder; it is never replaced");
            }
        }
        requireWritableParent(dir, target);
    }

    /**
     * Checks that a regular file can be written at {@code file}: absent (its nearest existing ancestor a writable
     * folder) or, with {@link Overwrite#REPLACE}, an existing regular file. A folder, symbolic link, FIFO or device
     * is refused either way. Creates nothing.
     *
     * @throws Refused saying what is wrong
     */
    public static void checkFileTarget(Path file, Overwrite overwrite) throws IOException {
        Path target = absolute(file);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(file, Refused.Reason.WRONG_KIND, "is " + kind(target)
                        + "; only regular files are written (it is never replaced)");
            }
            if (overwrite != Overwrite.REPLACE) {
                throw new Refused(file, Refused.Reason.EXISTS, "already exists");
            }
        }
        requireWritableParent(file, target);
    }

    /** Checks the target again (it may have changed since), then writes it atomically with {@link AtomicFiles}. */
    public static void writeFile(Path file, Overwrite overwrite, AtomicFiles.Writer writer) throws IOException {
        checkFileTarget(file, overwrite);
        AtomicFiles.write(file, writer);
    }

    /**
     * Builds a folder with {@code writer} in a hidden temporary sibling of {@code dir} and moves it into place in
     * one rename (see the class comment). The target is checked again first; on any failure the temporary folder is
     * deleted and the target is left as it was.
     *
     * @return what {@code writer} returned
     */
    public static <T> T writeFolder(Path dir, Overwrite overwrite, FolderWriter<T> writer) throws IOException {
        checkFolderTarget(dir, overwrite);
        Path target = absolute(dir);
        Path parent = target.getParent();
        Files.createDirectories(parent);
        String name = target.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, "." + name + TEMPORARY);
        try {
            AtomicFiles.makeOrdinary(temp);
            T result = writer.writeInto(temp);
            syncTree(temp);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(target)) {
                // checked again: another process may have filled the folder while this one was being written
                checkFolderTarget(dir, overwrite);
                replace(target, temp, parent.resolve("." + name + SET_ASIDE + randomSuffix()));
            } else {
                moveIn(dir, temp, target);
            }
            AtomicFiles.syncDirectory(parent);
            return result;
        } finally {
            if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(temp);
            }
        }
    }

    /**
     * {@code parent/name} when nothing is there, otherwise the first free {@code parent/name-2}, {@code name-3}...:
     * a fresh folder name for a save that must not overwrite anything.
     */
    public static Path freshFolder(Path parent, String name) {
        Path candidate = parent.resolve(name);
        for (int n = 2; Files.exists(candidate, LinkOption.NOFOLLOW_LINKS); n++) {
            candidate = parent.resolve(name + "-" + n);
        }
        return candidate;
    }

    /** True for the hidden siblings {@link #writeFolder} builds in or sets aside (left behind only by a crash). */
    public static boolean isTemporary(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.startsWith(".") && (name.contains(TEMPORARY) || name.contains(SET_ASIDE));
    }

    /** The rename onto an absent or empty folder; the kernel refuses it if the folder filled up meanwhile. */
    private static void moveIn(Path dir, Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new Refused(dir, Refused.Reason.EXISTS, "appeared while it was being written; it is not replaced");
        }
    }

    /** Old aside, new in, old deleted; if the new one cannot be moved in, the old one is moved back. */
    private static void replace(Path target, Path temp, Path aside) throws IOException {
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(aside);
    }

    /** The absolute, normalised target; refuses the empty path and the root (which has no parent to build in). */
    private static Path absolute(Path path) throws Refused {
        if (path.toString().isEmpty()) {
            throw new Refused(path, Refused.Reason.EMPTY, "no path given (an empty string)");
        }
        Path target = path.toAbsolutePath().normalize();
        if (target.getParent() == null || target.getFileName() == null) {
            throw new Refused(path, Refused.Reason.WRONG_KIND, "is the root of the file system");
        }
        return target;
    }

    /**
     * The nearest existing ancestor must be a folder (not a file or link to one) in which a file can be created;
     * a probe file is created and deleted there, since permission bits say nothing of read-only mounts.
     */
    private static void requireWritableParent(Path given, Path target) throws IOException {
        Path ancestor = target.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            throw new Refused(given, Refused.Reason.NOT_WRITABLE, "has no existing parent folder");
        }
        if (!Files.isDirectory(ancestor)) {
            throw new Refused(given, Refused.Reason.WRONG_KIND, "cannot be created: " + ancestor + " is "
                    + kind(ancestor) + ", not a folder");
        }
        try {
            Files.delete(Files.createTempFile(ancestor, ".encore-write-check", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new Refused(given, Refused.Reason.NOT_WRITABLE, "cannot write in " + ancestor + " ("
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : reason(e)) + ")");
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** "a regular file", "a folder", "a symbolic link", "a FIFO, device or socket". */
    private static String kind(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "a symbolic link";
        }
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a folder";
        }
        if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            return "a file";
        }
        return "a FIFO, device or socket";
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static boolean isEmptyFolder(Path dir) throws IOException {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS) && entries(dir).isEmpty();
    }

    /** "3 entries: a, b, c" or "12 entries: a, b, c, …". */
    private static String describe(List<String> entries) {
        int shown = Math.min(3, entries.size());
        return entries.size() + (entries.size() == 1 ? " entry: " : " entries: ")
                + String.join(", ", entries.subList(0, shown)) + (entries.size() > shown ? ", …" : "");
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Forces every regular file under {@code root}, then each folder, to disk. */
    private static void syncTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    AtomicFiles.force(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                AtomicFiles.syncDirectory(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a folder this class made (never follows links out of it). */
    private static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
