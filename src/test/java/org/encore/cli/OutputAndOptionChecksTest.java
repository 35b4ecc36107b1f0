package org.encore.cli;

import org.encore.cli.CliRun.Result;
import org.encore.data.CancellationToken;
import org.encore.data.GeneratorSettings;
import org.encore.data.MovieLensLoader;
import org.encore.data.ProgressListener;
import org.encore.data.SyntheticGenerator;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.SpecFiles;
import org.encore.model.TrainingSettings;
import org.encore.training.dl4j.Dl4jEngine;
import org.encore.testutil.UnwritableFolder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.encore.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** What the commands write, and the options they take, are checked before any work; nothing is overwritten unasked. */
class OutputAndOptionChecksTest {
    @TempDir
    static Path shared;
    private static Path data;
    private static Path spec;
    /** A path that does not exist: a command that loaded its data before checking its options would exit 1. */
    private static Path noData;

    @BeforeAll
    static void writeDatasetAndSpec() throws Exception {
        data = shared.resolve("data");
        new SyntheticGenerator(new GeneratorSettings(40, 120, 1_600, 3, 400, 20)).writeTo(data, ProgressListener.NONE,
                CancellationToken.none());
        spec = shared.resolve("tiny.json");
        SpecFiles.write(spec, ModelSpec.builder().name("tiny").layers(List.of(LayerSpec.dense(8, Activation.SELU)))
                .loss(LossType.MSE).training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-3)).batchSize(16)
                        .epochs(1).usersFraction(1.0).validationFraction(0.2).seed(3).build())
                .build());
        noData = shared.resolve("no-such-dataset");
    }

    private static Result train(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--data", data.toString(), "--model", spec.toString(),
                "--out", out.toString()));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void trainRefusesAnExistingRunAndLeavesEveryFileUnlessOverwriteIsGiven(@TempDir Path dir) throws Exception {
        Path runDir = dir.resolve("run");
        assertEquals(0, train(runDir).status());
        Map<String, byte[]> before = contents(runDir);

        Result again = train(runDir, "--seed", "99");
        assertEquals(2, again.status(), again.err());
        assertTrue(again.err().contains("already exists and is not empty") && again.err().contains("give --overwrite"), again.err());
        Map<String, byte[]> after = contents(runDir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));

        Result replaced = train(runDir, "--seed", "99", "--overwrite");
        assertEquals(0, replaced.status(), replaced.err());
        assertFalse(Arrays.equals(before.get("params.f32"), Files.readAllBytes(runDir.resolve("params.f32"))));
        assertEquals(99, new Dl4jEngine().load(runDir, MovieLensLoader.load(data)).spec().training().seed());
        assertEquals(List.of("run"), names(dir), "no temporary or set-aside sibling left");
    }

    @Test
    void trainNeverWritesOverAUsersOwnFile(@TempDir Path dir) throws Exception {
        Path mine = dir.resolve("analysis");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("history.csv"), "my own spreadsheet");
        Result r = train(mine);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("history.csv"), r.err());
        assertEquals("my own spreadsheet", Files.readString(mine.resolve("history.csv")));
        assertEquals(List.of("history.csv"), names(mine));
    }

    @Test
    void aBadOutputIsFoundBeforeTheDataIsLoadedWithWhatIsWrong(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        Result onAFile = run("train", "--data", noData.toString(), "--model", spec.toString(), "--out", file.toString());
        assertEquals(2, onAFile.status(), onAFile.err());
        assertTrue(onAFile.err().contains("--out " + file + ": is a file, not a folder"), onAFile.err());

        Result underAFile = run("train", "--data", noData.toString(), "--model", spec.toString(), "--out", file.resolve("run").toString());
        assertEquals(2, underAFile.status(), underAFile.err());
        assertTrue(underAFile.err().contains("cannot be created: " + file + " is a file"), underAFile.err());

        Result onTheData = run("train", "--data", data.toString(), "--model", spec.toString(), "--out", data.toString(), "--overwrite");
        assertEquals(2, onTheData.status(), onTheData.err());
        assertTrue(onTheData.err().contains("holds the dataset given to --data"), onTheData.err());
        assertTrue(Files.exists(data.resolve("ratings.csv")));
    }

    @Test
    void anUnwritablePlaceIsFoundBeforeTheDataIsLoaded(@TempDir Path dir) throws Exception {
        Optional<Path> place = UnwritableFolder.under(dir);
        assumeTrue(place.isPresent(), "no unwritable folder to try here");
        Path run = place.get().resolve("run");
        Result r = run("train", "--data", noData.toString(), "--model", spec.toString(), "--out", run.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("cannot write in " + place.get()), r.err());
    }

    @Test
    void generateRefusesAFolderHoldingAReleaseEvenReadOnlyFiles(@TempDir Path dir) throws Exception {
        Path release = dir.resolve("ml-latest-small");
        Files.createDirectories(release);
        Path ratings = release.resolve("ratings.csv");
        Files.writeString(ratings, "userId,movieId,rating,timestamp\n1,1,4.0,964982703\n");
        Files.setPosixFilePermissions(ratings, PosixFilePermissions.fromString("r--r--r--"));
        Result r = run("generate", "--out", release.toString(), "--users", "10");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("not empty") && r.err().contains("ratings.csv"), r.err());
        assertEquals("userId,movieId,rating,timestamp\n1,1,4.0,964982703\n", Files.readString(ratings));
        assertEquals(List.of("ratings.csv"), names(release));

        Result replaced = run("generate", "--out", release.toString(), "--users", "10", "--overwrite");
        assertEquals(0, replaced.status(), replaced.err());
        assertEquals(1001, Files.readAllLines(release.resolve("ratings.csv")).size());
        assertEquals(List.of("ml-latest-small"), names(dir));
    }

    @Test
    void jsonOutWritesOnlyRegularFilesAndReplacesOneOnlyWhenAsked(@TempDir Path dir) throws Exception {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "kept");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        Result r = run("evaluate", "--data", noData.toString(), "--models", "none", "--baselines", "popular", "--json-out",
                link.toString(), "--overwrite");
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("is a symbolic link"), r.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("kept", Files.readString(real));

        if (Files.exists(Path.of("/dev/null"))) {
            r = run("evaluate", "--data", noData.toString(), "--models", "none", "--json-out", "/dev/null", "--overwrite");
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("FIFO, device or socket"), r.err());
        }

        r = run("evaluate", "--data", noData.toString(), "--models", "none", "--json-out", real.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("already exists") && r.err().contains("give --overwrite"), r.err());
        assertEquals("kept", Files.readString(real));

        r = run("evaluate", "--data", data.toString(), "--models", "none", "--baselines", "popular", "--min-ratings", "3",
                "--json-out", real.toString(), "--overwrite");
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.readString(real).contains("\"rows\""));
    }

    @Test
    void emptyPathsAreUsageErrors(@TempDir Path dir) {
        for (String[] args : List.of(
                new String[]{"train", "--data", data.toString(), "--model", spec.toString(), "--out", ""},
                new String[]{"generate", "--out", "", "--users", "10"},
                new String[]{"stats", "--data", ""},
                new String[]{"train", "--data", "", "--model", spec.toString(), "--out", dir.resolve("run").toString()},
                new String[]{"evaluate", "--data", data.toString(), "--json-out", ""})) {
            Result r = run(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains("needs a path, got an empty string"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void invalidOptionValuesAreUsageErrorsFoundBeforeAnyDataIsRead(@TempDir Path dir) {
        String out = dir.resolve("run").toString();
        Map<List<String>, String> cases = new HashMap<>();
        cases.put(List.of("train", "--data", noData.toString(), "--model", "model1", "--out", out, "--epochs", "0"),
                "--epochs must be at least 1, got 0");
        cases.put(List.of("train", "--data", noData.toString(), "--model", "model1", "--out", out, "--batch", "0"),
                "--batch must be at least 1, got 0");
        cases.put(List.of("train", "--data", noData.toString(), "--model", "model1", "--out", out, "--users-fraction", "1.5"),
                "--users-fraction must be in (0, 1], got 1.5");
        cases.put(List.of("train", "--data", noData.toString(), "--model", "model1", "--out", out, "--users-fraction", "NaN"),
                "--users-fraction must be in (0, 1], got NaN");
        cases.put(List.of("train", "--data", noData.toString(), "--model", "model1", "--out", out, "--patience", "-1"),
                "--patience must be at least 0, got -1");
        cases.put(List.of("recommend", "--data", noData.toString(), "--model", "popular,ease", "--weights", "-1,1", "--user", "1"),
                "--weights values must each be at least 0, got -1.0");
        cases.put(List.of("recommend", "--data", noData.toString(), "--model", "popular,ease", "--weights", "0,0", "--user", "1"),
                "--weights needs at least one weight above 0");
        cases.put(List.of("recommend", "--data", noData.toString(), "--model", "ease:-3", "--user", "1"),
                "expected ease:LAMBDA with a number above 0");
        cases.put(List.of("recommend", "--data", noData.toString(), "--model", "popular", "--user", "1", "--top", "0"),
                "--top must be at least 1, got 0");
        cases.put(List.of("evaluate", "--data", noData.toString(), "--epochs", "0"), "--epochs must be at least 1, got 0");
        cases.put(List.of("evaluate", "--data", noData.toString(), "--validation-fraction", "1.5"), "fractions");
        cases.forEach((args, message) -> {
            Result r = run(args.toArray(String[]::new));
            assertEquals(2, r.status(), args + ": " + r.err());
            assertTrue(r.err().contains(message), args + ": " + r.err());
        });
        assertFalse(Files.exists(dir.resolve("run")), "nothing written");
    }

    @Test
    void aFailedWriteToStandardOutputIsAnError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        int status = Main.run(new String[]{"stats", "--data", data.toString()}, new PrintStream(full, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot write to standard output"), err.toString(StandardCharsets.UTF_8));
        assertNotEquals(0, Main.run(new String[]{"help"}, new PrintStream(full, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static Map<String, byte[]> contents(Path folder) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        for (String name : names(folder)) {
            files.put(name, Files.readAllBytes(folder.resolve(name)));
        }
        return files;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
