package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.SpecFiles;
import org.encore.model.TrainingSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class LatentCommandTest {
    private static final Path SAMPLE = Path.of("sample-data");
    @TempDir
    static Path dir;
    private static Path runDir;

    /** A small autoencoder with a named coding layer, trained two epochs on every user of sample-data. */
    @BeforeAll
    static void trainARun() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is absent");
        Path spec = dir.resolve("small.json");
        SpecFiles.write(spec, ModelSpec.builder().name("small").layers(List.of(LayerSpec.dense(32, Activation.SELU),
                        LayerSpec.dense(8, Activation.SELU, "coding"), LayerSpec.dropout(0.2), LayerSpec.dense(32, Activation.SELU)))
                .loss(LossType.MSE).training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-3)).batchSize(128)
                        .epochs(2).usersFraction(1.0).validationFraction(0.2).seed(5).build())
                .build());
        runDir = dir.resolve("run");
        Result trained = run("train", "--data", SAMPLE.toString(), "--model", spec.toString(), "--out", runDir.toString(), "--json");
        assertEquals(0, trained.status(), trained.err());
    }

    @Test
    void jsonListsEveryUserWithCoordinatesAndLabelsAndTheExplainedVariance() throws Exception {
        Result r = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("coding", root.get("layer").asText());
        assertEquals(8, root.get("layerWidth").asInt());
        JsonNode ev = root.get("explainedVariance");
        assertEquals(2, ev.size());
        assertTrue(ev.get(0).asDouble() >= ev.get(1).asDouble() && ev.get(1).asDouble() > 0
                && ev.get(0).asDouble() + ev.get(1).asDouble() <= 1 + 1e-9, ev.toString());
        assertEquals(false, root.get("sampled").asBoolean());
        JsonNode users = root.get("users");
        assertEquals(1000, users.size());
        Set<Integer> ids = new HashSet<>();
        Set<String> legend = new HashSet<>();
        root.get("legend").forEach(l -> legend.add(l.asText()));
        for (JsonNode u : users) {
            ids.add(u.get("id").asInt());
            assertTrue(Double.isFinite(u.get("x").asDouble()) && Double.isFinite(u.get("y").asDouble()));
            assertTrue(legend.contains(u.get("label").asText()), u.toString());
        }
        assertEquals(1000, ids.size());
        assertTrue(root.get("neighbourAgreement").get("agreement").asDouble() > 0);
    }

    @Test
    void unitLengthMapsTheDirectionsOfTheUsersCodesAndSaysSo() throws Exception {
        Result plain = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--json");
        Result unit = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--unit-length", "--json");
        assertEquals(0, unit.status(), unit.err());
        JsonNode a = new ObjectMapper().readTree(plain.out());
        JsonNode b = new ObjectMapper().readTree(unit.out());
        assertEquals(false, a.get("unitLength").asBoolean());
        assertEquals(true, b.get("unitLength").asBoolean());
        assertEquals(1000, b.get("users").size());
        assertTrue(a.get("explainedVariance").get(0).asDouble() != b.get("explainedVariance").get(0).asDouble(),
                "another projection: " + a.get("explainedVariance") + " vs " + b.get("explainedVariance"));
        Result refused = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--unit-length", "--movies");
        assertEquals(2, refused.status());
        assertTrue(refused.err().contains("--unit-length"), refused.err());
    }

    @Test
    void aSampleOfUsersIsSaidToBeOneAndActivityColoursCarryTheCount() throws Exception {
        Result r = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--color", "activity",
                "--max-users", "300", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertTrue(root.get("sampled").asBoolean());
        assertEquals(1000, root.get("total").asInt());
        assertEquals(300, root.get("users").size());
        assertTrue(root.get("users").get(0).get("value").asInt() >= 20, "sample-data users have 20+ ratings");
        Result text = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--max-users", "300");
        assertTrue(text.out().contains("a sample of 300 of 1,000 users"), text.out());
    }

    @Test
    void pngIsWrittenAndNotOverwrittenUnlessAskedTo() throws Exception {
        Path png = dir.resolve("map.png");
        Result r = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--color", "decade",
                "--png", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("PC1") && r.out().contains("map written to"), r.out());
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(LatentMapImage.WIDTH, image.getWidth());
        assertEquals(LatentMapImage.HEIGHT, image.getHeight());
        Result again = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--png", png.toString());
        assertEquals(2, again.status(), "an existing output is refused before any work, as a usage error");
        assertTrue(again.err().contains("--overwrite"), again.err());
        Result overwritten = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--png", png.toString(),
                "--overwrite");
        assertEquals(0, overwritten.status(), overwritten.err());
    }

    @Test
    void moviesAreMappedFromTheOutputLayerWithTheirCosineNeighbours() throws Exception {
        // movie 1 is the first line of sample-data/movies.csv
        Result r = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--movies", "--near", "1",
                "--top", "5", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals("output", root.get("layer").asText());
        assertEquals(32, root.get("layerWidth").asInt());
        assertEquals(1500, root.get("movies").size());
        JsonNode near = root.get("near").get("neighbours");
        assertEquals(5, near.size());
        assertTrue(near.get(0).get("cosine").asDouble() >= near.get(4).get("cosine").asDouble());
    }

    @Test
    void aBadLayerNamesTheLayersThatExistAndABadColourIsAUsageError() {
        Result r = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--layer", "middle");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("'middle' is not a layer") && r.err().contains("dense_0, coding, dense_2, output"), r.err());
        Result colour = run("latent", "--data", SAMPLE.toString(), "--model", runDir.toString(), "--color", "mood");
        assertEquals(2, colour.status());
        assertTrue(colour.err().contains("genre|decade|activity|rating"), colour.err());
        Result missing = run("latent", "--data", SAMPLE.toString(), "--model", dir.resolve("nothing").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("is not a run folder"), missing.err());
    }
}
