package org.encore.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.encore.data.LoaderTestFiles.STRICT_NO_CACHE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Progress reaches the file size, rising; a cancelled load stops with CancellationException. */
class LoadProgressTest {
    @TempDir
    Path dir;

    /** A ratings file of about 20 MB: several read buffers and, on two or more cores, two chunks. */
    private Path bigRelease() throws Exception {
        Path release = dir.resolve("big");
        Files.createDirectories(release);
        StringBuilder lines = new StringBuilder(21 << 20);
        lines.append("userId,movieId,rating,timestamp\n");
        for (int i = 0; i < 900_000; i++) {
            lines.append(i % 7000 + 1).append(',').append(i / 7000 * 3 + 1).append(",3.5,1200000000\n");
        }
        Files.writeString(release.resolve("ratings.csv"), lines);
        return release;
    }

    @Test
    void progressRisesToTheFileSize() throws Exception {
        Path release = bigRelease();
        long size = Files.size(release.resolve("ratings.csv"));
        List<long[]> calls = new ArrayList<>();
        Dataset dataset = MovieLensLoader.load(release, STRICT_NO_CACHE, (done, total) -> calls.add(new long[] {done, total}),
                CancellationToken.none());
        assertEquals(900_000, dataset.ratings().ratingCount());
        assertTrue(calls.size() >= 2, "several progress reports");
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i)[0] >= calls.get(i - 1)[0], "progress never goes back");
            assertEquals(size, calls.get(i)[1]);
        }
        assertEquals(size, calls.get(calls.size() - 1)[0]);
    }

    @Test
    void cancellingDuringTheLoadStopsIt() throws Exception {
        Path release = bigRelease();
        CancellationToken cancel = new CancellationToken();
        List<Long> seen = new ArrayList<>();
        assertThrows(CancellationException.class, () -> MovieLensLoader.load(release, STRICT_NO_CACHE, (done, total) -> {
            seen.add(done);
            cancel.cancel();
        }, cancel));
        assertEquals(1, seen.size(), "no progress after the cancel");
    }

    @Test
    void cancellingAZipLoadStopsIt() throws Exception {
        Path release = bigRelease();
        Path zip = dir.resolve("big.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("big/ratings.csv"));
            Files.copy(release.resolve("ratings.csv"), out);
            out.closeEntry();
        }
        CancellationToken cancel = new CancellationToken();
        assertThrows(CancellationException.class,
                () -> MovieLensLoader.load(zip, STRICT_NO_CACHE, (done, total) -> cancel.cancel(), cancel));
    }

    @Test
    void alreadyCancelledTokenStopsBeforeReading() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        assertThrows(CancellationException.class,
                () -> MovieLensLoader.load(dir.resolve("whatever"), STRICT_NO_CACHE, ProgressListener.NONE, cancel));
    }
}
