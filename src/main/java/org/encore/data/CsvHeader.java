package org.encore.data;

import java.util.List;
import java.util.Locale;

/**
 * The header line of a MovieLens CSV file ({@code userId,movieId,rating,timestamp}, {@code movieId,title,genres}):
 * read, not just passed over. The first line is a header when it starts with a letter or a quote (a data line
 * starts with an id); its names must be MovieLens's, in any order and any case, and give the position of each
 * column in the file. A file without a header has the columns in MovieLens's order, as before.
 */
final class CsvHeader {
    static final List<String> RATINGS = List.of("userId", "movieId", "rating", "timestamp");
    static final List<String> MOVIES = List.of("movieId", "title", "genres");

    private CsvHeader() {
    }

    static boolean isHeader(String firstLine) {
        return !firstLine.isEmpty() && (Character.isLetter(firstLine.charAt(0)) || firstLine.charAt(0) == '"');
    }

    /**
     * For each expected column, its position in the file (so {@code order[0]} is where userId is); null when the
     * file has no header.
     *
     * @throws DataFormatException line 1 of {@code displayName}: the header names other columns
     */
    static int[] columnOrder(String firstLine, List<String> expected, String displayName) throws DataFormatException {
        if (!isHeader(firstLine)) {
            return null;
        }
        List<String> names;
        try {
            names = MoviesReader.splitCsv(firstLine);
        } catch (IllegalArgumentException e) {
            names = List.of();
        }
        int[] order = new int[expected.size()];
        boolean matches = names.size() == expected.size();
        for (int k = 0; k < expected.size() && matches; k++) {
            order[k] = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).strip().toLowerCase(Locale.ROOT).equals(expected.get(k).toLowerCase(Locale.ROOT))) {
                    order[k] = i;
                }
            }
            matches = order[k] >= 0;
        }
        if (!matches) {
            throw new DataFormatException(displayName, 1, "the header " + RatingsParser.quote(firstLine)
                    + " does not name MovieLens's columns: expected " + String.join(",", expected)
                    + " (in any order, any case), or no header at all");
        }
        return order;
    }

    /** Whether the columns are in MovieLens's order (nothing to rearrange). */
    static boolean inOrder(int[] order) {
        for (int k = 0; order != null && k < order.length; k++) {
            if (order[k] != k) {
                return false;
            }
        }
        return true;
    }
}
