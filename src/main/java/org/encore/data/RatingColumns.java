package org.encore.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsed rating records in file order, column-wise in fixed-size primitive blocks. Blocks (rather than one
 * growing array) mean no copying as the file grows and no guess of the row count up front; a block can be
 * released as soon as it has been consumed, which lowers the peak heap while the CSR matrix is built.
 */
final class RatingColumns {
    static final int BLOCK_BITS = 20;
    static final int BLOCK_SIZE = 1 << BLOCK_BITS;

    private final List<int[]> userBlocks = new ArrayList<>();
    private final List<int[]> movieBlocks = new ArrayList<>();
    private final List<byte[]> halfStarBlocks = new ArrayList<>();
    private final List<int[]> timeBlocks = new ArrayList<>();
    private int[] users;
    private int[] movies;
    private byte[] halfStars;
    private int[] times;
    private int fill = BLOCK_SIZE;
    private long size;
    private int maxUserId = -1;
    private int maxMovieId = -1;

    /** Appends one record; {@code halfStars} is the rating times two (1..10), {@code seconds} unsigned. */
    void add(int userId, int movieId, int halfStarRating, int seconds) {
        if (fill == BLOCK_SIZE) {
            startBlock();
        }
        users[fill] = userId;
        movies[fill] = movieId;
        halfStars[fill] = (byte) halfStarRating;
        times[fill] = seconds;
        commit(fill + 1, userId, movieId);
    }

    /*
     * Bulk appending, for the parser's inner loop: it copies the current block and fill into locals, writes
     * records straight into the block arrays, and commits the new fill (and its largest ids) when the block is
     * full or the buffer ends. Keeping these in registers instead of fields is a measurable share of parse time.
     */

    /** Whether the current block has no room left (or there is none yet). */
    boolean blockFull() {
        return fill == BLOCK_SIZE;
    }

    /** Starts a new, empty block; call when {@link #blockFull()}. */
    void startBlock() {
        users = new int[BLOCK_SIZE];
        movies = new int[BLOCK_SIZE];
        halfStars = new byte[BLOCK_SIZE];
        times = new int[BLOCK_SIZE];
        userBlocks.add(users);
        movieBlocks.add(movies);
        halfStarBlocks.add(halfStars);
        timeBlocks.add(times);
        fill = 0;
    }

    int[] currentUsers() {
        return users;
    }

    int[] currentMovies() {
        return movies;
    }

    byte[] currentHalfStars() {
        return halfStars;
    }

    int[] currentTimes() {
        return times;
    }

    int fill() {
        return fill;
    }

    /** Records that the current block now holds {@code newFill} records, with ids up to the given ones. */
    void commit(int newFill, int maxUser, int maxMovie) {
        size += newFill - fill;
        fill = newFill;
        if (maxUser > maxUserId) {
            maxUserId = maxUser;
        }
        if (maxMovie > maxMovieId) {
            maxMovieId = maxMovie;
        }
    }

    long size() {
        return size;
    }

    int blockCount() {
        return userBlocks.size();
    }

    /** Number of records in block {@code b}. */
    int blockLength(int b) {
        return b < userBlocks.size() - 1 ? BLOCK_SIZE : fill;
    }

    int[] userBlock(int b) {
        return userBlocks.get(b);
    }

    int[] movieBlock(int b) {
        return movieBlocks.get(b);
    }

    byte[] halfStarBlock(int b) {
        return halfStarBlocks.get(b);
    }

    int[] timeBlock(int b) {
        return timeBlocks.get(b);
    }

    /** Drops block {@code b} so that the garbage collector can take it; it must not be read again. */
    void release(int b) {
        userBlocks.set(b, null);
        movieBlocks.set(b, null);
        halfStarBlocks.set(b, null);
        timeBlocks.set(b, null);
        if (b == userBlocks.size() - 1) {
            users = null;
            movies = null;
            halfStars = null;
            times = null;
        }
    }

    int maxUserId() {
        return maxUserId;
    }

    int maxMovieId() {
        return maxMovieId;
    }
}
