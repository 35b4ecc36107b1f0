package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.data.GeneratorSettings;
import org.encore.data.SyntheticGenerator;
import org.encore.data.ProgressListener;
import org.encore.data.CancellationToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class StatsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CliRun.run(out, err, args);
    }

    private static Path generated(Path dir) throws Exception {
        new SyntheticGenerator(new GeneratorSettings(40, 120, 1_600, 3, 400, 20)).writeTo(dir, ProgressListener.NONE, CancellationToken.none());
        return dir;
    }

    @Test
    void jsonIsOneObjectWithTheContractFields(@TempDir Path dir) throws Exception {
        assertEquals(0, run("stats", "--data", generated(dir).toString(), "--json"), err.toString());
        String text = out.toString(StandardCharsets.UTF_8).trim();
        assertEquals(1, text.lines().count(), "exactly one line: " + text);
        JsonNode json = new ObjectMapper().readTree(text);
        for (String field : List.of("release", "ratings", "users", "movies", "ratedMovies", "density", "minRating", "maxRating",
                "skippedLines", "duplicates", "loadMillis", "meanRating", "histogram")) {
            assertTrue(json.has(field), "missing " + field + " in " + text);
        }
        assertEquals(1_600, json.get("ratings").asLong());
        assertEquals(40, json.get("users").asInt());
        assertEquals(120, json.get("movies").asInt());
        assertEquals(1_600.0 / (40 * json.get("ratedMovies").asInt()), json.get("density").asDouble(), 1e-12);
        assertEquals(10, json.get("histogram").size());
        assertEquals(0, json.get("skippedLines").asLong());
    }

    @Test
    void jsonForMlLatestSmallHasItsKnownCounts() throws Exception {
        Path small = Path.of("../shared/movielens/ml-latest-small");
        assumeTrue(Files.isDirectory(small), "ml-latest-small not found at " + small.toAbsolutePath() + "; skipping");
        assertEquals(0, run("stats", "--data", small.toString(), "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(100_836, json.get("ratings").asLong());
        assertEquals(610, json.get("users").asInt());
        assertEquals(9_742, json.get("movies").asInt());
        assertEquals(9_724, json.get("ratedMovies").asInt());
        assertEquals(0.5, json.get("minRating").asDouble());
        assertEquals(5.0, json.get("maxRating").asDouble());
    }

    @Test
    void summaryNamesTheCounts(@TempDir Path dir) throws Exception {
        assertEquals(0, run("stats", "--data", generated(dir).toString()), err.toString());
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("ratings      1,600"), text);
        assertTrue(text.contains("users        40"), text);
        assertTrue(text.contains("movies       120"), text);
        assertTrue(text.contains("histogram    0.5: "), text);
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("stats"));
        assertTrue(err.toString().contains("missing required option --data"), err.toString());
        assertEquals(2, run("stats", "--data"));
        assertEquals(2, run("stats", "--data", "x", "--yaml"));
        assertEquals(2, run("stats", "somewhere"));
    }

    @Test
    void missingOrBadDataExitsOneWithTheReason(@TempDir Path dir) throws Exception {
        assertEquals(1, run("stats", "--data", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("nowhere: no such file or folder"), err.toString());
        err.reset();
        assertEquals(1, run("stats", "--data", dir.toString()));
        assertTrue(err.toString().contains("ratings"), "names the missing ratings file: " + err);
        err.reset();
        Files.writeString(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,2,4.0\n");
        assertEquals(1, run("stats", "--data", dir.toString()));
        assertTrue(err.toString().contains("ratings.csv:2"), "names file and line: " + err);
        assertEquals("", out.toString(), "nothing on standard output for a data error");
    }
}
