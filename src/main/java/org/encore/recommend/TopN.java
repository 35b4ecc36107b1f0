package org.encore.recommend;

/**
 * Selects the {@code n} best columns of one score row, skipping the columns the user already rated (input != 0)
 * and NaN scores. Ties go to the lower column so that results are deterministic. O(width log n).
 */
public final class TopN {
    private TopN() {
    }

    /**
     * @param scores  scores, the row starting at {@code offset}
     * @param inputs  the user's (scaled) ratings laid out like {@code scores}; non-zero = rated = never returned
     * @param offset  start of the row in both arrays
     * @param width   number of columns
     * @param n       how many to return at most
     * @return columns, best first (fewer than n when fewer candidates exist)
     */
    public static int[] columns(float[] scores, float[] inputs, int offset, int width, int n) {
        if (n <= 0) {
            return new int[0];
        }
        long[] heap = new long[Math.min(n, width)];
        int size = 0;
        for (int c = 0; c < width; c++) {
            float s = scores[offset + c];
            if (inputs[offset + c] != 0f || Float.isNaN(s)) {
                continue;
            }
            long key = key(s, c);
            if (size < heap.length) {
                heap[size] = key;
                siftUp(heap, size++);
            } else if (key > heap[0]) {
                heap[0] = key;
                siftDown(heap, size);
            }
        }
        long[] sorted = java.util.Arrays.copyOf(heap, size);
        java.util.Arrays.sort(sorted);
        int[] result = new int[size];
        for (int i = 0; i < size; i++) {
            result[i] = columnOf(sorted[size - 1 - i]);
        }
        return result;
    }

    /** A long that orders by score (higher first) then by column (lower first). */
    static long key(float score, int column) {
        int bits = Float.floatToIntBits(score == 0f ? 0f : score); // -0 and 0 compare equal
        bits ^= (bits >> 31) & 0x7fffffff;
        return ((long) bits << 32) | (Integer.MAX_VALUE - column);
    }

    static int columnOf(long key) {
        return Integer.MAX_VALUE - (int) (key & 0xffffffffL);
    }

    private static void siftUp(long[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= heap[i]) {
                return;
            }
            long t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(long[] heap, int size) {
        int i = 0;
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left + 1 < size && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[i] <= heap[smallest]) {
                return;
            }
            long t = heap[smallest];
            heap[smallest] = heap[i];
            heap[i] = t;
            i = smallest;
        }
    }
}
