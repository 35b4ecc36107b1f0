package org.encore.data;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses rating lines ({@code user, movie, rating, timestamp} with one of the MovieLens delimiters) straight from
 * bytes into {@link RatingColumns}: no String per line, which is what makes an 890 MB file load in seconds.
 * One instance parses one contiguous piece of a file (a chunk), so several can run in parallel; line numbers
 * are counted locally and offset by the caller.
 * <p>
 * The fast path only decides whether a line is valid. A line it rejects is decoded and looked at again by
 * {@link #diagnose}, which applies the same rules to produce the message naming the offending field.
 */
final class RatingsParser {

    /** How the fields of a ratings line are separated. */
    enum Delimiter {
        COMMA(",", "userId,movieId,rating,timestamp"),
        DOUBLE_COLON("::", "UserID::MovieID::Rating::Timestamp"),
        TAB("\t", "user id, item id, rating, timestamp separated by tabs");

        final String text;
        final String expected;
        final String[] fieldNames;

        Delimiter(String text, String expected) {
            this.text = text;
            this.expected = expected;
            this.fieldNames = text.equals(",")
                    ? new String[] {"userId", "movieId", "rating", "timestamp"}
                    : text.equals("::")
                    ? new String[] {"UserID", "MovieID", "Rating", "Timestamp"}
                    : new String[] {"user id", "item id", "rating", "timestamp"};
        }
    }

    /** A bad line: its line number within the chunk (1-based) and what is wrong with it. */
    record BadLine(long localLine, String message) {
    }

    static final int MAX_REMEMBERED_BAD_LINES = 5;
    private static final int MAX_QUOTED_CHARS = 200;
    private static final long MAX_SECONDS = 0xFFFF_FFFFL;

    private final Delimiter delimiter;
    private final boolean skipBadLines;
    private final boolean hasHeader;
    private final RatingColumns out = new RatingColumns();
    private final List<BadLine> badLines = new ArrayList<>();
    private long lines;
    private long skipped;
    private boolean stopped;

    /**
     * @param hasHeader whether the first line of this chunk is a header to pass over (checked by {@link CsvHeader})
     */
    RatingsParser(Delimiter delimiter, boolean skipBadLines, boolean hasHeader) {
        this.delimiter = delimiter;
        this.skipBadLines = skipBadLines;
        this.hasHeader = hasHeader;
    }

    RatingColumns records() {
        return out;
    }

    /** Lines seen so far in this chunk (including header, blank and skipped lines). */
    long lines() {
        return lines;
    }

    long skipped() {
        return skipped;
    }

    /** The first few bad lines (all of them skipped, or the one that stopped the chunk). */
    List<BadLine> badLines() {
        return badLines;
    }

    /** Whether a bad line stopped this chunk (only when bad lines are not skipped). */
    boolean stopped() {
        return stopped;
    }

    /**
     * Parses the lines of {@code b[from, limit)}, each of which must end with {@code '\n'} (so the fast path never
     * needs a bounds test of its own: every scan stops at the newline at the latest).
     *
     * @return false when a bad line stopped the chunk
     */
    boolean parse(byte[] b, int from, int limit) {
        int p = from;
        while (p < limit) {
            if (out.blockFull()) {
                out.startBlock();
            }
            p = parseIntoBlock(b, p, limit);
            if (p < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The hot loop: parses lines into the current block until the lines or the block's room run out (a loop exit
     * rather than a rarely taken branch inside, which would make the JIT compile this method again when first
     * taken). Returns where it stopped, or -1 when a bad line stopped the chunk.
     */
    private int parseIntoBlock(byte[] b, int from, int limit) {
        final boolean colons = delimiter == Delimiter.DOUBLE_COLON;
        final byte sep = (byte) delimiter.text.charAt(0);
        final RatingColumns sink = out;
        int[] users = sink.currentUsers();
        int[] movies = sink.currentMovies();
        byte[] halfStars = sink.currentHalfStars();
        int[] times = sink.currentTimes();
        int fill = sink.fill();
        int maxUser = -1;
        int maxMovie = -1;
        long lineCount = lines;
        int p = from;
        while (p < limit && fill < RatingColumns.BLOCK_SIZE) {
            int lineStart = p;
            lineCount++;
            // user id
            long user = 0;
            int q = p;
            int c;
            while ((c = b[q] - '0') >= 0 && c <= 9) {
                user = user * 10 + c;
                q++;
            }
            int digits = q - p;
            if (digits == 0 || digits > 10 || user > Integer.MAX_VALUE || b[q] != sep || (colons && b[q + 1] != ':')) {
                lines = lineCount;
                p = slowLine(b, lineStart, limit);
                if (p < 0) {
                    sink.commit(fill, maxUser, maxMovie);
                    return -1;
                }
                continue;
            }
            q += colons ? 2 : 1;
            // movie id
            long movie = 0;
            p = q;
            while ((c = b[q] - '0') >= 0 && c <= 9) {
                movie = movie * 10 + c;
                q++;
            }
            digits = q - p;
            if (digits == 0 || digits > 10 || movie > Integer.MAX_VALUE || b[q] != sep || (colons && b[q + 1] != ':')) {
                lines = lineCount;
                p = slowLine(b, lineStart, limit);
                if (p < 0) {
                    sink.commit(fill, maxUser, maxMovie);
                    return -1;
                }
                continue;
            }
            q += colons ? 2 : 1;
            // rating: whole part, optional fraction whose first digit is 0 or 5 and the rest zeros
            int whole = 0;
            p = q;
            int halves = -1;
            c = b[q] - '0';
            // the usual "4.5": each test only reads on when the byte before was not the line's end
            if (c >= 0 && c <= 5 && b[q + 1] == '.' && (b[q + 2] == '0' || b[q + 2] == '5') && b[q + 3] == sep) {
                halves = c * 2 + (b[q + 2] == '5' ? 1 : 0);
                q += 3;
            } else {
                while ((c = b[q] - '0') >= 0 && c <= 9) {
                    whole = whole * 10 + c;
                    q++;
                    if (q - p > 2) {
                        break;
                    }
                }
            }
            if (halves < 0 && q > p && q - p <= 2) {
                halves = whole * 2;
                if (b[q] == '.') {
                    q++;
                    c = b[q] - '0';
                    if (c == 5) {
                        halves++;
                        q++;
                    } else if (c == 0) {
                        q++;
                    } else {
                        halves = -1;
                    }
                    while (b[q] == '0') {
                        q++;
                    }
                }
            }
            if (halves < 1 || halves > 10 || b[q] != sep || (colons && b[q + 1] != ':')) {
                lines = lineCount;
                p = slowLine(b, lineStart, limit);
                if (p < 0) {
                    sink.commit(fill, maxUser, maxMovie);
                    return -1;
                }
                continue;
            }
            q += colons ? 2 : 1;
            // timestamp: seconds since 1970, unsigned 32-bit; eight digits at a time when they are there
            long seconds = 0;
            p = q;
            if (q + 8 <= b.length) {
                long word = (long) LITTLE_ENDIAN_LONG.get(b, q);
                if (isEightDigits(word)) {
                    seconds = eightDigits(word);
                    q += 8;
                }
            }
            while ((c = b[q] - '0') >= 0 && c <= 9) {
                seconds = seconds * 10 + c;
                q++;
            }
            digits = q - p;
            if (b[q] == '\r') {
                q++;
            }
            if (digits == 0 || digits > 10 || seconds > MAX_SECONDS || b[q] != '\n') {
                lines = lineCount;
                p = slowLine(b, lineStart, limit);
                if (p < 0) {
                    sink.commit(fill, maxUser, maxMovie);
                    return -1;
                }
                continue;
            }
            users[fill] = (int) user;
            movies[fill] = (int) movie;
            halfStars[fill] = (byte) halves;
            times[fill] = (int) seconds;
            fill++;
            if (user > maxUser) {
                maxUser = (int) user;
            }
            if (movie > maxMovie) {
                maxMovie = (int) movie;
            }
            p = q + 1;
        }
        lines = lineCount;
        sink.commit(fill, maxUser, maxMovie);
        return p;
    }

    private static final VarHandle LITTLE_ENDIAN_LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** Whether all eight bytes of {@code word} (little-endian) are ASCII digits (SWAR test). */
    private static boolean isEightDigits(long word) {
        return ((word & 0xF0F0F0F0F0F0F0F0L) | (((word + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4))
                == 0x3333333333333333L;
    }

    /** The value of eight ASCII digits, the first in the lowest byte, in three multiply steps (SWAR). */
    private static long eightDigits(long word) {
        long v = word & 0x0F0F0F0F0F0F0F0FL;
        v = (v * (10 * 256 + 1)) >>> 8;
        v = ((v & 0x00FF00FF00FF00FFL) * (100 * 65536 + 1)) >>> 16;
        return ((v & 0x0000FFFF0000FFFFL) * (10000L * (1L << 32) + 1)) >>> 32;
    }

    /**
     * Handles a line the fast path rejected: blank lines and a header are passed over, a bad line is skipped or
     * stops the chunk. Returns the position after the line, or -1 when the chunk stops.
     */
    private int slowLine(byte[] b, int lineStart, int limit) {
        int newline = lineStart;
        while (newline < limit && b[newline] != '\n') {
            newline++;
        }
        int end = newline;
        if (end > lineStart && b[end - 1] == '\r') {
            end--;
        }
        int next = newline + 1;
        if (end == lineStart) {
            return next;
        }
        if (lines == 1 && hasHeader) {
            return next;
        }
        String text = new String(b, lineStart, end - lineStart, StandardCharsets.UTF_8);
        String message = diagnose(text, delimiter);
        if (badLines.size() < MAX_REMEMBERED_BAD_LINES) {
            badLines.add(new BadLine(lines, message));
        }
        if (skipBadLines) {
            skipped++;
            return next;
        }
        stopped = true;
        return -1;
    }

    /** Records that the next line does not fit in the read buffer and stops the chunk. */
    void lineTooLong(int bufferBytes) {
        badLines.add(new BadLine(lines + 1, "line is longer than " + bufferBytes + " bytes (not a ratings file?)"));
        stopped = true;
    }

    /** A decimal number, negative or not: anything else is "not a number", a number off the scale is out of range. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Says what is wrong with a line that the fast path rejected, field by field, with the same rules. */
    static String diagnose(String line, Delimiter delimiter) {
        String[] fields = line.split(Pattern.quote(delimiter.text), -1);
        String quoted = quote(line);
        String[] names = delimiter.fieldNames;
        if (fields.length != 4) {
            return "expected 4 fields (" + delimiter.expected + ") but found " + fields.length + " in " + quoted;
        }
        for (int i = 0; i < 2; i++) {
            if (!isId(fields[i])) {
                return names[i] + " " + quote(fields[i]) + " is not a whole number from 0 to " + Integer.MAX_VALUE
                        + " in " + quoted;
            }
        }
        String rating = fields[2];
        if (!NUMBER.matcher(rating).matches()) {
            return names[2] + " " + quote(rating) + " is not a number in " + quoted;
        }
        BigDecimal doubled = new BigDecimal(rating).multiply(BigDecimal.valueOf(2));
        if (doubled.compareTo(BigDecimal.ONE) < 0 || doubled.compareTo(BigDecimal.TEN) > 0) {
            return names[2] + " " + quote(rating) + " is out of range: ratings go from 0.5 to 5.0 in half stars, in "
                    + quoted;
        }
        if (doubled.stripTrailingZeros().scale() > 0) {
            return names[2] + " " + quote(rating) + " is not a rating from 0.5 to 5.0 in half stars in " + quoted;
        }
        String time = fields[3];
        if (time.isEmpty() || time.length() > 10 || !time.chars().allMatch(ch -> ch >= '0' && ch <= '9')
                || Long.parseLong(time) > MAX_SECONDS) {
            return names[3] + " " + quote(time) + " is not whole seconds since 1970 (0 to " + MAX_SECONDS + ") in "
                    + quoted;
        }
        return "malformed line " + quoted;
    }

    /** Whether {@code field} is a MovieLens id: digits only, 0 to Integer.MAX_VALUE. */
    static boolean isId(String field) {
        if (field.isEmpty() || field.length() > 10 || !field.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return false;
        }
        return Long.parseLong(field) <= Integer.MAX_VALUE;
    }

    static String quote(String text) {
        String shown = text.length() > MAX_QUOTED_CHARS ? text.substring(0, MAX_QUOTED_CHARS) + "..." : text;
        return "'" + shown + "'";
    }
}
