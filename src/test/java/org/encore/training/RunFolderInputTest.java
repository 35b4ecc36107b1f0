package org.encore.training;

import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A run folder is read from regular files only: a FIFO or a folder in a file's place is refused, never waited on. */
class RunFolderInputTest {

    private static Dataset tinyDataset(Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.writeString(data.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,5\n2,1,3.0,6\n");
        return MovieLensLoader.load(data);
    }

    @Test
    void manifestThatIsAFifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Dataset dataset = tinyDataset(dir);
        Path run = Files.createDirectories(dir.resolve("run"));
        Path manifest = run.resolve(RunFolder.MANIFEST);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", manifest.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here (" + e.getMessage() + "); skipping");
            return;
        }
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IOException.class, () -> RunFolder.read(run, dataset)));
        assertEquals(manifest + " is a FIFO, expected a regular file", e.getMessage());
    }

    @Test
    void manifestThatIsAFolderIsRefused(@TempDir Path dir) throws Exception {
        Dataset dataset = tinyDataset(dir);
        Path run = Files.createDirectories(dir.resolve("run"));
        Path manifest = Files.createDirectory(run.resolve(RunFolder.MANIFEST));
        IOException e = assertThrows(IOException.class, () -> RunFolder.read(run, dataset));
        assertEquals(manifest + " is a directory, expected a regular file", e.getMessage());
    }
}
