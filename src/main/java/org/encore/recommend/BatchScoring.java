package org.encore.recommend;

import org.encore.data.RatingMatrix;
import org.encore.model.RowScorer;

/**
 * Scores many rows of a sparse matrix one mini-batch at a time, so that at most {@link #batchRows(int)} rows are
 * ever dense (never a users x movies array).
 */
public final class BatchScoring {
    /** Dense floats per buffer that a batch may take (inputs and scores each): 4M floats = 16 MB. */
    private static final long FLOATS_PER_BATCH = 4_000_000L;
    private static final int MAX_BATCH_ROWS = 256;

    private BatchScoring() {
    }

    /** Receives one scored batch: {@code rows[i]} was densified at offset i * width of both arrays. */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(int[] rows, float[] inputs, float[] scores);
    }

    /** Rows per batch for a given width: as many as fit in {@value #FLOATS_PER_BATCH} floats, at most 256. */
    public static int batchRows(int width) {
        return (int) Math.max(1, Math.min(MAX_BATCH_ROWS, FLOATS_PER_BATCH / Math.max(1, width)));
    }

    /**
     * Densifies {@code rows} of {@code matrix} (scaled by the scorer's value scale) batch by batch, scores each
     * batch and hands it to {@code consumer}. The buffers are reused between batches.
     */
    public static void forEachBatch(RowScorer scorer, RatingMatrix matrix, int[] rows, BatchConsumer consumer) {
        int width = checkWidth(scorer, matrix);
        int batch = batchRows(width);
        float[] inputs = new float[Math.min(batch, Math.max(1, rows.length)) * width];
        float[] scores = new float[inputs.length];
        for (int from = 0; from < rows.length; from += batch) {
            int count = Math.min(batch, rows.length - from);
            int[] batchRows = java.util.Arrays.copyOfRange(rows, from, from + count);
            for (int row : batchRows) {
                if (row < 0 || row >= matrix.userCount()) {
                    throw new IllegalArgumentException("row " + row + " is outside the matrix (0.." + (matrix.userCount() - 1) + ")");
                }
            }
            matrix.densify(batchRows, (float) scorer.valueScale(), inputs);
            scorer.score(inputs, count, scores);
            consumer.accept(batchRows, inputs, scores);
        }
    }

    static int checkWidth(RowScorer scorer, RatingMatrix matrix) {
        if (scorer.width() != matrix.movieCount()) {
            throw new IllegalArgumentException("scorer '" + scorer.name() + "' has width " + scorer.width()
                    + " but the rating matrix has " + matrix.movieCount() + " movies");
        }
        return matrix.movieCount();
    }
}
