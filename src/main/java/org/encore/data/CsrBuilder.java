package org.encore.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds a {@link RatingMatrix} from parsed records without boxing: ids are mapped to dense indices through
 * arrays indexed by id (MovieLens ids are small ints), rows are laid out by a counting sort in file order, and
 * only rows that are not already sorted by column get a primitive sort. Parts are counted and scattered in
 * parallel, each into its own slice of every row, so the result is the same as a sequential build.
 */
public final class CsrBuilder {
    /** Ids up to this (or up to the number of ratings, when larger) are mapped through a dense array. */
    private static final int DENSE_ID_LIMIT = 1 << 24;
    private static final int MAX_ENTRIES = Integer.MAX_VALUE - 16;
    private static final float[] HALF_STARS = {0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f, 4.5f, 5f};

    private CsrBuilder() {
    }

    /** The matrix and how many repeated (user, movie) pairs were folded into one entry. */
    record Built(RatingMatrix matrix, long duplicates) {
    }

    /**
     * Builds CSR from the first {@code n} triples. A repeated (user, movie) pair keeps the entry with the later
     * timestamp (ties: the later line). Ratings must be MovieLens ratings: 0.5 to 5 in half stars.
     */
    public static RatingMatrix build(int[] userIds, int[] movieIds, float[] ratings, long[] timestamps, int n) {
        RatingColumns columns = new RatingColumns();
        for (int i = 0; i < n; i++) {
            float doubled = ratings[i] * 2f;
            if (doubled < 1f || doubled > 10f || doubled != Math.rint(doubled)) {
                throw new IllegalArgumentException("rating " + ratings[i] + " at position " + i
                        + " is not from 0.5 to 5.0 in half stars");
            }
            if (userIds[i] < 0 || movieIds[i] < 0) {
                throw new IllegalArgumentException("negative id at position " + i);
            }
            if (timestamps[i] < 0 || timestamps[i] > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("timestamp " + timestamps[i] + " at position " + i
                        + " is outside 0..4294967295 seconds since 1970");
            }
            columns.add(userIds[i], movieIds[i], (int) doubled, (int) timestamps[i]);
        }
        return build(List.of(columns), CancellationToken.none()).matrix();
    }

    /** Builds the matrix from the parts, in order; each part's blocks are released once consumed. */
    static Built build(List<RatingColumns> parts, CancellationToken cancel) {
        long total = 0;
        int maxUser = -1;
        int maxMovie = -1;
        for (RatingColumns part : parts) {
            total += part.size();
            maxUser = Math.max(maxUser, part.maxUserId());
            maxMovie = Math.max(maxMovie, part.maxMovieId());
        }
        if (total > MAX_ENTRIES) {
            throw new IllegalArgumentException(total + " ratings are more than one matrix holds (" + MAX_ENTRIES + ")");
        }
        int n = (int) total;
        int denseLimit = Math.max(DENSE_ID_LIMIT, n);
        int[] userIdOfKey = null;
        int[] movieIdOfKey = null;
        if (maxUser >= denseLimit) {
            userIdOfKey = remapToRanks(parts, true);
            maxUser = userIdOfKey.length - 1;
        }
        if (maxMovie >= denseLimit) {
            movieIdOfKey = remapToRanks(parts, false);
            maxMovie = movieIdOfKey.length - 1;
        }
        cancel.throwIfCancelled();

        // Pass 1: ratings per user id in each part, and which movie ids occur.
        int partCount = parts.size();
        int[][] slots = new int[partCount][maxUser + 1];
        boolean[] movieSeen = new boolean[maxMovie + 1];
        Parallel.forEach(partCount, k -> {
            RatingColumns part = parts.get(k);
            int[] count = slots[k];
            for (int b = 0; b < part.blockCount(); b++) {
                int[] users = part.userBlock(b);
                int[] movies = part.movieBlock(b);
                for (int i = 0, len = part.blockLength(b); i < len; i++) {
                    count[users[i]]++;
                    movieSeen[movies[i]] = true;
                }
            }
        });
        cancel.throwIfCancelled();

        // Rows in id order; each part's slice of a row starts where the previous part's ends (file order).
        int rows = 0;
        for (int id = 0; id <= maxUser; id++) {
            int sum = 0;
            for (int k = 0; k < partCount; k++) {
                sum += slots[k][id];
            }
            if (sum > 0) {
                rows++;
            }
        }
        int[] userIds = new int[rows];
        int[] rowPointers = new int[rows + 1];
        int row = 0;
        int position = 0;
        for (int id = 0; id <= maxUser; id++) {
            int start = position;
            for (int k = 0; k < partCount; k++) {
                int count = slots[k][id];
                slots[k][id] = position;
                position += count;
            }
            if (position > start) {
                userIds[row] = userIdOfKey == null ? id : userIdOfKey[id];
                rowPointers[++row] = position;
            }
        }
        int columns = 0;
        int[] columnOfMovie = new int[maxMovie + 1];
        for (int id = 0; id <= maxMovie; id++) {
            columnOfMovie[id] = movieSeen[id] ? columns++ : -1;
        }
        int[] movieIds = new int[columns];
        for (int id = 0, c = 0; id <= maxMovie; id++) {
            if (movieSeen[id]) {
                movieIds[c++] = movieIdOfKey == null ? id : movieIdOfKey[id];
            }
        }

        // Pass 2: scatter every record to its row slot.
        int[] cols = new int[n];
        float[] ratings = new float[n];
        int[] times = new int[n];
        Parallel.forEach(partCount, k -> {
            RatingColumns part = parts.get(k);
            int[] slot = slots[k];
            for (int b = 0; b < part.blockCount(); b++) {
                cancel.throwIfCancelled();
                int[] users = part.userBlock(b);
                int[] movies = part.movieBlock(b);
                byte[] halves = part.halfStarBlock(b);
                int[] seconds = part.timeBlock(b);
                for (int i = 0, len = part.blockLength(b); i < len; i++) {
                    int at = slot[users[i]]++;
                    cols[at] = columnOfMovie[movies[i]];
                    ratings[at] = HALF_STARS[halves[i]];
                    times[at] = seconds[i];
                }
                part.release(b);
            }
        });
        cancel.throwIfCancelled();

        // Pass 3: sort each row by column where needed and fold duplicates, rows split between threads.
        int threads = Math.min(Parallel.threads(), Math.max(1, rows));
        int[] rowBounds = splitRows(rowPointers, rows, threads);
        int[] keptLength = new int[rows];
        long[] duplicatesPerThread = new long[threads];
        Parallel.forEach(threads, t -> duplicatesPerThread[t] =
                sortRows(rowPointers, cols, ratings, times, rowBounds[t], rowBounds[t + 1], keptLength));
        long duplicates = Arrays.stream(duplicatesPerThread).sum();
        if (duplicates == 0) {
            return new Built(new RatingMatrix(rowPointers, cols, ratings, times, new IdIndex(userIds),
                    new IdIndex(movieIds)), 0);
        }
        int[] compactPointers = new int[rows + 1];
        int write = 0;
        for (int r = 0; r < rows; r++) {
            int from = rowPointers[r];
            int len = keptLength[r];
            System.arraycopy(cols, from, cols, write, len);
            System.arraycopy(ratings, from, ratings, write, len);
            System.arraycopy(times, from, times, write, len);
            write += len;
            compactPointers[r + 1] = write;
        }
        RatingMatrix matrix = new RatingMatrix(compactPointers, Arrays.copyOf(cols, write),
                Arrays.copyOf(ratings, write), Arrays.copyOf(times, write), new IdIndex(userIds), new IdIndex(movieIds));
        return new Built(matrix, duplicates);
    }

