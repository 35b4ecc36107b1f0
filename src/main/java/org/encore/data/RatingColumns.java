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
        users[fill] = userId;
        movies[fill] = movieId;
        halfStars[fill] = (byte) halfStarRating;
        times[fill] = seconds;
        fill++;
        size++;
        if (userId > maxUserId) {
            maxUserId = userId;
        }
        if (movieId > maxMovieId) {
            maxMovieId = movieId;
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
