package org.encore.data;

import java.util.Arrays;

/**
 * Users x movies ratings in compressed sparse row form. Row r holds user {@code userIds[r]}; column c is
 * movie {@code movieIds[c]}. The entries of row r are at positions {@code rowPointers[r] ..
 * rowPointers[r+1]-1} of {@code columnIndices}, {@code ratings} and {@code timestamps}, sorted by column.
 * No dense users x movies array is ever built from this: callers densify one mini-batch at a time.
 * <p>
 * Timestamps are kept as unsigned 32-bit seconds since 1970 (good until 2106): at ml-32m's 32 million ratings
 * that saves 128 MB against {@code long}, which the 1.5 GB load budget needs.
 */
public final class RatingMatrix {
    private final int[] rowPointers;
    private final int[] columnIndices;
    private final float[] ratings;
    private final int[] timestamps;
    private final IdIndex users;
    private final IdIndex movies;

    /** @param timestamps seconds since 1970, each in 0..4294967295 (stored as unsigned 32-bit) */
    public RatingMatrix(int[] rowPointers, int[] columnIndices, float[] ratings, long[] timestamps,
                        IdIndex users, IdIndex movies) {
        this(rowPointers, columnIndices, ratings, toUnsignedSeconds(timestamps), users, movies);
    }

    /**
     * @param timestampSeconds seconds since 1970 as unsigned 32-bit ints ({@link Integer#toUnsignedLong}); the
     *                         array is kept, not copied
     */
    public RatingMatrix(int[] rowPointers, int[] columnIndices, float[] ratings, int[] timestampSeconds,
                        IdIndex users, IdIndex movies) {
        int[] timestamps = timestampSeconds;
        if (rowPointers.length != users.size() + 1) {
            throw new IllegalArgumentException("rowPointers must have users+1 entries");
        }
        int nnz = rowPointers[users.size()];
        if (columnIndices.length != nnz || ratings.length != nnz || timestamps.length != nnz) {
            throw new IllegalArgumentException("CSR arrays disagree on the number of ratings");
        }
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
        this.ratings = ratings;
        this.timestamps = timestamps;
        this.users = users;
        this.movies = movies;
    }

    public int userCount() {
        return users.size();
    }

    public int movieCount() {
        return movies.size();
    }

    public int ratingCount() {
        return rowPointers[users.size()];
    }

    public double density() {
        return userCount() == 0 || movieCount() == 0 ? 0 : (double) ratingCount() / ((double) userCount() * movieCount());
    }

    public IdIndex users() {
        return users;
    }

    public IdIndex movies() {
        return movies;
    }

    /** First position of row {@code row} in the entry arrays. */
    public int rowStart(int row) {
        return rowPointers[row];
    }

    /** One past the last position of row {@code row}. */
    public int rowEnd(int row) {
        return rowPointers[row + 1];
    }

    public int rowLength(int row) {
        return rowPointers[row + 1] - rowPointers[row];
    }

    public int columnAt(int position) {
        return columnIndices[position];
    }

    public float ratingAt(int position) {
        return ratings[position];
    }

    public long timestampAt(int position) {
        return Integer.toUnsignedLong(timestamps[position]);
    }

    /** The rating of (row, column), or 0 when the user did not rate the movie. */
    public float rating(int row, int column) {
        int at = Arrays.binarySearch(columnIndices, rowPointers[row], rowPointers[row + 1], column);
        return at >= 0 ? ratings[at] : 0f;
    }

    /** Raw CSR arrays, shared not copied: callers must not modify them. */
    public int[] rowPointers() {
        return rowPointers;
    }

    public int[] columnIndices() {
        return columnIndices;
    }

    public float[] ratings() {
        return ratings;
    }

    /** Timestamps widened to {@code long}: a new array (8 bytes per rating) on every call. */
    public long[] timestamps() {
        long[] wide = new long[timestamps.length];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = Integer.toUnsignedLong(timestamps[i]);
        }
        return wide;
    }

    /** Raw timestamps as unsigned 32-bit seconds, shared not copied: callers must not modify them. */
    public int[] timestampSeconds() {
        return timestamps;
    }

    private static int[] toUnsignedSeconds(long[] timestamps) {
        int[] narrow = new int[timestamps.length];
        for (int i = 0; i < narrow.length; i++) {
            if (timestamps[i] < 0 || timestamps[i] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("timestamp " + timestamps[i] + " at position " + i
                        + " is outside 0..4294967295 seconds since 1970");
            }
            narrow[i] = (int) timestamps[i];
        }
        return narrow;
    }

    /**
     * Writes the scaled rows {@code rows} densely into {@code out} (row-major, rows.length x movieCount),
     * clearing it first. {@code scale} multiplies each rating (e.g. 1/5 for the reference's rating/5).
     */
    public void densify(int[] rows, float scale, float[] out) {
        densify(rows, scale, out, 0);
    }

    /** As {@link #densify(int[], float, float[])}, writing (and clearing) from {@code out[offset]} on. */
    public void densify(int[] rows, float scale, float[] out, int offset) {
        int width = movieCount();
        if (offset < 0 || out.length - offset < (long) rows.length * width) {
            throw new IllegalArgumentException("output buffer too small");
        }
        Arrays.fill(out, offset, offset + rows.length * width, 0f);
        for (int i = 0; i < rows.length; i++) {
            int base = offset + i * width;
            for (int p = rowPointers[rows[i]], end = rowPointers[rows[i] + 1]; p < end; p++) {
                out[base + columnIndices[p]] = ratings[p] * scale;
            }
        }
    }
}
