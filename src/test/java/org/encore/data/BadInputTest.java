package org.encore.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.encore.data.LoaderTestFiles.SKIP_NO_CACHE;
import static org.encore.data.LoaderTestFiles.STRICT_NO_CACHE;
import static org.encore.data.LoaderTestFiles.csvRelease;
import static org.encore.data.LoaderTestFiles.load;
import static org.encore.data.LoaderTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad input stops the load with a message naming the file, the line and the offending text. */
class BadInputTest {
    @TempDir
    Path dir;

    private DataFormatException failure(String ratingLines) throws Exception {
        csvRelease(dir, ratingLines);
        return assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
    }

    private void assertMessage(DataFormatException e, long line, String expected) {
        assertEquals(dir.resolve("ratings.csv").toString(), e.file());
        assertEquals(line, e.line());
        assertEquals(dir.resolve("ratings.csv") + ":" + line + ": " + expected, e.getMessage());
    }

    @Test
    void wrongFieldCountNamesTheLine() throws Exception {
        DataFormatException e = failure("1,1,4.0,964982703\n1,2,3.0\n");
        assertMessage(e, 3, "expected 4 fields (userId,movieId,rating,timestamp) but found 3 in '1,2,3.0'");
    }

    @Test
    void extraFieldIsAWrongFieldCount() throws Exception {
        DataFormatException e = failure("1,1,4.0,964982703,7\n");
        assertMessage(e, 2, "expected 4 fields (userId,movieId,rating,timestamp) but found 5 in '1,1,4.0,964982703,7'");
    }

    @Test
    void nonNumericUserId() throws Exception {
        DataFormatException e = failure("u1,1,4.0,964982703\n");
        assertMessage(e, 2, "userId 'u1' is not a whole number from 0 to 2147483647 in 'u1,1,4.0,964982703'");
    }

    @Test
    void nonNumericMovieId() throws Exception {
        DataFormatException e = failure("1,1,4.0,964982703\r\n1,-3,4.0,964982703\r\n");
        assertMessage(e, 3, "movieId '-3' is not a whole number from 0 to 2147483647 in '1,-3,4.0,964982703'");
    }

    @Test
    void ratingAboveFive() throws Exception {
        DataFormatException e = failure("1,1,5.5,964982703\n");
        assertMessage(e, 2, "rating '5.5' is out of range: ratings go from 0.5 to 5.0 in half stars, in '1,1,5.5,964982703'");
    }

    @Test
    void ratingOfZero() throws Exception {
        DataFormatException e = failure("1,1,0.0,964982703\n");
        assertMessage(e, 2, "rating '0.0' is out of range: ratings go from 0.5 to 5.0 in half stars, in '1,1,0.0,964982703'");
    }

    @Test
    void ratingOffTheHalfStarGrid() throws Exception {
        DataFormatException e = failure("1,1,3.25,964982703\n");
        assertMessage(e, 2, "rating '3.25' is not a rating from 0.5 to 5.0 in half stars in '1,1,3.25,964982703'");
    }

    @Test
    void ratingThatIsNotANumber() throws Exception {
        DataFormatException e = failure("1,1,good,964982703\n");
        assertMessage(e, 2, "rating 'good' is not a number in '1,1,good,964982703'");
    }

    @Test
    void badTimestamp() throws Exception {
        DataFormatException e = failure("1,1,4.0,2021-01-01\n");
        assertMessage(e, 2, "timestamp '2021-01-01' is not whole seconds since 1970 (0 to 4294967295) in '1,1,4.0,2021-01-01'");
    }

    @Test
    void timestampBeyond32Bits() throws Exception {
        DataFormatException e = failure("1,1,4.0,4294967296\n");
        assertMessage(e, 2, "timestamp '4294967296' is not whole seconds since 1970 (0 to 4294967295) in '1,1,4.0,4294967296'");
    }

    @Test
    void lastLineWithoutNewlineIsCheckedToo() throws Exception {
        DataFormatException e = failure("1,1,4.0,964982703\n1,2,4.0,x");
        assertMessage(e, 3, "timestamp 'x' is not whole seconds since 1970 (0 to 4294967295) in '1,2,4.0,x'");
    }

    @Test
    void skippingCountsBadLinesAndKeepsTheRest() throws Exception {
        csvRelease(dir, "1,1,4.0,964982703\n1,2,9,964982703\nbad\n2,1,3.5,964982703\n");
        Dataset dataset = load(dir, SKIP_NO_CACHE);
        assertEquals(2, dataset.ratings().ratingCount());
        assertEquals(2, dataset.report().skippedLines());
        assertTrue(dataset.report().warnings().stream().anyMatch(w -> w.contains("ratings.csv:3: rating '9'")),
                dataset.report().warnings().toString());
        assertTrue(dataset.report().warnings().stream().anyMatch(w -> w.contains("ratings.csv:4: expected 4 fields")),
                dataset.report().warnings().toString());
    }

    @Test
    void lineNumbersAreExactAcrossParallelChunks() throws Exception {
        // about 24 MB, so the file is parsed as several chunks; the bad line sits in the last one
        int good = 1_000_000;
        StringBuilder lines = new StringBuilder(good * 24);
        for (int i = 0; i < good; i++) {
            lines.append(i % 5000 + 1).append(',').append(i / 5000 + 1).append(",4.5,1100000000\n");
        }
        lines.append("7,8,4.5,oops\n");
        DataFormatException e = failure(lines.toString());
        assertMessage(e, good + 2, "timestamp 'oops' is not whole seconds since 1970 (0 to 4294967295) in '7,8,4.5,oops'");
    }

