package org.encore.training.dl4j;

import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.TrainingSettings;
import org.encore.testutil.TinyData;
import org.encore.training.RunControl;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class Dl4jEngineTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private static final Path V1_RUN = Path.of("src/test/resources/org/encore/training/dl4j/v1-run");
    private final Dl4jEngine engine = new Dl4jEngine();

    /** v1-run was trained and saved on sample-data by main before the engine seam (its spec is a version-1 file). */
    @Test
    void aRunFolderSavedBeforeTheEngineSeamLoadsAndScoresAsItDidThen(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is absent");
        Path run = dir.resolve("v1-run");
        Files.createDirectories(run);
        try (var files = Files.list(V1_RUN)) {
            for (Path file : files.toList()) {
                Files.copy(file, run.resolve(file.getFileName()));
            }
        }
        Dataset dataset = MovieLensLoader.load(SAMPLE);
        TrainedModel model = engine.load(run, dataset);
        ModelSpec expected = ModelSpec.builder().name("v1-run")
                .layers(List.of(LayerSpec.dense(8, Activation.SELU, "coding")))
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-2)).batchSize(64).epochs(2)
                        .usersFraction(0.1).validationFraction(0.2).seed(5).build())
                .build();
        assertEquals(expected, model.spec());
        assertEquals(2, model.history().size());
        assertEquals(25_508, model.parameterCount());
        List<String> lines = Files.readAllLines(V1_RUN.resolveSibling("v1-run-scores-row0.txt"));
        float[] then = new float[lines.size() - 1];
        for (int i = 0; i < then.length; i++) {
            then[i] = Float.parseFloat(lines.get(i + 1));
        }
        RatingMatrix matrix = dataset.ratings();
        float[] in = new float[matrix.movieCount()];
        matrix.densify(new int[]{0}, (float) model.valueScale(), in);
        float[] now = new float[in.length];
        model.score(in, 1, now);
        assertArrayEquals(then, now, 1e-6f);
    }

    @Test
    void theCodingLayerAndTheMovieVectorsCanBeRead() throws Exception {
        RatingMatrix matrix = TinyData.fourGroupMatrix(60, 25, 9);
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(1));
        TrainedModel model = engine.train(spec, matrix, TrainingPlan.reference(spec, matrix), null, new RunControl());
        List<String> layers = model.layerNames();
        assertEquals(4, layers.size(), layers::toString);
        assertEquals("coding", layers.get(1));
        assertEquals("output", layers.get(3));
        assertEquals(8, model.layerWidth("coding"));
        assertEquals(32, model.movieVectorWidth());

        int width = matrix.movieCount();
        float[] in = new float[2 * width];
        matrix.densify(new int[]{0, 1}, (float) model.valueScale(), in);
        float[] coding = new float[2 * 8];
        model.activations("coding", in, 2, coding);
        float[] codingOfSecond = new float[8];
        model.activations("coding", java.util.Arrays.copyOfRange(in, width, 2 * width), 1, codingOfSecond);
        assertArrayEquals(java.util.Arrays.copyOfRange(coding, 8, 16), codingOfSecond, 1e-6f, "rows are independent");

        float[] output = new float[2 * width];
        model.activations("output", in, 2, output);
        float[] scores = new float[2 * width];
        model.score(in, 2, scores);
        assertArrayEquals(scores, output, 1e-6f, "the output layer's activations are the scores");

        // score_a - score_b = (h_a - h_b) . v_movie, with h the last hidden layer and v the movie's output weights
        String last = layers.get(2);
        float[] hidden = new float[2 * 32];
        model.activations(last, in, 2, hidden);
        float[] vectors = model.movieVectors();
        assertEquals(width * 32, vectors.length);
        for (int movie = 0; movie < width; movie++) {
            double difference = 0;
            for (int k = 0; k < 32; k++) {
                difference += (hidden[k] - hidden[32 + k]) * vectors[movie * 32 + k];
            }
            assertEquals(scores[movie] - scores[width + movie], difference, 1e-4, "movie " + movie);
        }
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> model.activations("latent", in, 1, new float[8]));
        assertTrue(unknown.getMessage().contains("coding"), unknown.getMessage());
        assertTrue(model.predictsRatings(), "an MSE autoencoder predicts ratings");
    }

    @Test
    void theDescriptionNamesTheVersionThePomBuildsAndTheDevice() throws Exception {
        Matcher version = Pattern.compile("<dl4j.version>([^<]+)</dl4j.version>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(version.find(), "pom.xml names dl4j.version");
        String description = engine.description();
        assertTrue(description.startsWith("DL4J " + version.group(1) + " · ND4J "), description);
        String device = engine.device();
        assertTrue(description.contains("CPU".equals(device) ? "CPU, " : "GPU " + device), description);
    }
}
