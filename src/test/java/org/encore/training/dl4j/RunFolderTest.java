package org.encore.training.dl4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.data.OutputPaths.Refused;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.SpecFiles;
import org.junit.jupiter.api.BeforeAll;
import org.encore.testutil.TinyData;
import org.encore.training.EpochMetrics;
import org.encore.training.RunControl;
import org.encore.training.RunFolder;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingException;
import org.encore.training.TrainMetricsKind;
import org.encore.training.TrainingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunFolderTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(100, 30, 5);
    private static final Dataset DATASET = TinyData.dataset(MATRIX, "synthetic");
    private static final ModelSpec SPEC = TinyData.smallSpec().withTraining(t -> t.epochs(2));
    private static final Dl4jEngine ENGINE = new Dl4jEngine();
    private static TrainedModel trained;

    @TempDir
    static Path shared;
    private static Path saved;

    @BeforeAll
    static void trainAndSave() throws Exception {
        trained = new Trainer(SPEC, MATRIX, TrainingPlan.reference(SPEC, MATRIX)).train(null, new RunControl());
        saved = shared.resolve("run");
        trained.save(saved, DATASET);
    }

    /** A private copy of the saved run that a test may damage. */
    private static Path copyOfRun(Path dir) throws IOException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(saved)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        return copy;
    }

    private static float[] scoreAll(TrainedModel model) {
        int rows = MATRIX.userCount();
        float[] in = new float[rows * MATRIX.movieCount()];
        int[] all = java.util.stream.IntStream.range(0, rows).toArray();
        MATRIX.densify(all, (float) model.valueScale(), in);
        float[] out = new float[in.length];
        model.score(in, rows, out);
        return out;
    }

    @Test
    void aSavedRunReloadsToIdenticalPredictions() throws Exception {
        TrainedModel loaded = ENGINE.load(saved, DATASET);
        assertArrayEquals(scoreAll(trained), scoreAll(loaded));
        assertEquals(trained.spec(), loaded.spec());
        assertEquals(trained.history(), loaded.history());
        assertEquals(trained.plan(), loaded.plan());
        assertEquals(trained.device(), loaded.device());
        assertEquals(MATRIX.movieCount(), loaded.width());
        assertEquals(trained.parameterCount(), loaded.parameterCount());
    }

    @Test
    void theRunFolderHoldsNoClassNamesAndRecordsTheSplitAndDataset() throws Exception {
        try (Stream<Path> files = Files.list(saved)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("org.deeplearning4j") || text.contains("@class") || text.contains("org.encore"), f.toString());
            }
        }
        String manifest = Files.readString(saved.resolve("manifest.json"));
        assertTrue(manifest.contains("\"paramsSha256\""));
        assertTrue(manifest.contains("\"indexSha256\""));
        assertTrue(manifest.contains("\"trainUsers\""));
        assertTrue(manifest.contains("\"usersFraction\" : 1.0"));
        assertTrue(manifest.contains("\"seed\" : 7"));
        assertEquals(trained.parameterCount() * 4, Files.size(saved.resolve("params.f32")));
        assertEquals(SPEC.training().epochs() + 1, Files.readAllLines(saved.resolve("history.csv")).size());
        assertEquals(SPEC, SpecFiles.read(saved.resolve("spec.json")));
    }

    @Test
    void aTamperedParametersFileIsRefused(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir);
        byte[] bytes = Files.readAllBytes(run.resolve("params.f32"));
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(run.resolve("params.f32"), bytes);
        TrainingException e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());

        Files.write(run.resolve("params.f32"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        // a manifest rewritten to the short file's hash still fails on the size the shapes need
        rehash(run, "params.f32");
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("expected " + bytes.length), e.getMessage());
    }

    @Test
    void aSpecThatNoLongerMatchesTheShapesIsRefused(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir);
        Files.writeString(run.resolve("spec.json"), SpecFiles.toJson(SPEC.toBuilder().layers(java.util.List.of(
                org.encore.model.LayerSpec.dense(32, org.encore.model.Activation.SELU),
                org.encore.model.LayerSpec.dense(9, org.encore.model.Activation.SELU),
                org.encore.model.LayerSpec.dense(32, org.encore.model.Activation.SELU))).build()));
        rehash(run, "spec.json");
        TrainingException e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("but the manifest records"), e.getMessage());
    }

    @Test
    void aDifferentDatasetIsRefused() {
        RatingMatrix other = TinyData.fourGroupMatrix(100, 30, 6);
        TrainingException e = assertThrows(TrainingException.class,
                () -> ENGINE.load(saved, TinyData.dataset(other, "synthetic")));
        assertTrue(e.getMessage().contains("different dataset") && e.getMessage().contains("ratings"), e.getMessage());

        RatingMatrix wider = TinyData.fourGroupMatrix(100, 31, 5);
        e = assertThrows(TrainingException.class, () -> ENGINE.load(saved, TinyData.dataset(wider, "synthetic")));
        assertTrue(e.getMessage().contains("30 movies vs 31"), e.getMessage());

        e = assertThrows(TrainingException.class, () -> ENGINE.load(saved, TinyData.dataset(MATRIX, "ml-1m")));
        assertTrue(e.getMessage().contains("release synthetic vs ml-1m"), e.getMessage());
    }

    @Test
    void anIncompleteOrForeignFolderIsRefused(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir);
        Files.delete(run.resolve("manifest.json"));
        TrainingException e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("manifest.json is missing"), e.getMessage());

        Files.writeString(run.resolve("manifest.json"), "{\"@class\": \"org.deeplearning4j.nn.conf.MultiLayerConfiguration\"}");
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("not an Encore run of format encore-run version 1 or 2"), e.getMessage());

        Files.writeString(run.resolve("manifest.json"), "{\"format\": \"encore-run\", \"version\": 1, \"@class\": \"x\"}");
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("not a valid run manifest"), e.getMessage());

        Files.writeString(run.resolve("manifest.json"), "{\"format\": \"encore-run\", \"version\": 3}");
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("(found version 3)"), e.getMessage());
    }

    @Test
    void savingOverAnExistingRunIsRefusedAndLeavesItAsItWas(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("again");
        trained.save(run, DATASET);
        byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
        Refused e = assertThrows(Refused.class,
                () -> trained.save(run, DATASET));
        assertTrue(e.getMessage().contains("already exists and is not empty"), e.getMessage());
        assertArrayEquals(manifest, Files.readAllBytes(run.resolve("manifest.json")));
        assertEquals(List.of("again"), names(dir));
    }

    @Test
    void replacingARunLeavesExactlyTheNewRunAndNoSiblings(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("again");
        trained.save(run, DATASET);
        Files.writeString(run.resolve("notes.txt"), "a stray file of the old folder");
        trained.save(run, DATASET, Overwrite.REPLACE);
        assertEquals(List.of("history.csv", "history.json", "manifest.json", "params.f32", "spec.json"), names(run));
        assertEquals(List.of("again"), names(dir));
        assertArrayEquals(scoreAll(trained), scoreAll(ENGINE.load(run, DATASET)));
    }

    @Test
    void theManifestRecordsTheHashOfEveryFileAndATamperedSpecIsRefused(@TempDir Path dir) throws Exception {
        JsonNode files = SpecFiles.mapper().readTree(saved.resolve("manifest.json").toFile()).get("files");
        List<String> hashed = new ArrayList<>();
        files.fieldNames().forEachRemaining(hashed::add);
        assertEquals(List.of("history.csv", "history.json", "params.f32", "spec.json"), hashed.stream().sorted().toList());
        // same shapes, another activation: the shape check alone accepted it
        Path run = copyOfRun(dir);
        String spec = Files.readString(run.resolve("spec.json"));
        assertTrue(spec.contains("\"selu\""), spec);
        Files.writeString(run.resolve("spec.json"), spec.replaceFirst("\"selu\"", "\"relu\""));
        TrainingException e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("spec.json does not match its SHA-256"), e.getMessage());

        // appended dropout layers build no parameters, so the shapes match too
        ObjectNode withDropouts = (ObjectNode) SpecFiles.mapper().readTree(spec);
        for (int i = 0; i < 1000; i++) {
            ((ArrayNode) withDropouts.get("architecture").get("layers")).addObject().put("type", "dropout").put("rate", 0.5);
        }
        Files.writeString(run.resolve("spec.json"), withDropouts.toPrettyString());
        assertEquals(SPEC.architecture().layers().size() + 1000, SpecFiles.read(run.resolve("spec.json")).architecture().layers().size(), "a valid spec");
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("spec.json does not match its SHA-256"), e.getMessage());

        Files.writeString(run.resolve("spec.json"), spec);
        Files.writeString(run.resolve("history.csv"), "epoch\n");
        e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("history.csv does not match its SHA-256"), e.getMessage());
    }

    @Test
    void aRunSavedBeforePerFileHashesStillLoads(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir);
        ObjectNode manifest = manifest(run);
        manifest.remove("files");
        manifest.put("version", 1);
        Files.writeString(run.resolve("manifest.json"), manifest.toPrettyString());
        assertArrayEquals(scoreAll(trained), scoreAll(ENGINE.load(run, DATASET)));

        // a version-2 manifest without the map is not taken for an old one
        manifest.put("version", 2);
        Files.writeString(run.resolve("manifest.json"), manifest.toPrettyString());
        TrainingException e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains("does not record the SHA-256 of spec.json"), e.getMessage());
    }

    @Test
    void nonFiniteParametersAreRefusedWithTheirCountEvenWithAMatchingHash(@TempDir Path dir) throws Exception {
        Path run = copyOfRun(dir);
        long count = trained.parameterCount();
        ByteBuffer nan = ByteBuffer.allocate((int) count * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (long i = 0; i < count; i++) {
            nan.putFloat(Float.NaN);
        }
        Files.write(run.resolve("params.f32"), nan.array());
        rehash(run, "params.f32");
        TrainingException e = assertThrows(TrainingException.class, () -> ENGINE.load(run, DATASET));
        assertTrue(e.getMessage().contains(String.format(Locale.ROOT, "holds %,d non-finite parameters", count)),
                e.getMessage());
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static ObjectNode manifest(Path run) throws IOException {
        return (ObjectNode) SpecFiles.mapper().readTree(run.resolve("manifest.json").toFile());
    }

    /** Rewrites the manifest's hashes of {@code name} to the file's present content (a consistent forgery). */
    private static void rehash(Path run, String name) throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(run.resolve(name))));
        ObjectNode manifest = manifest(run);
        ((ObjectNode) manifest.get("files")).put(name, hash);
        if (name.equals("params.f32")) {
            manifest.put("paramsSha256", hash);
        }
        Files.writeString(run.resolve("manifest.json"), manifest.toPrettyString());
    }

    @Test
    void scoringIsDeterministicAndBatchingDoesNotChangeTheResult() {
        int width = MATRIX.movieCount();
        int rows = Dl4jTrainedModel.SCORE_BATCH + 44;
        int[] users = java.util.stream.IntStream.range(0, rows).map(i -> i % MATRIX.userCount()).toArray();
        float[] in = new float[rows * width];
        MATRIX.densify(users, (float) trained.valueScale(), in);
        float[] once = new float[in.length];
        float[] twice = new float[in.length];
        trained.score(in, rows, once);
        trained.score(in, rows, twice);
        assertArrayEquals(once, twice, "inference mode: no dropout noise");
        float[] single = new float[width];
        for (int r : new int[]{0, 17, Dl4jTrainedModel.SCORE_BATCH, rows - 1}) {
            trained.score(java.util.Arrays.copyOfRange(in, r * width, (r + 1) * width), 1, single);
            assertArrayEquals(java.util.Arrays.copyOfRange(once, r * width, (r + 1) * width), single, 1e-5f, "row " + r);
        }
        assertThrows(IllegalArgumentException.class, () -> trained.score(new float[width], 2, new float[2 * width]));
    }

    @Test
    void aHistoryWithUndefinedMetricsRoundTrips() throws Exception {
        SplitMetrics undefined = new SplitMetrics(0.1, 0.2, 0.3, 0.4, Double.NaN, Double.NaN);
        java.util.List<EpochMetrics> history = java.util.List.of(new EpochMetrics(1, undefined, undefined, Double.NaN, 1.5, 10, TrainMetricsKind.RUNNING));
        com.fasterxml.jackson.databind.ObjectMapper mapper = SpecFiles.mapper();
        String json = mapper.writeValueAsString(history);
        assertEquals(history, mapper.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.List<EpochMetrics>>() { }));
        assertTrue(RunFolder.HistoryCsv.format(history).lines().skip(1).findFirst().orElseThrow().contains("NaN"));
    }

    @Test
    void aHistorySavedBeforeTheTrainMetricsKindExistedReadsAsExact() throws Exception {
        String old = "[{\"epoch\":1,\"train\":{\"mse\":0.1,\"mae\":0.2,\"r2\":0.3,\"r2Flat\":0.4,\"ratedRmse\":1.0,\"ratedMae\":0.8},"
                + "\"validation\":{\"mse\":0.1,\"mae\":0.2,\"r2\":0.3,\"r2Flat\":0.4,\"ratedRmse\":1.0,\"ratedMae\":0.8},"
                + "\"loss\":0.1,\"seconds\":1.5,\"samplesPerSecond\":10}]";
        java.util.List<EpochMetrics> history = SpecFiles.mapper().readValue(old,
                new com.fasterxml.jackson.core.type.TypeReference<java.util.List<EpochMetrics>>() { });
        assertEquals(TrainMetricsKind.EXACT, history.get(0).trainKind());
        assertTrue(RunFolder.HistoryCsv.format(history).lines().skip(1).findFirst().orElseThrow().endsWith(",exact"));
    }
}
