package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ./encore train --layers}: the "Inside the layers" statistics headless, after every epoch. */
class TrainLayersCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void withLayersEveryEpochIsFollowedByEachLayersUpdateRatioAndHistograms() throws Exception {
        Path data = TinyData.writeMovieLens(TinyData.groups(120, 40, 3), dir.resolve("data"));
        Result json = run("train", "--data", data.toString(), "--model", "model4", "--epochs", "2", "--users-fraction", "1",
                "--layers", "--json", "--out", dir.resolve("run").toString());
        assertEquals(0, json.status(), json.err());
        List<JsonNode> lines = json.out().lines().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + l, e);
            }
        }).toList();
        List<JsonNode> layerLines = lines.stream().filter(l -> l.has("layers")).toList();
        assertEquals(2, layerLines.size(), json.out());
        assertEquals(2, lines.stream().filter(l -> l.has("seconds")).count(), "the epoch lines are unchanged");
        JsonNode coding = null;
        for (JsonNode layer : layerLines.get(1).get("layers")) {
            if (layer.get("layer").asText().equals("coding")) {
                coding = layer;
            }
        }
        assertTrue(coding != null, layerLines.get(1).toString());
        assertTrue(coding.get("updateRatio").asDouble() > 0, coding.toString());
        long weights = 0;
        for (JsonNode c : coding.get("weights").get("counts")) {
            weights += c.asLong();
        }
        assertEquals(512 * 64, weights, "every weight of the 512 -> 64 coding layer (under the 65,536 sample)");
        assertTrue(coding.get("activations").get("max").asDouble() >= coding.get("activations").get("min").asDouble());

        Result text = run("train", "--data", data.toString(), "--model", "model4", "--epochs", "1", "--users-fraction", "1",
                "--layers", "--out", dir.resolve("run2").toString());
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("update ratio"), text.out());
        assertTrue(text.out().lines().anyMatch(l -> l.trim().startsWith("coding")), text.out());
        Result plain = run("train", "--data", data.toString(), "--model", "model4", "--epochs", "1", "--users-fraction", "1",
                "--out", dir.resolve("run3").toString());
        assertFalse(plain.out().contains("update ratio"), "off unless asked");
    }
}
