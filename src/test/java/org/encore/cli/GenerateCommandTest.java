package org.encore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GenerateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CliRun.run(out, err, args);
    }

    @Test
    void writesTheAskedCountsAndSaysSo(@TempDir Path dir) throws Exception {
        assertEquals(0, run("generate", "--out", dir.toString(), "--users", "50", "--movies", "200", "--ratings", "3000", "--seed", "7"),
                err.toString());
        assertEquals(3001, Files.readAllLines(dir.resolve("ratings.csv")).size());
        assertEquals(201, Files.readAllLines(dir.resolve("movies.csv")).size());
        assertTrue(out.toString().contains("wrote 3,000 ratings of 50 users on 200 movies"), out.toString());
    }

    @Test
    void usersAloneKeepTheSamplesRatingsPerUser(@TempDir Path dir) throws Exception {
        assertEquals(0, run("generate", "--out", dir.toString(), "--users", "30"), err.toString());
        assertEquals(3001, Files.readAllLines(dir.resolve("ratings.csv")).size(), "30 users x 100 ratings each, as the sample");
    }

    @Test
    void missingOutIsAUsageError() {
        assertEquals(2, run("generate", "--users", "10"));
        assertTrue(err.toString().contains("missing required option --out"), err.toString());
        assertTrue(err.toString().contains("usage: encore generate"), err.toString());
    }

    @Test
    void badNumbersAndUnknownShapesAreUsageErrors(@TempDir Path dir) {
        assertEquals(2, run("generate", "--out", dir.toString(), "--users", "many"));
        assertEquals(2, run("generate", "--out", dir.toString(), "--shape", "ml-99m"));
        assertTrue(err.toString().contains("unknown shape 'ml-99m'"), err.toString());
        assertEquals(2, run("generate", "--out", dir.toString(), "--users", "10", "--ratings", "5"));
        assertTrue(err.toString().contains("ratings must be at least users x 20 = 200"), err.toString());
        assertEquals(2, run("generate", "--out", dir.toString(), "--colour", "red"));
        assertFalse(Files.exists(dir.resolve("ratings.csv")), "nothing written on a usage error");
    }
}
