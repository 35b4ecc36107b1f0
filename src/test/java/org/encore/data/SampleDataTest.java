package org.encore.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample-data/ is exactly what its README's command makes, and has the shape it states. */
class SampleDataTest {
    static final Path SAMPLE = Path.of("sample-data");

    @Test
    void committedSampleIsWhatTheGeneratorMakesWithTheDefaultSeed(@TempDir Path dir) throws Exception {
        new SyntheticGenerator(GeneratorSettings.sample()).writeTo(dir, ProgressListener.NONE, CancellationToken.none());
        for (String file : List.of("ratings.csv", "movies.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve(file)), Files.readAllBytes(SAMPLE.resolve(file)),
                    "sample-data/" + file + " is stale: run ./encore generate --out /tmp/sample, copy its ratings.csv and "
                            + "movies.csv into sample-data/ (keeping its README.md) and commit them");
        }
    }

    @Test
    void sampleHasTheStatedShape() throws Exception {
        Dataset d = MovieLensLoader.load(SAMPLE, new LoadOptions(false, false), ProgressListener.NONE, CancellationToken.none());
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(100_000, s.ratings());
        assertEquals(1_000, s.users());
        assertEquals(1_500, s.movies());
        assertEquals(1_500, s.ratedMovies());
        assertEquals(0.5f, s.minRating());
        assertEquals(5.0f, s.maxRating());
        assertTrue(DatasetStatistics.spread(s.ratingsPerUser()).min() >= 20);
        assertTrue(d.movies().stream().mapToInt(Movie::id).max().orElseThrow() <= 5_000);
        assertTrue(Files.size(SAMPLE.resolve("ratings.csv")) < 5_000_000, "a few MB");
    }
}
