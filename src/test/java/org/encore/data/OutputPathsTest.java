package org.encore.data;

import org.encore.data.OutputPaths.Overwrite;
import org.encore.data.OutputPaths.Refused;
import org.encore.testutil.UnwritableFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void aFolderWithEntriesIsRefusedWithoutOverwriteAndNamesWhatItHolds() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("history.csv"), "my own notes");
        Refused e = assertThrows(Refused.class, () -> OutputPaths.checkFolderTarget(run, Overwrite.REFUSE));
        assertEquals(Refused.Reason.EXISTS, e.reason());
        assertTrue(e.getMessage().contains("not empty (1 entry: history.csv)"), e.getMessage());
        assertThrows(Refused.class, () -> OutputPaths.writeFolder(run, Overwrite.REFUSE, folder -> {
            Files.writeString(folder.resolve("history.csv"), "replaced");
            return null;
        }));
        assertEquals("my own notes", Files.readString(run.resolve("history.csv")));
        assertEquals(List.of("run"), names(dir), "no temporary sibling left");
    }

    @Test
    void anAbsentOrEmptyFolderIsWrittenWholeInOneMoveWithOrdinaryPermissions() throws IOException {
        Path empty = dir.resolve("empty");
        Files.createDirectories(empty);
        for (Path target : List.of(dir.resolve("new/deeper"), empty)) {
            OutputPaths.checkFolderTarget(target, Overwrite.REFUSE);
            String returned = OutputPaths.writeFolder(target, Overwrite.REFUSE, folder -> {
                assertFalse(folder.equals(target), "built elsewhere, not in the target");
                assertFalse(Files.exists(target.resolve("a.txt")), "nothing appears in the target before the move");
                Files.writeString(folder.resolve("a.txt"), "a");
                return "done";
            });
            assertEquals("done", returned);
            assertEquals("a", Files.readString(target.resolve("a.txt")));
            assertTrue(names(target.getParent()).stream().noneMatch(n -> n.startsWith(".")), "no temporary sibling left");
            if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            }
        }
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFolderAsItWasAndNoSibling() throws IOException {
        Path run = dir.resolve("run");
        OutputPaths.writeFolder(run, Overwrite.REFUSE, folder -> {
            Files.writeString(folder.resolve("params.f32"), "old params");
            Files.writeString(folder.resolve("manifest.json"), "old manifest");
            return null;
        });
        // as a crash after the new parameters are written but before the manifest
        assertThrows(IOException.class, () -> OutputPaths.writeFolder(run, Overwrite.REPLACE, folder -> {
            Files.writeString(folder.resolve("params.f32"), "new params");
            throw new IOException("killed before the manifest");
        }));
        assertEquals("old params", Files.readString(run.resolve("params.f32")));
        assertEquals("old manifest", Files.readString(run.resolve("manifest.json")));
        assertEquals(List.of("run"), names(dir));
    }

    @Test
    void replacingSwapsInTheCompleteNewFolderAndDeletesTheOld() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run.resolve("sub"));
        Files.writeString(run.resolve("old.txt"), "old");
        Files.writeString(run.resolve("sub/deep.txt"), "old");
        OutputPaths.writeFolder(run, Overwrite.REPLACE, folder -> {
            Files.writeString(folder.resolve("new.txt"), "new");
            return null;
        });
        assertEquals(List.of("new.txt"), names(run));
        assertEquals(List.of("run"), names(dir), "the old folder set aside is gone too");
    }

    @Test
    void aFileOrAFileAsParentIsNotAFolder() throws IOException {
        Path file = dir.resolve("file.txt");
        Files.writeString(file, "x");
        Refused e = assertThrows(Refused.class, () -> OutputPaths.checkFolderTarget(file, Overwrite.REPLACE));
        assertTrue(e.getMessage().contains("is a file, not a folder"), e.getMessage());
        e = assertThrows(Refused.class, () -> OutputPaths.checkFolderTarget(file.resolve("run"), Overwrite.REPLACE));
        assertTrue(e.getMessage().contains("cannot be created: " + file + " is a file, not a folder"), e.getMessage());
        e = assertThrows(Refused.class, () -> OutputPaths.checkFileTarget(file.resolve("out.json"), Overwrite.REPLACE));
        assertEquals(Refused.Reason.WRONG_KIND, e.reason());
    }

    @Test
    void theEmptyPathIsRefused() {
        Refused e = assertThrows(Refused.class, () -> OutputPaths.checkFolderTarget(Path.of(""), Overwrite.REPLACE));
        assertEquals(Refused.Reason.EMPTY, e.reason());
        assertThrows(Refused.class, () -> OutputPaths.checkFileTarget(Path.of(""), Overwrite.REPLACE));
    }

    @Test
    void anExistingRegularFileIsReplacedOnlyWhenAsked() throws IOException {
        Path report = dir.resolve("report.json");
        Files.writeString(report, "mine");
        Refused e = assertThrows(Refused.class, () -> OutputPaths.writeFile(report, Overwrite.REFUSE, out -> out.write('x')));
        assertEquals(Refused.Reason.EXISTS, e.reason());
        assertEquals("mine", Files.readString(report));
        OutputPaths.writeFile(report, Overwrite.REPLACE, out -> out.write('x'));
        assertEquals("x", Files.readString(report));
    }

    @Test
    void aLinkADeviceOrAFolderIsNeverReplacedByAFile() throws IOException {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        Refused e = assertThrows(Refused.class, () -> OutputPaths.writeFile(link, Overwrite.REPLACE, out -> out.write('x')));
        assertTrue(e.getMessage().contains("is a symbolic link; only regular files are written"), e.getMessage());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("kept", Files.readString(real));

        e = assertThrows(Refused.class, () -> OutputPaths.checkFileTarget(dir, Overwrite.REPLACE));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());

        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device), "no /dev/null here");
        e = assertThrows(Refused.class, () -> OutputPaths.checkFileTarget(device, Overwrite.REPLACE));
        assertTrue(e.getMessage().contains("is a FIFO, device or socket"), e.getMessage());
    }

    @Test
    void aFifoIsNeverReplaced() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException noMkfifo) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available here");
        Refused e = assertThrows(Refused.class, () -> OutputPaths.writeFile(fifo, Overwrite.REPLACE, out -> out.write('x')));
        assertEquals(Refused.Reason.WRONG_KIND, e.reason());
        assertFalse(Files.isRegularFile(fifo), "still a FIFO");
    }

    @Test
    void aFolderWithoutWritePermissionIsFoundBeforeAnyWork() throws IOException {
        Optional<Path> place = UnwritableFolder.under(dir);
        assumeTrue(place.isPresent(), "no unwritable folder to try here");
        Refused e = assertThrows(Refused.class, () -> OutputPaths.checkFolderTarget(place.get().resolve("run"), Overwrite.REFUSE));
        assertEquals(Refused.Reason.NOT_WRITABLE, e.reason());
        assertTrue(e.getMessage().contains("cannot write in " + place.get()), e.getMessage());
    }

    @Test
    void aFreshFolderNameNeverNamesSomethingThatExists() throws IOException {
        assertEquals(dir.resolve("run"), OutputPaths.freshFolder(dir, "run"));
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run-2"), "a file");
        assertEquals(dir.resolve("run-3"), OutputPaths.freshFolder(dir, "run"));
    }

    @Test
    void theHiddenSiblingsOfAnInterruptedWriteAreRecognised() {
        assertTrue(OutputPaths.isTemporary(dir.resolve(".run.tmp-123")));
        assertTrue(OutputPaths.isTemporary(dir.resolve(".run.old-abc")));
        assertFalse(OutputPaths.isTemporary(dir.resolve("run.tmp-123")));
        assertFalse(OutputPaths.isTemporary(dir.resolve("20261201-run")));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