    private static int[] splitRows(int[] rowPointers, int rows, int threads) {
        int[] bounds = new int[threads + 1];
        long n = rowPointers[rows];
        int r = 0;
        for (int t = 1; t < threads; t++) {
            long target = n * t / threads;
            while (r < rows && rowPointers[r] < target) {
                r++;
            }
            bounds[t] = r;
        }
        bounds[threads] = rows;
        return bounds;
    }

    /**
     * Sorts rows {@code [fromRow, toRow)} by column, keeping file order among equal columns, then keeps one entry
     * per column: the later timestamp, and on a tie the later line. Returns the number of entries dropped.
     */
    private static long sortRows(int[] rowPointers, int[] cols, float[] ratings, int[] times, int fromRow, int toRow,
                                 int[] keptLength) {
        long dropped = 0;
        long[] keys = new long[0];
        float[] rowRatings = new float[0];
        int[] rowTimes = new int[0];
        for (int r = fromRow; r < toRow; r++) {
            int start = rowPointers[r];
            int end = rowPointers[r + 1];
            int len = end - start;
            boolean ordered = true;
            for (int p = start + 1; p < end; p++) {
                if (cols[p] <= cols[p - 1]) {
                    ordered = false;
                    break;
                }
            }
            if (ordered) {
                keptLength[r] = len;
                continue;
            }
            if (keys.length < len) {
                keys = new long[len];
                rowRatings = new float[len];
                rowTimes = new int[len];
            }
            for (int j = 0; j < len; j++) {
                keys[j] = ((long) cols[start + j] << 32) | j;
            }
            System.arraycopy(ratings, start, rowRatings, 0, len);
            System.arraycopy(times, start, rowTimes, 0, len);
            Arrays.sort(keys, 0, len);
            int write = start;
            for (int j = 0; j < len; ) {
                int column = (int) (keys[j] >>> 32);
                int best = (int) keys[j];
                int g = j + 1;
                while (g < len && (int) (keys[g] >>> 32) == column) {
                    int candidate = (int) keys[g];
                    if (Integer.compareUnsigned(rowTimes[candidate], rowTimes[best]) >= 0) {
                        best = candidate;
                    }
                    g++;
                }
                dropped += g - j - 1;
                cols[write] = column;
                ratings[write] = rowRatings[best];
                times[write] = rowTimes[best];
                write++;
                j = g;
            }
            keptLength[r] = write - start;
        }
        return dropped;
    }

    /** Replaces user (or movie) ids in every block by their rank among the distinct ids; returns rank -> id. */
    private static int[] remapToRanks(List<RatingColumns> parts, boolean users) {
        List<int[]> blocks = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        long total = 0;
        for (RatingColumns part : parts) {
            for (int b = 0; b < part.blockCount(); b++) {
                blocks.add(users ? part.userBlock(b) : part.movieBlock(b));
                lengths.add(part.blockLength(b));
                total += part.blockLength(b);
            }
        }
        int[] all = new int[(int) total];
        int at = 0;
        for (int i = 0; i < blocks.size(); i++) {
            System.arraycopy(blocks.get(i), 0, all, at, lengths.get(i));
            at += lengths.get(i);
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (distinct == 0 || all[i] != all[distinct - 1]) {
                all[distinct++] = all[i];
            }
        }
        int[] ids = Arrays.copyOf(all, distinct);
        for (int i = 0; i < blocks.size(); i++) {
            int[] block = blocks.get(i);
            for (int j = 0, len = lengths.get(i); j < len; j++) {
                block[j] = Arrays.binarySearch(ids, block[j]);
            }
        }
        return ids;
    }
}
