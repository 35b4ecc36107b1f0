package org.encore.data;

import java.nio.charset.StandardCharsets;

/**
 * The first bytes of a text input file (ratings, movies), looked at once before it is parsed: MovieLens files are
 * UTF-8 (or Latin-1 for the old releases) with LF or CRLF line endings, and a file saved otherwise is refused here
 * with what it is and what to do, rather than failing later as a bad number on every line. UTF-16 and UTF-32 are
 * recognised by their byte-order mark (Unicode 15, section 23.8) or, without one, by NUL bytes in the head (ASCII
 * text in UTF-16 has a NUL in every other byte); CR-only line endings by the first line's end. A UTF-8
 * byte-order mark is allowed and passed over.
 */
record TextHead(int bomLength, String firstLine) {
    /** How much of a file is looked at. */
    static final int HEAD_BYTES = 64 << 10;

    /**
     * Checks the head of a file ({@code head[0, length)}, its first bytes, the whole file when short).
     *
     * @throws DataFormatException for UTF-16/32 text or CR-only line endings, naming {@code displayName}
     */
    static TextHead check(byte[] head, int length, String displayName) throws DataFormatException {
        String unicode = unicodeForm(head, length);
        if (unicode != null) {
            throw new DataFormatException(displayName, 0, "the file is " + unicode + "; " + unicode.split(" ")[0]
                    + " is not supported; save it as UTF-8");
        }
        int bom = length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = bom;
        while (end < length && head[end] != '\n' && head[end] != '\r') {
            end++;
        }
        if (end + 1 < length && head[end] == '\r' && head[end + 1] != '\n') {
            throw new DataFormatException(displayName, 0, "its lines end with a carriage return only (CR, the old Mac "
                    + "line ending); save it with LF or CRLF line endings");
        }
        return new TextHead(bom, new String(head, bom, end - bom, StandardCharsets.UTF_8));
    }

    static TextHead check(byte[] whole, String displayName) throws DataFormatException {
        return check(whole, Math.min(whole.length, HEAD_BYTES), displayName);
    }

    /** "UTF-16 (little-endian, with a byte-order mark)" and the like; null for text that is not UTF-16/32. */
    private static String unicodeForm(byte[] b, int length) {
        int b0 = length > 0 ? b[0] & 0xFF : -1;
        int b1 = length > 1 ? b[1] & 0xFF : -1;
        boolean zeroPair = length > 3 && b[2] == 0 && b[3] == 0;
        if (b0 == 0xFF && b1 == 0xFE) {
            return zeroPair ? "UTF-32 (little-endian, with a byte-order mark)" : "UTF-16 (little-endian, with a byte-order mark)";
        }
        if (b0 == 0 && b1 == 0 && length > 3 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
            return "UTF-32 (big-endian, with a byte-order mark)";
        }
        if (b0 == 0xFE && b1 == 0xFF) {
            return "UTF-16 (big-endian, with a byte-order mark)";
        }
        int nuls = 0;
        for (int i = 0; i < length; i++) {
            if (b[i] == 0) {
                nuls++;
            }
        }
        if (length >= 2 && nuls * 4 >= length) {
            return nuls * 4 >= length * 3 - 4 ? "UTF-32 (NUL bytes between the characters)"
                    : "UTF-16 (NUL bytes between the characters)";
        }
        return null;
    }
}
