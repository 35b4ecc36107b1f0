package org.encore.training.dl4j.sparse;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The non-zero entries of a dense mini-batch [rows, columns], in compressed sparse row form, plus the same
 * entries by column (CSC) for the weight gradient. Built by scanning the batch once; entries keep column order.
 */
final class SparseRows {
    final int rows;
    final int columns;
    final int[] rowPointers;
    final int[] columnIndices;
    final float[] values;
    private int[] columnPointers;
    private int[] rowIndicesByColumn;
    private float[] valuesByColumn;
    private int[] usedColumns;

    private SparseRows(int rows, int columns, int[] rowPointers, int[] columnIndices, float[] values) {
        this.rows = rows;
        this.columns = columns;
        this.rowPointers = rowPointers;
        this.columnIndices = columnIndices;
        this.values = values;
    }

    int nonZeros() {
        return rowPointers[rows];
    }

    /** Scans a rank-2 FLOAT batch; a batch that is not contiguous in 'c' order is copied first. */
    static SparseRows of(INDArray batch) {
        INDArray rowMajor = batch.ordering() == 'c' && OffHeapFloats.isContiguous(batch) ? batch : batch.dup('c');
        int rows = Math.toIntExact(rowMajor.size(0));
        int columns = Math.toIntExact(rowMajor.size(1));
        OffHeapFloats data = OffHeapFloats.of(rowMajor);
        int[] rowPointers = new int[rows + 1];
        int[] columnIndices = new int[Math.max(16, rows * 64)];
        float[] values = new float[columnIndices.length];
        int n = 0;
        for (int r = 0; r < rows; r++) {
            long rowStart = (long) r * columns;
            long rowEnd = rowStart + columns;
            for (long at = data.nextNonZero(rowStart, rowEnd); at < rowEnd; at = data.nextNonZero(at + 1, rowEnd)) {
                if (n == columnIndices.length) {
                    columnIndices = Arrays.copyOf(columnIndices, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                }
                columnIndices[n] = (int) (at - rowStart);
                values[n] = data.get(at);
                n++;
            }
            rowPointers[r + 1] = n;
        }
        return new SparseRows(rows, columns, rowPointers, columnIndices, values);
    }

    /**
     * Inverted dropout of the non-zero entries: each is kept with probability {@code retain} and scaled by
     * 1/retain, or set to 0 (kept in place as an explicit zero, so the structure is shared). Zero entries of the
     * dense row are unaffected by dropout anyway. The mask comes from {@code seed} alone.
     */
    SparseRows droppedOut(float retain, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int nnz = nonZeros();
        float[] kept = new float[nnz];
        float scale = 1f / retain;
        for (int p = 0; p < nnz; p++) {
            kept[p] = random.nextDouble() < retain ? values[p] * scale : 0f;
        }
        return new SparseRows(rows, columns, rowPointers, columnIndices, kept);
    }

    /** The rows as a dense row-major array [rows * columns] (for tests). */
    float[] toDense() {
        float[] dense = new float[rows * columns];
        for (int r = 0; r < rows; r++) {
            for (int p = rowPointers[r]; p < rowPointers[r + 1]; p++) {
                dense[r * columns + columnIndices[p]] = values[p];
            }
        }
        return dense;
    }

    /** Column c's entries are at {@link #columnPointers()}[c] .. [c+1]-1 of the two arrays below. */
    int[] columnPointers() {
        buildColumns();
        return columnPointers;
    }

    int[] rowIndicesByColumn() {
        buildColumns();
        return rowIndicesByColumn;
    }

    float[] valuesByColumn() {
        buildColumns();
        return valuesByColumn;
    }

    /** The columns that have at least one entry, in increasing order. */
    int[] usedColumns() {
        buildColumns();
        return usedColumns;
    }

    private void buildColumns() {
        if (columnPointers != null) {
            return;
        }
        int nnz = nonZeros();
        int[] pointers = new int[columns + 1];
        for (int p = 0; p < nnz; p++) {
            pointers[columnIndices[p] + 1]++;
        }
        for (int c = 0; c < columns; c++) {
            pointers[c + 1] += pointers[c];
        }
        int[] next = Arrays.copyOf(pointers, columns);
        int[] rowIndices = new int[nnz];
        float[] byColumn = new float[nnz];
        for (int r = 0; r < rows; r++) {
            for (int p = rowPointers[r], end = rowPointers[r + 1]; p < end; p++) {
                int at = next[columnIndices[p]]++;
                rowIndices[at] = r;
                byColumn[at] = values[p];
            }
        }
        int used = 0;
        for (int c = 0; c < columns; c++) {
            if (pointers[c + 1] > pointers[c]) {
                used++;
            }
        }
        int[] usedList = new int[used];
        for (int c = 0, u = 0; c < columns; c++) {
            if (pointers[c + 1] > pointers[c]) {
                usedList[u++] = c;
            }
        }
        usedColumns = usedList;
        rowIndicesByColumn = rowIndices;
        valuesByColumn = byColumn;
        columnPointers = pointers;
    }
}
