package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field's autoencoders and the bias baseline through ./encore train, evaluate and recommend. */
class ModelKindsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeDataset() throws Exception {
        data = TinyData.writeMovieLens(TinyData.groups(150, 45, 5), dir.resolve("data"));
    }

    @Test
    void evaluateReportsRmseForRatingPredictorsAndNullForRankingOnlyModels() throws Exception {
        Result r = run("evaluate", "--data", data.toString(), "--models", "mult-dae,mult-vae,autorec,cdae",
                "--baselines", "popular,bias,ease", "--ease-lambda", "50", "--epochs", "2", "--seed", "1", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = JSON.readTree(r.out());
        Map<String, JsonNode> rows = new TreeMap<>();
        for (JsonNode row : root.get("rows")) {
            rows.put(row.get("name").asText().startsWith("ease") ? "ease" : row.get("name").asText(), row);
            for (String field : List.of("name", "ndcg100", "recall20", "recall50", "rmse")) {
                assertTrue(row.has(field), field + " missing in " + row);
            }
            assertTrue(row.get("ndcg100").isNumber(), row.toString());
        }
        assertEquals(List.of("autorec", "bias", "cdae", "ease", "mult-dae", "mult-vae", "popular"), new ArrayList<>(rows.keySet()));
        for (String rating : List.of("bias", "autorec")) {
            assertTrue(rows.get(rating).get("rmse").isNumber(), rating + " predicts ratings: " + rows.get(rating));
            assertTrue(rows.get(rating).get("rmse").asDouble() > 0);
        }
        for (String ranking : List.of("mult-dae", "mult-vae", "cdae", "popular", "ease")) {
            assertTrue(rows.get(ranking).get("rmse").isNull(), ranking + " ranks only: " + rows.get(ranking));
        }
        assertTrue(r.err().contains("ndcg@100"), r.err());
        assertTrue(r.err().contains("beta"), "the VAE's epochs show beta: " + r.err());
        assertFalse(r.err().lines().filter(l -> l.contains("epoch")).findFirst().orElse("").contains("mse"),
                "mult-dae's epochs show no MSE of its logits: " + r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.contains("epoch") && l.contains("rated rmse")), "autorec's do: " + r.err());
    }

    @Test
    void trainPrintsTheValidationRankingMetricsAndTheVaeTermsEachEpoch() throws Exception {
        Result r = run("train", "--data", data.toString(), "--model", "mult-vae", "--epochs", "2", "--batch", "32",
                "--out", dir.resolve("vae-run").toString(), "--json");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        for (String line : lines) {
            JsonNode epoch = JSON.readTree(line);
            double ndcg = epoch.get("validation").get("ndcg100").asDouble();
            double recall = epoch.get("validation").get("recall20").asDouble();
            assertTrue(ndcg > 0 && ndcg <= 1 && recall >= 0 && recall <= 1, line);
            assertTrue(epoch.get("kl").isNumber() && epoch.get("beta").asDouble() > 0, line);
        }
        Result text = run("train", "--data", data.toString(), "--model", "cdae", "--epochs", "1", "--selection", "loss",
                "--out", dir.resolve("cdae-run").toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("ndcg@100 "), text.out());
        assertFalse(text.out().contains("mse"), "a ranking model's outputs are not ratings: no MSE in its lines: " + text.out());
        assertEquals(2, run("train", "--data", data.toString(), "--model", "cdae", "--selection", "auc",
                "--out", dir.resolve("never").toString()).status());
    }

    @Test
    void recommendShowsRankingOnlyModelsByRankAndRelativeScoreNeverAsStars() throws Exception {
        Path run = dir.resolve("dae-run");
        assertEquals(0, run("train", "--data", data.toString(), "--model", "mult-dae", "--epochs", "2",
                "--out", run.toString()).status());
        Result text = run("recommend", "--data", data.toString(), "--model", run + ",bias", "--user", "12", "--top", "4");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("mult-dae (rank, relative score)"), text.out());
        assertTrue(text.out().contains("bias (% of 5 stars)"), text.out());
        assertTrue(text.out().contains("#1 1.00"), text.out());

        Result json = run("recommend", "--data", data.toString(), "--model", run.toString(), "--user", "12", "--top", "4", "--json");
        assertEquals(0, json.status(), json.err());
        JsonNode model = JSON.readTree(json.out()).get("models").get(0);
        assertEquals("mult-dae", model.get("name").asText());
        for (JsonNode item : model.get("recommendations")) {
            assertFalse(item.has("percent"), item.toString());
            double relative = item.get("relativeScore").asDouble();
            assertTrue(relative >= 0 && relative <= 1, item.toString());
        }
    }
}
