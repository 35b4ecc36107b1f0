package org.encore.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A spec file is taken exactly as written or refused with the field (or place) and what was expected. */
class SpecFileInputTest {

    @Test
    void fractionalUnitsAreRefusedNotRoundedDown() {
        String json = SpecFiles.toJson(Presets.model1()).replaceFirst("\"units\" : 1024", "\"units\" : 1.5");
        assertTrue(json.contains("1.5"), json);
        SpecFiles.SpecFormatException e = assertThrows(SpecFiles.SpecFormatException.class,
                () -> SpecFiles.fromJson(json));
        assertTrue(e.field().endsWith("units"), e.getMessage());
        assertEquals("is 1.5, expected a whole number", e.problem());
    }

    @Test
    void textAfterTheSpecObjectIsRefusedWithItsPlace() {
        String json = SpecFiles.toJson(Presets.model2());
        SpecFiles.SpecFormatException e = assertThrows(SpecFiles.SpecFormatException.class,
                () -> SpecFiles.fromJson(json + "\n{\"name\": \"second\"}"));
        assertEquals("(syntax)", e.field());
        assertTrue(e.problem().startsWith("unexpected text after the spec's closing brace at line "), e.problem());
        assertTrue(e.problem().contains("(offset " + (json.length() + 1) + ")"), e.problem());
    }

    @Test
    void trailingWhitespaceIsStillFine() throws Exception {
        assertEquals(Presets.model3(), SpecFiles.fromJson(SpecFiles.toJson(Presets.model3()) + "\n\n  \t\n"));
    }

    @Test
    void deepNestingIsNamedInTheSpecsTermsNotJacksons() {
        // the whole file is read as a tree first (for the version migration), which is where the depth limit bites
        String json = "{\"layers\": [{\"units\": " + "[".repeat(1500) + "]".repeat(1500) + ", \"type\": \"dense\"}]}";
        SpecFiles.SpecFormatException e = assertThrows(SpecFiles.SpecFormatException.class,
                () -> SpecFiles.fromJson(json));
        assertEquals("(syntax)", e.field(), e.getMessage());
        assertTrue(e.problem().startsWith("the JSON is nested more than 1000 levels deep"), e.problem());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
        assertFalse(e.getMessage().contains("`"), e.getMessage());
    }

    @Test
    void aSpecPathThatIsAFifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("spec.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            assumeTrue(false, "no mkfifo here (" + e.getMessage() + "); skipping");
            return;
        }
        assertTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");
        java.io.IOException e = assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(java.io.IOException.class, () -> SpecFiles.read(fifo)));
        assertEquals(fifo + " is a FIFO, expected a regular file", e.getMessage());
    }

    @Test
    void aSpecPathThatIsAFolderIsRefused(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("spec.json"));
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> SpecFiles.read(folder));
        assertEquals(folder + " is a directory, expected a regular file", e.getMessage());
    }
}
