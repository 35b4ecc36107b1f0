package org.encore.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Exact counts on the real ml-latest-small beside the repository (skipped when it is absent). */
class MovieLensSmallTest {
    static final Path SMALL = Path.of("../shared/movielens/ml-latest-small");
    private static final LoadOptions NO_CACHE = new LoadOptions(false, false);
    private static Dataset dataset;

    @BeforeAll
    static void load() throws Exception {
        assumeTrue(Files.isRegularFile(SMALL.resolve("ratings.csv")),
                "ml-latest-small is not at " + SMALL.toAbsolutePath() + "; skipping the real-data tests");
        dataset = MovieLensLoader.load(SMALL, NO_CACHE, ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void countsMatchThePublishedRelease() {
        RatingMatrix m = dataset.ratings();
        assertEquals("ml-latest-small", dataset.release());
        assertEquals(100_836, m.ratingCount());
        assertEquals(610, m.userCount());
        assertEquals(9_724, m.movieCount());
        assertEquals(9_742, dataset.movies().size());
        assertEquals(0, dataset.report().duplicates());
        assertEquals(0, dataset.report().skippedLines());
        assertFalse(dataset.report().fromCache());
    }

    @Test
    void ratingsSpanHalfStarsFromHalfToFive() {
        float[] r = dataset.ratings().ratings();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        long halfStars = 0;
        for (float v : r) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v == 0.5f) {
                halfStars++;
            }
        }
        assertEquals(0.5f, min);
        assertEquals(5.0f, max);
        assertEquals(1_370, halfStars);
    }

    @Test
    void firstRatingOfFirstUserIsReadExactly() {
        RatingMatrix m = dataset.ratings();
        int row = m.users().indexOf(1);
        int column = m.movies().indexOf(1);
        assertEquals(4.0f, m.rating(row, column));
        int at = Arrays.binarySearch(m.columnIndices(), m.rowStart(row), m.rowEnd(row), column);
        assertEquals(964_982_703L, m.timestampAt(at));
        // last line of the file: 610,170875,3.0,1493846415
        int last = m.users().indexOf(610);
        int col = m.movies().indexOf(170875);
        assertEquals(3.0f, m.rating(last, col));
    }

    @Test
    void idsRoundTripThroughTheIndices() {
        RatingMatrix m = dataset.ratings();
        for (int row = 0; row < m.userCount(); row++) {
            assertEquals(row, m.users().indexOf(m.users().idAt(row)));
        }
        for (int column = 0; column < m.movieCount(); column++) {
            int id = m.movies().idAt(column);
            assertEquals(column, m.movies().indexOf(id));
            assertEquals(id, dataset.movieOfColumn(column).id());
        }
        long listedButUnrated = dataset.movies().stream().filter(mv -> m.movies().indexOf(mv.id()) < 0).count();
        assertEquals(9_742 - 9_724, listedButUnrated);
    }

    @Test
    void quotedAndNonAsciiTitlesAreDecoded() {
        Movie quoteInside = dataset.movie(7789);
        assertEquals("11'09\"01 - September 11", quoteInside.title());
        assertEquals(2002, quoteInside.year());
        Movie withComma = dataset.movie(29);
        assertEquals("City of Lost Children, The (Cité des enfants perdus, La)", withComma.title());
        assertEquals(1995, withComma.year());
        assertEquals(Set.of("Adventure", "Drama", "Fantasy", "Mystery", "Sci-Fi"), withComma.genres());
        long nonAscii = dataset.movies().stream().filter(mv -> mv.title().chars().anyMatch(c -> c > 127)).count();
        assertEquals(293, nonAscii);
    }

    @Test
    void titlesWithoutYearKeepTheirTitle() {
        Movie babylon = dataset.movie(40697);
        assertEquals("Babylon 5", babylon.title());
        assertFalse(babylon.hasYear());
        Movie trailingSpace = dataset.movie(27008);
        assertEquals("From Dusk Till Dawn 2: Texas Blood Money", trailingSpace.title());
        assertEquals(1999, trailingSpace.year());
    }

    @Test
    void zipGivesTheSameMatrixAsTheFolder(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("ml-latest-small.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : new String[] {"ratings.csv", "movies.csv", "README.txt"}) {
                out.putNextEntry(new ZipEntry("ml-latest-small/" + name));
                Files.copy(SMALL.resolve(name), out);
                out.closeEntry();
            }
        }
        Dataset fromZip = MovieLensLoader.load(zip, NO_CACHE, ProgressListener.NONE, CancellationToken.none());
        assertEquals("ml-latest-small", fromZip.release());
        assertSameMatrix(dataset.ratings(), fromZip.ratings());
        assertEquals(dataset.movies(), fromZip.movies());
    }

    static void assertSameMatrix(RatingMatrix expected, RatingMatrix actual) {
        assertNotNull(actual);
        assertArrayEquals(expected.users().ids(), actual.users().ids());
        assertArrayEquals(expected.movies().ids(), actual.movies().ids());
        assertArrayEquals(expected.rowPointers(), actual.rowPointers());
        assertArrayEquals(expected.columnIndices(), actual.columnIndices());
        assertArrayEquals(expected.ratings(), actual.ratings());
        assertArrayEquals(expected.timestampSeconds(), actual.timestampSeconds());
    }

    static void write(Path file, String content, java.nio.charset.Charset charset) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(charset));
        }
    }

    @Test
    void rowsAreSortedByColumn() {
        RatingMatrix m = dataset.ratings();
        for (int row = 0; row < m.userCount(); row++) {
            for (int p = m.rowStart(row) + 1; p < m.rowEnd(row); p++) {
                assertTrue(m.columnAt(p) > m.columnAt(p - 1));
            }
        }
    }
}
