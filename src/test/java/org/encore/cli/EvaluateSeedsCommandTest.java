package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code evaluate --seeds}: two seeds on the bundled sample, one epoch, with the HTML and CSV exports. */
class EvaluateSeedsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLE = Path.of("sample-data");

    @TempDir
    static Path dir;
    static Result twoSeeds;
    static Path html;
    static Path csv;

    @BeforeAll
    static void evaluateTwoSeeds() {
        html = dir.resolve("report.html");
        csv = dir.resolve("table.csv");
        twoSeeds = run("evaluate", "--data", SAMPLE.toString(), "--models", "model4", "--epochs", "1",
                "--baselines", "popular,ease", "--ease-lambda", "200", "--seeds", "1,2", "--json",
                "--report", html.toString(), "--csv", csv.toString());
    }

    @Test
    void twoSeedsGiveMeansIntervalsAndEveryPairOfModelsCompared() throws Exception {
        assertEquals(0, twoSeeds.status(), twoSeeds.err());
        JsonNode root = JSON.readTree(twoSeeds.out());
        assertEquals(List.of(1, 2), List.of(root.get("seeds").get(0).asInt(), root.get("seeds").get(1).asInt()));
        JsonNode rows = root.get("rows");
        assertEquals(3, rows.size());
        for (JsonNode row : rows) {
            for (String key : List.of("name", "ndcg100", "recall20", "recall50", "rmse", "mae", "coverage20",
                    "meanPopularity", "genreDistance", "decadeDistance", "seeds")) {
                assertTrue(row.has(key), key + " in " + row);
            }
            for (String key : List.of("ndcg100Ci95", "recall20Ci95", "recall50Ci95", "coverage20Ci95", "meanPopularityCi95")) {
                assertEquals(2, row.get(key).size(), key + " in " + row);
                assertTrue(row.get(key).get(0).asDouble() <= row.get(key).get(1).asDouble());
            }
            assertEquals(2, row.get("perSeed").size());
        }
        assertFalse(rows.get(0).get("rmse").isNull(), "model4 predicts ratings");
        assertTrue(rows.get(1).get("rmse").isNull() && rows.get(1).get("rmseCi95").isNull(), "popular does not");
        int n = rows.size();
        JsonNode comparisons = root.get("comparisons");
        assertEquals(n * (n - 1) / 2, comparisons.size());
        for (JsonNode c : comparisons) {
            for (String key : List.of("a", "b", "metric", "meanDifference", "pValue", "pValueHolm", "test")) {
                assertTrue(c.has(key), key + " in " + c);
            }
            assertEquals("ndcg100", c.get("metric").asText());
            assertTrue(c.get("pValueHolm").asDouble() >= c.get("pValue").asDouble());
        }
        assertEquals(n * (n - 1) / 2, root.get("wilcoxon").size());
        assertTrue(root.get("protocolCard").get("text").get("seeds").asText().startsWith("1, 2"));
        assertTrue(twoSeeds.err().contains("seed 2 (2 of 2)"), twoSeeds.err());
    }

    @Test
    void theHtmlReportHasTheProtocolCardAndNoExternalReference() throws Exception {
        assertEquals(0, twoSeeds.status(), twoSeeds.err());
        String page = Files.readString(html);
        assertTrue(page.contains("Protocol card") && page.contains("<dt>fold-in</dt>") && page.contains("<dt>checkpoint</dt>"));
        assertTrue(page.contains("model4") && page.contains("popular"));
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(page).find());
        assertFalse(page.contains("http://") || page.contains("https://"));
        String table = Files.readString(csv);
        assertTrue(table.contains("\r\nmodel,ndcg100,ndcg100_ci95_low"));
        assertTrue(table.contains("\r\nmodel4,"));
    }

    @Test
    void anExistingReportIsRefusedBeforeAnyWorkUnlessOverwriteIsGiven() throws Exception {
        Path existing = dir.resolve("existing.html");
        Files.writeString(existing, "keep me");
        Result refused = run("evaluate", "--data", SAMPLE.toString(), "--models", "none", "--baselines", "popular",
                "--seeds", "1,2", "--report", existing.toString());
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("already exists") && refused.err().contains("--overwrite"), refused.err());
        assertFalse(refused.err().contains("loading"), "refused before loading the data");
        assertEquals("keep me", Files.readString(existing));
        Result replaced = run("evaluate", "--data", SAMPLE.toString(), "--models", "none", "--baselines", "popular",
                "--seeds", "1,2", "--report", existing.toString(), "--overwrite");
        assertEquals(0, replaced.status(), replaced.err());
        assertTrue(Files.readString(existing).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void badSeedListsAreUsageErrors() {
        assertEquals(2, run("evaluate", "--data", SAMPLE.toString(), "--seeds", "1,x").status());
        assertEquals(2, run("evaluate", "--data", SAMPLE.toString(), "--seeds", "1,1").status());
        Result both = run("evaluate", "--data", SAMPLE.toString(), "--seeds", "1,2", "--seed", "3");
        assertEquals(2, both.status());
        assertTrue(both.err().contains("not both"), both.err());
    }
}
