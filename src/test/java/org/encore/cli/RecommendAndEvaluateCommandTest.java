package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.model.LayerSpec;
import org.encore.model.Presets;
import org.encore.model.RowScorer;
import org.encore.recommend.Blend;
import org.encore.model.ModelSpec;
import org.encore.testutil.TinyData;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingSession;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecommendAndEvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void writeDataset() throws Exception {
        data = TinyData.writeMovieLens(TinyData.groups(150, 45, 5), dir.resolve("data"));
    }

    @Test
    void recommendPrintsTheRatedListAndEachModelsListWithoutRatedMovies() throws Exception {
        Result r = run("recommend", "--data", data.toString(), "--model", "popular,ease:50", "--user", "7", "--top", "5", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(7, root.get("user").asInt());
        Set<Integer> rated = new HashSet<>();
        Dataset dataset = MovieLensLoader.load(data);
        int row = dataset.ratings().users().indexOf(7);
        for (int p = dataset.ratings().rowStart(row); p < dataset.ratings().rowEnd(row); p++) {
            rated.add(dataset.ratings().movies().idAt(dataset.ratings().columnAt(p)));
        }
        assertEquals(Math.min(5, rated.size()), root.get("rated").size());
        List<String> names = new ArrayList<>();
        for (JsonNode model : root.get("models")) {
            names.add(model.get("name").asText());
            assertEquals(5, model.get("recommendations").size());
            for (JsonNode item : model.get("recommendations")) {
                assertTrue(!rated.contains(item.get("movieId").asInt()), "rated movie recommended by " + model.get("name"));
                assertTrue(item.has("title") && item.has("year") && item.has("genres"));
            }
        }
        assertEquals(List.of("popular", "ease(l=50)", "blend"), names);
        JsonNode weights = root.get("models").get(2).get("weights");
        assertEquals(List.of(Blend.OTHER_WEIGHT, Blend.OTHER_WEIGHT), List.of(weights.get(0).asDouble(), weights.get(1).asDouble()),
                "without --weights each model gets its reference weight: an equal share for non-presets");
    }

    @Test
    void recommendBlendsPresetsByTheReferenceRuleInAnyOrder() {
        RowScorer model4 = TinyData.fixed("model4", new float[3], 0.2);
        RowScorer model2 = TinyData.fixed("model2", new float[3], 0.2);
        RowScorer other = TinyData.fixed("popular", new float[3], 0.2);
        assertArrayEquals(new double[]{0.35, 0.15, 0.25},
                RecommendCommand.blendOf(List.of(model4, model2, other), null, Blend.Mode.RANK).weights());
        assertArrayEquals(new double[]{3, 1, 1},
                RecommendCommand.blendOf(List.of(model4, model2, other), new double[]{3, 1, 1}, Blend.Mode.SCORE).weights());
    }

    @Test
    void recommendSideBySideShowsTitlesAndPercentScoresOfATrainedRun() throws Exception {
        Dataset dataset = MovieLensLoader.load(data);
        ModelSpec spec = tiny();
        TrainedModel model = new TrainingSession(new Dl4jEngine(), dataset).train(spec, null, null).model();
        Path run = dir.resolve("run-tiny");
        model.save(run, dataset);
        Result r = run("recommend", "--data", data.toString(), "--model", run + ",popular", "--weights", "3,1",
                "--user", "12", "--top", "4");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("rated by the user"), r.out());
        assertTrue(r.out().contains("tiny (% of 5 stars)"), r.out());
        assertTrue(r.out().contains("0.75 x tiny + 0.25 x popular") || r.out().contains("3.00 x tiny + 1.00 x popular"), r.out());
        assertTrue(r.out().matches("(?s).*\\d+%.*"), "percent scores shown: " + r.out());
        assertTrue(r.out().contains("Film "), r.out());
    }

    @Test
    void recommendForAnUnknownUserNamesIt() throws Exception {
        Result r = run("recommend", "--data", data.toString(), "--model", "popular", "--user", "99999");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("user 99999 is not in"), r.err());
    }

    @Test
    void recommendNamesAModelItCannotOpen() throws Exception {
        Result r = run("recommend", "--data", data.toString(), "--model", "ease:abc", "--user", "7");
        assertEquals(2, r.status(), "an option value, checked before loading");
        assertTrue(r.err().contains("ease:abc"), r.err());
        Result missing = run("recommend", "--data", data.toString(), "--model", dir.resolve("no-such-run").toString(), "--user", "7");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no-such-run") && missing.err().contains("not a run folder"), missing.err());
    }

    @Test
    void recommendWithTheWrongNumberOfWeightsIsAUsageError() throws Exception {
        Result r = run("recommend", "--data", data.toString(), "--model", "popular,ease", "--weights", "1", "--user", "1");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--weights has 1 numbers for 2 models"), r.err());
    }

    @Test
    void evaluateBaselinesPrintsOneJsonObjectWithTheRequiredRows() throws Exception {
        Result r = run("evaluate", "--data", data.toString(), "--models", "none", "--baselines", "popular,ease",
                "--ease-lambda", "5,50", "--seed", "3", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = JSON.readTree(r.out());
        assertEquals(3, root.get("seed").asInt());
        assertEquals(2, root.get("rows").size());
        assertEquals("popular", root.get("rows").get(0).get("name").asText());
        assertTrue(root.get("rows").get(1).get("name").asText().startsWith("ease"));
        for (JsonNode row : root.get("rows")) {
            for (String field : List.of("name", "ndcg100", "recall20", "recall50", "rmse", "mae", "coverage20", "meanPopularity")) {
                assertTrue(row.has(field), field);
            }
        }
        assertTrue(root.get("split").get("testUsers").asInt() > 0);
    }

    @Test
    void evaluateTrainsAPresetOnTheTrainingUsersAndPrintsATable() throws Exception {
        Result r = run("evaluate", "--data", data.toString(), "--models", "model4", "--epochs", "1",
                "--baselines", "popular", "--seed", "1");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("| model4"), r.out());
        assertTrue(r.out().contains("| popular"), r.out());
        assertTrue(r.out().contains("strong generalisation"), r.out());
        assertTrue(r.err().contains("epoch 1"), r.err());
    }

    @Test
    void evaluateRefusesAnUnknownModelOrBaseline() throws Exception {
        assertEquals(2, run("evaluate", "--data", data.toString(), "--models", "model9").status());
        assertEquals(2, run("evaluate", "--data", data.toString(), "--baselines", "random").status());
    }

    /** A small spec so that the test trains in seconds. */
    private static ModelSpec tiny() {
        ModelSpec base = Presets.model4();
        return base.toBuilder().name("tiny").build().withTraining(t -> t.epochs(2)).withTraining(t -> t.usersFraction(1.0)).toBuilder().layers(List.of(
                LayerSpec.dense(16, org.encore.model.Activation.SELU), LayerSpec.dense(8, org.encore.model.Activation.SELU, "coding"),
                LayerSpec.dense(16, org.encore.model.Activation.SELU))).build();
    }
}
