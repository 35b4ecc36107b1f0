package org.encore.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.encore.data.LoaderTestFiles.STRICT_NO_CACHE;
import static org.encore.data.LoaderTestFiles.load;
import static org.encore.data.LoaderTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every input is checked before parsing: the header by name, the encoding and line endings, the kind of file. */
class InputChecksTest {
    private static final String MOVIES = "movieId,title,genres\n1,Toy Story (1995),Animation\n10,GoldenEye (1995),Action\n";

    @TempDir
    Path dir;

    /** The rating of (user, movie) in the dataset, or NaN. */
    static double rating(Dataset dataset, int user, int movie) {
        RatingMatrix m = dataset.ratings();
        if (!m.users().contains(user) || !m.movies().contains(movie)) {
            return Double.NaN;
        }
        int row = m.users().indexOf(user);
        int column = m.movies().indexOf(movie);
        for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
            if (m.columnAt(p) == column) {
                return m.ratingAt(p);
            }
        }
        return Double.NaN;
    }

    private Path release(String ratings) throws IOException {
        write(dir.resolve("ratings.csv"), ratings);
        write(dir.resolve("movies.csv"), MOVIES);
        return dir;
    }

    private DataFormatException refused(String ratings) throws IOException {
        release(ratings);
        return assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
    }

    @Test
    void headerWithSwappedColumnsIsReadByName() throws Exception {
        Dataset d = load(release("movieId,userId,rating,timestamp\n10,1,4.0,5\n1,2,3.5,6\r\n"), STRICT_NO_CACHE);
        assertEquals(4.0, rating(d, 1, 10));
        assertEquals(3.5, rating(d, 2, 1));
        assertEquals(2, d.ratings().userCount());
    }

    @Test
    void headerInAnyOrderAndCaseGivesTheSameDatasetAsMovieLensOrder() throws Exception {
        Dataset canonical = load(release("userId,movieId,rating,timestamp\n1,10,4.0,5\n2,1,3.5,6\n7,10,1.0,99\n"),
                STRICT_NO_CACHE);
        Dataset shuffled = load(release("TIMESTAMP,Rating,movieid,USERID\n5,4.0,10,1\n6,3.5,1,2\n99,1.0,10,7\n"),
                STRICT_NO_CACHE);
        assertEquals(canonical.ratings().users(), shuffled.ratings().users());
        assertEquals(canonical.ratings().movies(), shuffled.ratings().movies());
        for (int[] um : new int[][] {{1, 10}, {2, 1}, {7, 10}}) {
            assertEquals(rating(canonical, um[0], um[1]), rating(shuffled, um[0], um[1]));
        }
    }

    @Test
    void aBadLineUnderASwappedHeaderIsStillNamedWithItsLineNumber() throws Exception {
        DataFormatException e = refused("movieId,userId,rating,timestamp\n10,1,4.0,5\n10,2,9.0,5\n");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("rating '9.0' is out of range"), e.getMessage());
    }

    @Test
    void headerWithOtherNamesIsRefusedWithTheExpectedHeader() throws Exception {
        DataFormatException e = refused("a,b,c,d\n1,10,4.0,5\n");
        assertEquals(dir.resolve("ratings.csv") + ":1: the header 'a,b,c,d' does not name MovieLens's columns: "
                + "expected userId,movieId,rating,timestamp (in any order, any case), or no header at all", e.getMessage());
    }

    @Test
    void headerNamingAColumnTwiceIsRefused() throws Exception {
        DataFormatException e = refused("userId,userId,rating,timestamp\n1,10,4.0,5\n");
        assertTrue(e.getMessage().contains("expected userId,movieId,rating,timestamp"), e.getMessage());
    }

    @Test
    void fileWithoutAHeaderStillLoads() throws Exception {
        Dataset d = load(release("1,10,4.0,5\n2,1,3.5,6\n"), STRICT_NO_CACHE);
        assertEquals(4.0, rating(d, 1, 10));
        assertEquals(2, d.ratings().ratingCount());
    }

    @Test
    void utf8ByteOrderMarkBeforeTheFirstLineIsPassedOver() throws Exception {
        Dataset withoutHeader = load(release("\uFEFF1,10,4.0,5\n2,1,3.5,6\n"), STRICT_NO_CACHE);
        assertEquals(4.0, rating(withoutHeader, 1, 10));
        Dataset withHeader = load(release("\uFEFFmovieId,userId,rating,timestamp\n10,1,4.0,5\n"), STRICT_NO_CACHE);
        assertEquals(4.0, rating(withHeader, 1, 10));
    }

    @Test
    void moviesHeaderInAnotherOrderIsReadByName() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,5\n");
        write(dir.resolve("movies.csv"), "title,genres,movieId\n\"GoldenEye (1995)\",Action|Thriller,10\n");
        Dataset d = load(dir, STRICT_NO_CACHE);
        assertEquals("GoldenEye", d.movie(10).title());
        assertEquals(1995, d.movie(10).year());
        assertTrue(d.movie(10).genres().contains("Thriller"));
    }

    @Test
    void moviesHeaderWithOtherNamesIsRefused() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,5\n");
        write(dir.resolve("movies.csv"), "id,name,kinds\n10,GoldenEye (1995),Action\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir.resolve("movies.csv") + ":1: the header 'id,name,kinds' does not name MovieLens's columns: "
                + "expected movieId,title,genres (in any order, any case), or no header at all", e.getMessage());
    }

    @Test
    void utf16RatingsAreNamedAsUtf16WithOrWithoutAByteOrderMark() throws Exception {
        String ratings = "userId,movieId,rating,timestamp\n1,10,4.0,5\n";
        write(dir.resolve("movies.csv"), MOVIES);
        write(dir.resolve("ratings.csv"), ratings, StandardCharsets.UTF_16); // big-endian with a byte-order mark
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir.resolve("ratings.csv") + ": the file is UTF-16 (big-endian, with a byte-order mark); UTF-16 "
                + "is not supported; save it as UTF-8", e.getMessage());
        write(dir.resolve("ratings.csv"), "1,10,4.0,5\n2,10,3.0,6\n", StandardCharsets.UTF_16LE); // no mark
        e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertTrue(e.getMessage().endsWith("UTF-16 (NUL bytes between the characters); UTF-16 is not supported; "
                + "save it as UTF-8"), e.getMessage());
    }

    @Test
    void utf16MoviesFileIsNamedAsUtf16() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,5\n");
        write(dir.resolve("movies.csv"), MOVIES, StandardCharsets.UTF_16LE);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir.resolve("movies.csv").toString(), e.file());
        assertTrue(e.getMessage().contains("UTF-16 is not supported; save it as UTF-8"), e.getMessage());
    }

    @Test
    void crOnlyLineEndingsAreNamed() throws Exception {
        DataFormatException e = refused("userId,movieId,rating,timestamp\r1,10,4.0,5\r2,1,3.0,6\r");
        assertEquals(dir.resolve("ratings.csv") + ": its lines end with a carriage return only (CR, the old Mac line "
                + "ending); save it with LF or CRLF line endings", e.getMessage());
    }

    @Test
    void negativeRatingIsOutOfRangeNotNotANumber() throws Exception {
        DataFormatException e = refused("userId,movieId,rating,timestamp\n1,10,-1,5\n");
        assertEquals(dir.resolve("ratings.csv") + ":2: rating '-1' is out of range: ratings go from 0.5 to 5.0 in half "
                + "stars, in '1,10,-1,5'", e.getMessage());
    }

    @Test
    void ratingsFileThatIsAFifoIsRefusedWithoutBlocking() throws Exception {
        write(dir.resolve("movies.csv"), MOVIES);
        Path fifo = mkfifo(dir.resolve("ratings.csv"));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IOException.class, () -> load(dir, STRICT_NO_CACHE)));
        assertEquals(fifo + " is a FIFO, expected a regular file", e.getMessage());
    }

    @Test
    void moviesFileThatIsAFifoIsRefusedNotSilentlyMissing() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,5\n");
        Path fifo = mkfifo(dir.resolve("movies.csv"));
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> assertThrows(IOException.class, () -> load(dir, STRICT_NO_CACHE)));
        assertEquals(fifo + " is a FIFO, expected a regular file", e.getMessage());
    }

    @Test
    void aCacheFileThatIsAFifoIsAMissNotAHang() throws Exception {
        release("userId,movieId,rating,timestamp\n1,10,4.0,5\n");
        Path cacheDir = Files.createDirectories(dir.resolve("cache"));
        String before = System.getProperty("encore.cache.dir");
        System.setProperty("encore.cache.dir", cacheDir.toString());
        try {
            mkfifo(DatasetCache.fileFor(dir));
            Dataset d = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> load(dir, new LoadOptions(false, true)));
            assertEquals(4.0, rating(d, 1, 10));
        } finally {
            if (before == null) {
                System.clearProperty("encore.cache.dir");
            } else {
                System.setProperty("encore.cache.dir", before);
            }
        }
    }

    @Test
    void regularFilesNamesWhatAPathIsInstead() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        IOException e = assertThrows(IOException.class, () -> RegularFiles.readAllBytes(folder));
        assertEquals(folder + " is a directory, expected a regular file", e.getMessage());
        Path device = Path.of("/dev/zero");
        if (Files.exists(device)) {
            e = assertThrows(IOException.class, () -> RegularFiles.size(device));
            assertEquals("/dev/zero is a character device, expected a regular file", e.getMessage());
        }
        assertThrows(java.nio.file.NoSuchFileException.class, () -> RegularFiles.readString(dir.resolve("absent")));
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        assertEquals(Path.of("/home/someone/.local/share/encore"), DataDirectory.base("relative/data", "/home/someone"));
        assertEquals(Path.of("/home/someone/.local/share/encore"), DataDirectory.base("", "/home/someone"));
        assertEquals(Path.of("/home/someone/.local/share/encore"), DataDirectory.base(null, "/home/someone"));
        assertEquals(Path.of("/srv/xdg/encore"), DataDirectory.base("/srv/xdg", "/home/someone"));
    }

    /** Makes a FIFO with mkfifo(1); the test is skipped where there is none (not a POSIX system). */
    static Path mkfifo(Path path) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here (" + e.getMessage() + "); skipping");
            return path;
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        return path;
    }
}
