package org.encore.data;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The byte-level fast path against a plain String-based reading of the same rules, on random lines that are
 * valid or broken in every field, for each delimiter, cut into buffers at random places.
 */
class RatingsParserTest {
    private static final String[] IDS = {"1", "42", "610", "292757", "2147483647", "2147483648", "99999999999", "",
            "x", "-1", "12a", "007"};
    private static final String[] RATINGS = {"4.0", "3.5", "5", "0.5", "5.0", "4.50", "1.", "0.0", "5.5", "3.25", "10",
            "4.05", "", "a", "2.5", "1.0"};
    private static final String[] TIMES = {"964982703", "1493846415", "0", "4294967295", "4294967296", "12345678",
            "123456789012", "", "17x", "99", "1234567890"};

    /** The reference: split the line and check each field with BigDecimal and Long. */
    private static long[] reference(String line, String delimiter) {
        if (line.isEmpty()) {
            return null;
        }
        String[] f = line.split(java.util.regex.Pattern.quote(delimiter), -1);
        if (f.length != 4) {
            return null;
        }
        long[] out = new long[4];
        for (int i = 0; i < 2; i++) {
            if (!f[i].matches("\\d{1,10}") || Long.parseLong(f[i]) > Integer.MAX_VALUE) {
                return null;
            }
            out[i] = Long.parseLong(f[i]);
        }
        if (!f[2].matches("\\d{1,2}(\\.\\d+)?")) {
            return null;
        }
        BigDecimal doubled = new BigDecimal(f[2]).multiply(BigDecimal.valueOf(2));
        if (doubled.stripTrailingZeros().scale() > 0 || doubled.compareTo(BigDecimal.ONE) < 0
                || doubled.compareTo(BigDecimal.TEN) > 0) {
            return null;
        }
        out[2] = doubled.intValueExact();
        if (!f[3].matches("\\d{1,10}") || Long.parseLong(f[3]) > 0xFFFF_FFFFL) {
            return null;
        }
        out[3] = Long.parseLong(f[3]);
        return out;
    }

    @Test
    void fastPathAgreesWithTheReferenceOnRandomLines() {
        for (RatingsParser.Delimiter delimiter : RatingsParser.Delimiter.values()) {
            Random random = new Random(delimiter.ordinal() + 1);
            List<long[]> expected = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            long bad = 0;
            for (int i = 0; i < 20_000; i++) {
                String line;
                if (random.nextInt(4) > 0) {
                    line = pick(random, IDS, 5) + delimiter.text + pick(random, IDS, 5) + delimiter.text
                            + pick(random, RATINGS, 16) + delimiter.text + pick(random, TIMES, 3);
                } else {
                    line = pick(random, IDS, 12) + delimiter.text + pick(random, IDS, 12) + delimiter.text
                            + pick(random, RATINGS, 16) + delimiter.text + pick(random, TIMES, 11)
                            + (random.nextInt(10) == 0 ? delimiter.text + "1" : "");
                }
                if (random.nextInt(50) == 0) {
                    line = line.replace(delimiter.text, random.nextBoolean() ? "," : ";");
                }
                long[] record = reference(line, delimiter.text);
                if (record != null) {
                    expected.add(record);
                } else if (!line.isEmpty()) {
                    bad++;
                }
                text.append(line).append(random.nextInt(3) == 0 ? "\r\n" : "\n");
            }
            RatingsParser parser = new RatingsParser(delimiter, true, false);
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            // feed it in random pieces that end at line ends, as the reader does
            int from = 0;
            while (from < bytes.length) {
                int end = Math.min(bytes.length, from + 1 + random.nextInt(4096));
                while (bytes[end - 1] != '\n') {
                    end++;
                }
                byte[] piece = java.util.Arrays.copyOfRange(bytes, from, end);
                parser.parse(piece, 0, piece.length);
                from = end;
            }
            RatingColumns records = parser.records();
            assertEquals(expected.size(), records.size(), delimiter + " records");
            assertEquals(bad, parser.skipped(), delimiter + " skipped");
            for (int i = 0; i < expected.size(); i++) {
                int block = i >> RatingColumns.BLOCK_BITS;
                int at = i & (RatingColumns.BLOCK_SIZE - 1);
                long[] e = expected.get(i);
                String where = delimiter + " record " + i;
                assertEquals(e[0], records.userBlock(block)[at], where);
                assertEquals(e[1], records.movieBlock(block)[at], where);
                assertEquals(e[2], records.halfStarBlock(block)[at], where);
                assertEquals(e[3], Integer.toUnsignedLong(records.timeBlock(block)[at]), where);
            }
        }
    }

    private static String pick(Random random, String[] values, int bound) {
        return values[random.nextInt(Math.min(bound, values.length))];
    }

    @Test
    void diagnosisNamesTheFieldForEachDelimiter() {
        assertEquals("MovieID 'x' is not a whole number from 0 to 2147483647 in '1::x::5::978300760'",
                RatingsParser.diagnose("1::x::5::978300760", RatingsParser.Delimiter.DOUBLE_COLON));
        assertEquals("rating '6' is out of range: ratings go from 0.5 to 5.0 in half stars, in '1\t2\t6\t881250949'",
                RatingsParser.diagnose("1\t2\t6\t881250949", RatingsParser.Delimiter.TAB));
    }
}
