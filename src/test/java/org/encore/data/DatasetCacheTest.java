package org.encore.data;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.encore.data.LoaderTestFiles.load;
import static org.encore.data.LoaderTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binary cache: a hit equals a fresh parse; a stale, damaged or unsuitable cache is never trusted. */
class DatasetCacheTest {
    private static final LoadOptions CACHED = new LoadOptions(false, true);
    @TempDir
    Path dir;
    private String previous;

    @BeforeEach
    void useTempCacheDir() {
        previous = System.getProperty("encore.cache.dir");
        System.setProperty("encore.cache.dir", dir.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty("encore.cache.dir");
        } else {
            System.setProperty("encore.cache.dir", previous);
        }
    }

    private Path release() throws IOException {
        Path release = dir.resolve("ml-latest-small");
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int u = 1; u <= 40; u++) {
            for (int m = 1; m <= 30; m += (u % 3) + 1) {
                ratings.append(u).append(',').append(m * 7).append(',').append((u + m) % 10 / 2.0 + 0.5)
                        .append(',').append(900_000_000 + u * m).append('\n');
            }
        }
        ratings.append("3,7,5.0,1\n"); // a duplicate, earlier: the first one stays
        write(release.resolve("ratings.csv"), ratings.toString());
        write(release.resolve("movies.csv"), "movieId,title,genres\n7,\"Seven, The (1995)\",Thriller|Crime\n"
                + "14,Nixon (1995),Drama\n99999,Never Rated (2001),(no genres listed)\n");
        return release;
    }

    private static void assertSameDataset(Dataset expected, Dataset actual) {
        MovieLensSmallTest.assertSameMatrix(expected.ratings(), actual.ratings());
        assertEquals(expected.movies(), actual.movies());
        assertEquals(expected.release(), actual.release());
        assertEquals(expected.report().duplicates(), actual.report().duplicates());
        assertEquals(expected.report().skippedLines(), actual.report().skippedLines());
        assertEquals(expected.report().warnings(), actual.report().warnings());
    }

    @Test
    void secondLoadComesFromTheCacheAndEqualsTheParse() throws Exception {
        Path release = release();
        Dataset parsed = load(release, CACHED);
        assertFalse(parsed.report().fromCache());
        assertEquals(1, parsed.report().duplicates());
        Dataset cached = load(release, CACHED);
        assertTrue(cached.report().fromCache());
        assertSameDataset(parsed, cached);
        assertEquals(release, cached.source());
    }

    @Test
    void cacheHitEqualsFreshParseOnRealData() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(MovieLensSmallTest.SMALL),
                "ml-latest-small is not at " + MovieLensSmallTest.SMALL.toAbsolutePath());
        Dataset fresh = load(MovieLensSmallTest.SMALL, LoaderTestFiles.STRICT_NO_CACHE);
        load(MovieLensSmallTest.SMALL, CACHED);
        Dataset cached = load(MovieLensSmallTest.SMALL, CACHED);
        assertTrue(cached.report().fromCache());
        assertSameDataset(fresh, cached);
    }

    @Test
    void changedSourceIsParsedAgain() throws Exception {
        Path release = release();
        load(release, CACHED);
        Path ratings = release.resolve("ratings.csv");
        Files.writeString(ratings, "userId,movieId,rating,timestamp\n1,7,3.0,5\n");
        Dataset reloaded = load(release, CACHED);
        assertFalse(reloaded.report().fromCache());
        assertEquals(1, reloaded.ratings().ratingCount());
    }

    @Test
    void sameSizeAndTimeButOtherContentIsParsedAgain() throws Exception {
        Path release = release();
        Path ratings = release.resolve("ratings.csv");
        FileTime time = Files.getLastModifiedTime(ratings);
        load(release, CACHED);
        byte[] bytes = Files.readAllBytes(ratings);
        int at = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).indexOf(",4.0,");
        bytes[at + 1] = '3';
        Files.write(ratings, bytes);
        Files.setLastModifiedTime(ratings, time);
        Dataset reloaded = load(release, CACHED);
        assertFalse(reloaded.report().fromCache());
    }

    @Test
    void fileEditedInTheMiddleWithTheSameSizeAndTimeIsParsedAgain() throws Exception {
        StringBuilder lines = new StringBuilder("userId,movieId,rating,timestamp\n");
        for (int user = 1; user <= 20_000; user++) {
            lines.append(user).append(",1,4.0,964982703\n"); // 20 bytes a line: 400 KB, far more than head and tail
        }
        Path release = dir.resolve("big");
        write(release.resolve("ratings.csv"), lines.toString());
        Path ratings = release.resolve("ratings.csv");
        FileTime time = Files.getLastModifiedTime(ratings);
        load(release, CACHED);
        byte[] bytes = Files.readAllBytes(ratings);
        int at = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).indexOf("\n10000,1,4.0,");
        bytes[at + "\n10000,1,".length()] = '2';
        Files.write(ratings, bytes);
        Files.setLastModifiedTime(ratings, time);
        Dataset reloaded = load(release, CACHED);
        assertFalse(reloaded.report().fromCache());
        RatingMatrix m = reloaded.ratings();
        assertEquals(2.0f, m.ratingAt(m.rowStart(m.users().indexOf(10_000))));
    }

    private Path cacheFileAfterFirstLoad(Path release) throws Exception {
        load(release, CACHED);
        Path cacheFile = DatasetCache.fileFor(release);
        assertTrue(Files.isRegularFile(cacheFile), "cache written at " + cacheFile);
        return cacheFile;
    }

    private void assertRebuiltAndTrustedAgain(Path release, Dataset reference) throws Exception {
        Dataset rebuilt = load(release, CACHED);
        assertFalse(rebuilt.report().fromCache(), "a damaged cache must not be used");
        assertSameDataset(reference, rebuilt);
        Dataset again = load(release, CACHED);
        assertTrue(again.report().fromCache(), "the rebuilt cache is used next time");
        assertSameDataset(reference, again);
    }

    /** Damages the cache that a first load writes, then checks the next load parses again and re-caches. */
    private void assertDamagedCacheIsRebuilt(UnaryOperator<byte[]> damage) throws Exception {
        Path release = release();
        Dataset reference = load(release, LoaderTestFiles.STRICT_NO_CACHE);
        Path cacheFile = cacheFileAfterFirstLoad(release);
        Files.write(cacheFile, damage.apply(Files.readAllBytes(cacheFile)));
        assertRebuiltAndTrustedAgain(release, reference);
    }

    @Test
    void flippedByteInTheMatrixIsCaughtByTheChecksum() throws Exception {
        assertDamagedCacheIsRebuilt(bytes -> {
            bytes[bytes.length - 100] ^= 0x10; // inside the timestamps
            return bytes;
        });
    }

    @Test
    void flippedByteInAMovieTitleIsCaughtByTheHeadChecksum() throws Exception {
        assertDamagedCacheIsRebuilt(bytes -> {
            // magic (8), version (4), meta length (4), then the meta block, which ends with the last movie's title
            int metaLength = java.nio.ByteBuffer.wrap(bytes, 12, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
            bytes[16 + metaLength - 2] ^= 0x01;
            return bytes;
        });
    }

    @Test
    void truncatedCacheIsRebuilt() throws Exception {
        assertDamagedCacheIsRebuilt(bytes -> Arrays.copyOf(bytes, bytes.length - 100));
    }

    @Test
    void badMagicIsRebuilt() throws Exception {
        assertDamagedCacheIsRebuilt(bytes -> {
            bytes[0] = 'X';
            return bytes;
        });
    }

    @Test
    void garbageAndEmptyCacheFilesAreRebuilt() throws Exception {
        Path release = release();
        Dataset reference = load(release, LoaderTestFiles.STRICT_NO_CACHE);
        Path cacheFile = cacheFileAfterFirstLoad(release);
        Files.write(cacheFile, new byte[0]);
        assertRebuiltAndTrustedAgain(release, reference);
        Files.write(cacheFile, "ENCORE-C garbage that is not a cache".getBytes());
        assertRebuiltAndTrustedAgain(release, reference);
        byte[] noise = new byte[10_000];
        new java.util.Random(7).nextBytes(noise);
        System.arraycopy("ENCORE-C".getBytes(), 0, noise, 0, 8);
        Files.write(cacheFile, noise);
        assertRebuiltAndTrustedAgain(release, reference);
    }

    @Test
    void cacheOfASkippingLoadDoesNotLetAStrictLoadPass() throws Exception {
        Path release = release();
        Files.writeString(release.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,7,3.0,5\n1,8,nine,5\n");
        Dataset skipping = load(release, new LoadOptions(true, true));
        assertEquals(1, skipping.report().skippedLines());
        Dataset skippingAgain = load(release, new LoadOptions(true, true));
        assertTrue(skippingAgain.report().fromCache());
        assertEquals(1, skippingAgain.report().skippedLines());
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(release, CACHED));
        assertEquals(3, e.line());
    }

    @Test
    void cacheOfAZipIsKeyedByTheZip() throws Exception {
        Path release = release();
        Path zip = LoaderTestFiles.zip(dir.resolve("ml-latest-small.zip"), java.util.Map.of(
                "ml-latest-small/ratings.csv", Files.readString(release.resolve("ratings.csv")),
                "ml-latest-small/movies.csv", Files.readString(release.resolve("movies.csv"))));
        Dataset parsed = load(zip, CACHED);
        Dataset cached = load(zip, CACHED);
        assertTrue(cached.report().fromCache());
        assertSameDataset(parsed, cached);
    }

    @Test
    void cacheDirectoryFollowsThePropertyThenXdg() {
        assertEquals(dir.resolve("cache"), DatasetCache.directory());
        System.clearProperty("encore.cache.dir");
        String xdg = System.getenv("XDG_DATA_HOME");
        Path expected = xdg != null && !xdg.isBlank() ? Path.of(xdg, "encore", "cache")
                : Path.of(System.getProperty("user.home"), ".local", "share", "encore", "cache");
        assertEquals(expected, DatasetCache.directory());
        assertTrue(List.of(DatasetCache.fileFor(dir).getFileName().toString()).get(0).endsWith(".encache"));
    }
}
