package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./encore reconstruct}: the per-user panel's Reconstruction tab headless. */
class ReconstructCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;
    static Path model4;

    @BeforeAll
    static void trainARun() throws Exception {
        data = TinyData.writeMovieLens(TinyData.groups(150, 45, 5), dir.resolve("data"));
        model4 = dir.resolve("m4");
        Result trained = run("train", "--data", data.toString(), "--model", "model4", "--epochs", "2",
                "--users-fraction", "1", "--out", model4.toString());
        assertEquals(0, trained.status(), trained.err());
    }

    @Test
    void aRatingPredictorShowsEachRatedMovieInStarsWithItsErrorThenTheTopUnratedAndAHistogram() throws Exception {
        Result text = run("reconstruct", "--data", data.toString(), "--model", model4.toString(), "--user", "12", "--top", "3");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("RMSE"), text.out());
        assertTrue(text.out().contains("error"), text.out());
        assertTrue(text.out().contains("unrated with the highest outputs (the recommendations)"), text.out());
        assertTrue(text.out().contains("#3 "), text.out());
        assertTrue(text.out().contains("a histogram"), text.out());

        Result json = run("reconstruct", "--data", data.toString(), "--model", model4.toString(), "--user", "12", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode root = JSON.readTree(json.out());
        assertEquals(12, root.get("user").asInt());
        assertTrue(root.get("predictsRatings").asBoolean());
        JsonNode first = root.get("rated").get(0);
        assertEquals(first.get("predicted").asDouble() - first.get("rating").asDouble(), first.get("error").asDouble(), 1e-6,
                "error = predicted - rating, in stars");
        long outputs = 0;
        for (JsonNode c : root.get("outputs").get("counts")) {
            outputs += c.asLong();
        }
        int ratedCount = root.get("rated").size();
        assertEquals(10, root.get("recommendations").size());
        assertTrue(outputs >= ratedCount + 10 && outputs <= 45, "one output per movie column of the set: " + outputs);
        for (JsonNode rec : root.get("recommendations")) {
            for (JsonNode rated : root.get("rated")) {
                assertFalse(rec.get("movieId").equals(rated.get("movieId")), "a recommendation is never a rated movie");
            }
        }
        assertTrue(ratedCount > 0);
    }

    @Test
    void aRankingBaselineShowsRanksNotStarsAndAnUnknownUserIsNamed() throws Exception {
        Result text = run("reconstruct", "--data", data.toString(), "--model", "popular", "--user", "12");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("a ranking model"), text.out());
        assertFalse(text.out().contains("RMSE"), text.out());
        Result unknown = run("reconstruct", "--data", data.toString(), "--model", "popular", "--user", "999999");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("user 999999 is not in"), unknown.err());
        assertEquals(2, run("reconstruct", "--data", data.toString(), "--model", "popular,bias", "--user", "12").status());
    }
}
