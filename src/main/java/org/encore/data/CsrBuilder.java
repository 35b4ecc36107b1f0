package org.encore.data;

import java.util.Arrays;

/** Builds a {@link RatingMatrix} from parallel (user id, movie id, rating, timestamp) arrays. */
public final class CsrBuilder {
    private CsrBuilder() {
    }

    /**
     * Builds CSR from the first {@code n} triples. A repeated (user, movie) pair keeps the entry with the later
     * timestamp (ties: the later line).
     */
    public static RatingMatrix build(int[] userIds, int[] movieIds, float[] ratings, long[] timestamps, int n) {
        IdIndex users = new IdIndex(distinctSorted(userIds, n));
        IdIndex movies = new IdIndex(distinctSorted(movieIds, n));
        int[] rowOf = new int[n];
        int[] colOf = new int[n];
        int[] rowPointers = new int[users.size() + 1];
        for (int i = 0; i < n; i++) {
            rowOf[i] = users.indexOf(userIds[i]);
            colOf[i] = movies.indexOf(movieIds[i]);
            rowPointers[rowOf[i] + 1]++;
        }
        for (int r = 0; r < users.size(); r++) {
            rowPointers[r + 1] += rowPointers[r];
        }
        int[] fill = Arrays.copyOf(rowPointers, users.size());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[fill[rowOf[i]]++] = i;
        }
        int[] cols = new int[n];
        float[] vals = new float[n];
        long[] ts = new long[n];
        int[] newPointers = new int[users.size() + 1];
        int out = 0;
        for (int r = 0; r < users.size(); r++) {
            int from = rowPointers[r];
            int to = rowPointers[r + 1];
            Integer[] idx = new Integer[to - from];
            for (int k = from; k < to; k++) {
                idx[k - from] = order[k];
            }
            // stable sort by column keeps file order among duplicates
            Arrays.sort(idx, (a, b) -> Integer.compare(colOf[a], colOf[b]));
            for (int k = 0; k < idx.length; k++) {
                int i = idx[k];
                if (out > newPointers[r] && cols[out - 1] == colOf[i]) {
                    if (timestamps[i] >= ts[out - 1]) {
                        vals[out - 1] = ratings[i];
                        ts[out - 1] = timestamps[i];
                    }
                    continue;
                }
                cols[out] = colOf[i];
                vals[out] = ratings[i];
                ts[out] = timestamps[i];
                out++;
            }
            newPointers[r + 1] = out;
        }
        return new RatingMatrix(newPointers, Arrays.copyOf(cols, out), Arrays.copyOf(vals, out), Arrays.copyOf(ts, out), users, movies);
    }

    private static int[] distinctSorted(int[] values, int n) {
        int[] copy = Arrays.copyOf(values, n);
        Arrays.sort(copy);
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (k == 0 || copy[i] != copy[k - 1]) {
                copy[k++] = copy[i];
            }
        }
        return Arrays.copyOf(copy, k);
    }
}