    @Test
    void firstBadLineOfTheFileWinsOverLaterChunks() throws Exception {
        int good = 1_000_000;
        StringBuilder lines = new StringBuilder(good * 24);
        lines.append("1,1,4.5,1100000000\n1,2,x,1100000000\n");
        for (int i = 0; i < good; i++) {
            lines.append(i % 5000 + 1).append(',').append(i / 5000 + 3).append(",4.5,1100000000\n");
        }
        lines.append("7,8,4.5,oops\n");
        DataFormatException e = failure(lines.toString());
        assertMessage(e, 3, "rating 'x' is not a number in '1,2,x,1100000000'");
    }

    @Test
    void duplicatesKeepTheLaterTimestampAndAreCounted() throws Exception {
        csvRelease(dir, "1,1,2.0,200\n1,1,5.0,100\n1,2,1.0,50\n1,2,3.0,50\n2,1,4.0,10\n");
        Dataset dataset = load(dir, STRICT_NO_CACHE);
        RatingMatrix m = dataset.ratings();
        assertEquals(3, m.ratingCount());
        assertEquals(2, dataset.report().duplicates());
        assertEquals(2.0f, m.rating(m.users().indexOf(1), m.movies().indexOf(1)), "later timestamp wins");
        assertEquals(3.0f, m.rating(m.users().indexOf(1), m.movies().indexOf(2)), "equal timestamps: later line wins");
        int at = Arrays.binarySearch(m.columnIndices(), m.rowStart(0), m.rowEnd(0), m.movies().indexOf(1));
        assertEquals(200, m.timestampAt(at));
    }

    @Test
    void missingMoviesFileFallsBackToPlaceholderTitles() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,10,4.0,5\n1,20,3.0,6\n");
        Dataset dataset = load(dir, STRICT_NO_CACHE);
        assertEquals("Movie 10", dataset.movie(10).title());
        assertEquals("Movie 20", dataset.movieOfColumn(1).title());
        assertTrue(dataset.report().warnings().get(0).startsWith("no movies file (movies.csv)"));
    }

    @Test
    void ratingForAMovieMissingFromTheMoviesFileIsKept() throws Exception {
        csvRelease(dir, "1,1,4.0,5\n1,99,3.0,6\n");
        Dataset dataset = load(dir, STRICT_NO_CACHE);
        assertEquals(2, dataset.ratings().ratingCount());
        assertEquals("Movie 99", dataset.movie(99).title());
        assertEquals("Jumanji", dataset.movie(2).title(), "listed but unrated movies stay listed");
        assertEquals(3, dataset.movies().size());
    }

    @Test
    void emptyRatingsFile() throws Exception {
        write(dir.resolve("ratings.csv"), "");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir.resolve("ratings.csv") + ": the ratings file is empty", e.getMessage());
    }

    @Test
    void headerOnlyRatingsFile() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\r\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir.resolve("ratings.csv") + ": no ratings in the file (only a header or blank lines)", e.getMessage());
    }

    @Test
    void badMoviesLineNamesTheMoviesFile() throws Exception {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n1,1,4.0,5\n");
        write(dir.resolve("movies.csv"), "movieId,title,genres\n1,\"Unclosed (1995),Drama\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir.resolve("movies.csv") + ":2: a quoted field is not closed in '1,\"Unclosed (1995),Drama'",
                e.getMessage());
    }

    @Test
    void unknownLayoutListsWhatWasFound() throws Exception {
        write(dir.resolve("notes.txt"), "hello");
        write(dir.resolve("data.json"), "{}");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(dir, STRICT_NO_CACHE));
        assertEquals(dir + ": unknown layout: no ratings file (ratings.csv, ratings.dat or u.data) here or in one "
                + "sub-folder; found data.json, notes.txt", e.getMessage());
    }

    @Test
    void missingSource() {
        Path nowhere = dir.resolve("nowhere");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(nowhere, STRICT_NO_CACHE));
        assertEquals(nowhere + ": no such file or folder", e.getMessage());
    }

    @Test
    void zipWithoutRatingsFile() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-x/movies.csv", "movieId,title,genres\n");
        entries.put("ml-x/README.txt", "hi");
        Path zip = LoaderTestFiles.zip(dir.resolve("ml-x.zip"), entries);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + ": the zip holds no ratings file (ratings.csv, ratings.dat or u.data); it holds "
                + "ml-x/README.txt, ml-x/movies.csv", e.getMessage());
    }

    @Test
    void truncatedZip() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-x/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,5\n".repeat(50));
        Path zip = LoaderTestFiles.zip(dir.resolve("ml-x.zip"), entries);
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(bytes, bytes.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertTrue(e.getMessage().startsWith(zip + ": not a readable zip archive (truncated or corrupt download?)"),
                e.getMessage());
    }

    @Test
    void zipBadLineIsNamedInsideTheArchive() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-x/ratings.csv", "userId,movieId,rating,timestamp\n1,1,4.0,5\n1,2,4.0\n");
        Path zip = LoaderTestFiles.zip(dir.resolve("ml-x.zip"), entries);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/ratings.csv:3: expected 4 fields (userId,movieId,rating,timestamp) but found 3 "
                + "in '1,2,4.0'", e.getMessage());
    }

    @Test
    void aFailedLoadLeavesTheEarlierDatasetAsItWas() throws Exception {
        Path good = csvRelease(dir.resolve("good"), "1,1,4.0,5\n2,2,3.0,6\n");
        Dataset before = load(good, STRICT_NO_CACHE);
        int[] columns = before.ratings().columnIndices().clone();
        Path bad = csvRelease(dir.resolve("bad"), "1,1,4.0,5\n2,2,3.0\n");
        assertThrows(DataFormatException.class, () -> load(bad, STRICT_NO_CACHE));
        assertEquals(2, before.ratings().ratingCount());
        assertEquals(Arrays.toString(columns), Arrays.toString(before.ratings().columnIndices()));
    }
}
