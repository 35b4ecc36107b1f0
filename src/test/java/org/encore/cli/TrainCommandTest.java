package org.encore.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.cli.CliRun.Result;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.TrainingSettings;
import org.encore.model.SpecFiles;
import org.encore.training.TrainedModel;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @TempDir
    static Path dir;
    private static Path data;
    private static Path specFile;

    /** A small MovieLens-format folder: 80 users x 25 movies, about a third rated. */
    @BeforeAll
    static void writeDataset() throws Exception {
        data = dir.resolve("data");
        Files.createDirectories(data);
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        Random random = new Random(1);
        for (int user = 1; user <= 80; user++) {
            for (int movie = 1; movie <= 25; movie++) {
                if (random.nextInt(3) == 0) {
                    ratings.append(user).append(',').append(movie * 3).append(',')
                            .append(movie % 4 == user % 4 ? "4.5" : "2.0").append(',').append(1_000_000 + movie).append('\n');
                }
            }
        }
        Files.writeString(data.resolve("ratings.csv"), ratings);
        StringBuilder movies = new StringBuilder("movieId,title,genres\n");
        for (int movie = 1; movie <= 25; movie++) {
            movies.append(movie * 3).append(",Film ").append(movie).append(" (1999),Drama\n");
        }
        Files.writeString(data.resolve("movies.csv"), movies);
        specFile = dir.resolve("tiny.json");
        SpecFiles.write(specFile, ModelSpec.builder().name("tiny")
                .layers(List.of(LayerSpec.dense(16, Activation.SELU), LayerSpec.dropout(0.2), LayerSpec.dense(16, Activation.SELU)))
                .loss(LossType.MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-3)).batchSize(16).epochs(5)
                        .usersFraction(1.0).validationFraction(0.2).seed(3).build())
                .build());
    }


    @Test
    void jsonModePrintsOneObjectPerEpochAndWritesALoadableRun() throws Exception {
        Path runDir = dir.resolve("run-json");
        Result r = run("train", "--data", data.toString(), "--model", specFile.toString(), "--out", runDir.toString(),
                "--epochs", "2", "--json");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size(), r.out());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = mapper.readTree(lines.get(i));
            assertEquals(i + 1, line.get("epoch").asInt());
            for (String split : List.of("train", "validation")) {
                for (String metric : List.of("mse", "mae", "r2", "r2Flat", "ratedRmse", "ratedMae")) {
                    assertTrue(line.get(split).get(metric).isNumber(), split + "." + metric + " in " + line);
                }
            }
            assertTrue(line.get("seconds").asDouble() > 0);
        }
        Dataset dataset = MovieLensLoader.load(data);
        TrainedModel model = new Dl4jEngine().load(runDir, dataset);
        assertEquals(2, model.history().size());
        assertEquals("tiny", model.name());
    }

    @Test
    void textModePrintsAHeaderALinePerEpochAndWhereTheRunWent() {
        Path runDir = dir.resolve("run-text");
        Result r = run("train", "--data", data.toString(), "--model", "model4", "--out", runDir.toString(),
                "--epochs", "2", "--users-fraction", "1", "--seed", "5", "--batch", "32");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("model4 on "), r.out());
        assertTrue(r.out().contains("64 train / 16 validation users"), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("epoch")).count(), r.out());
        assertTrue(r.out().contains("run saved to " + runDir), r.out());
        assertTrue(Files.exists(runDir.resolve("manifest.json")));
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertEquals(2, run("train", "--data", data.toString(), "--model", "model1").status(), "missing --out");
        Result unknownModel = run("train", "--data", data.toString(), "--model", "model9", "--out", dir.resolve("x").toString());
        assertEquals(2, unknownModel.status());
        assertTrue(unknownModel.err().contains("'model9' is neither"), unknownModel.err());
        assertEquals(2, run("train", "--data", data.toString(), "--model", "model1", "--out", "o", "--epochs", "two").status());
    }

    @Test
    void anInvalidSpecIsADataErrorNamingTheField() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(specFile).replace("\"selu\"", "\"gelu\""));
        Result badFile = run("train", "--data", data.toString(), "--model", bad.toString(), "--out", dir.resolve("z").toString());
        assertEquals(1, badFile.status());
        assertTrue(badFile.err().contains("layers[0].activation") && badFile.err().contains("unknown activation 'gelu'"), badFile.err());
    }
}
