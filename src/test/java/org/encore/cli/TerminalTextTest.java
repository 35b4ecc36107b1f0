package org.encore.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text from the user's files reaches the terminal with its control characters shown, never acted on. */
class TerminalTextTest {
    private static final String RED = "\u001b[31m";

    @Test
    void controlCharactersAreWrittenAsEscapesAndTheRestIsKept() {
        assertEquals("Amélie \\x1B[31mred\\x1B[0m (2001)", TerminalText.escape("Amélie " + RED + "red\u001b[0m (2001)"));
        assertEquals("bell\\x07 del\\x7F csi\\x9B", TerminalText.escape("bell\u0007 del\u007f csi\u009b"));
        assertEquals("two\nlines\tand a tab", TerminalText.escape("two\nlines\tand a tab"));
        assertEquals("cr\\x0D", TerminalText.escape("cr\r"));
    }

    private static Path release(Path dir) throws Exception {
        StringBuilder ratings = new StringBuilder("userId,movieId,rating,timestamp\n1,1,5.0,10\n");
        for (int user = 2; user <= 6; user++) {
            ratings.append(user).append(",1,4.0,10\n").append(user).append(",2,5.0,11\n").append(user).append(",3,3.0,12\n");
        }
        Files.writeString(dir.resolve("ratings.csv"), ratings);
        Files.writeString(dir.resolve("movies.csv"), "movieId,title,genres\n1," + RED + "Red Alert (1999),Drama\n"
                + "2,Bell\u0007 (2000),Comedy|" + RED + "Noir\n3,Plain (2001),Drama\n", StandardCharsets.UTF_8);
        return dir;
    }

    @Test
    void recommendPrintsTitlesWithTheirControlCharactersEscaped(@TempDir Path dir) throws Exception {
        CliRun.Result r = CliRun.run("recommend", "--data", release(dir).toString(), "--model", "popular", "--user", "1",
                "--top", "2");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("\\x1B[31mRed Alert"), r.out());
        assertTrue(r.out().contains("Bell\\x07"), r.out());
        assertTrue(r.out().contains("\\x1B[31mNoir"), r.out());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), r.out());
    }

    @Test
    void errorMessagesQuotingTheFileAreEscaped(@TempDir Path dir) throws Exception {
        release(dir);
        Files.writeString(dir.resolve("movies.csv"), "movieId,title,genres\nx" + RED + ",Bad,Drama\n");
        CliRun.Result r = CliRun.run("stats", "--data", dir.toString());
        assertEquals(1, r.status(), r.err());
        assertTrue(r.err().contains("movieId 'x\\x1B[31m' is not a whole number"), r.err());
        assertFalse(r.err().contains("\u001b"), r.err());
    }
}
