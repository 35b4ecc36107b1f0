package org.encore.training.dl4j.sparse;

import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SparseRowsTest {

    @Test
    void scanFindsEveryNonZeroAtEveryAlignmentAndTreatsNegativeZeroAsZero() {
        for (int width : new int[]{1, 2, 7, 8, 33}) {
            float[][] data = new float[5][width];
            data[0][0] = 0.2f;
            data[0][width - 1] = 1f;
            data[1][width / 2] = -0f;
            data[2][width / 2] = -0.4f;
            for (int c = 0; c < width; c += 3) {
                data[3][c] = 0.6f;
            }
            data[4][width - 1] = Float.MIN_VALUE;
            SparseRows rows = SparseRows.of(Nd4j.create(data));
            assertArrayEquals(flatten(data), rows.toDense(), 0f, "width " + width);
            int expected = 0;
            for (float[] row : data) {
                for (float v : row) {
                    expected += v != 0f ? 1 : 0;
                }
            }
            assertEquals(expected, rows.nonZeros(), "non-zeros of width " + width + " (-0.0 is not one)");
        }
    }

    @Test
    void scanOfARowViewAtAnOddOffsetReadsOnlyThatRow() {
        float[][] data = TinyData.scaledRatingRows(3, 9, 41, 0.2);
        INDArray all = Nd4j.create(data);
        INDArray rowsOneToFour = all.get(NDArrayIndex.interval(1, 4), NDArrayIndex.all());
        SparseRows rows = SparseRows.of(rowsOneToFour);
        float[][] expected = {data[1], data[2], data[3]};
        assertArrayEquals(flatten(expected), rows.toDense(), 0f);
    }

    @Test
    void columnFormListsTheSameEntriesByColumnAndTheColumnsInUse() {
        float[][] data = TinyData.scaledRatingRows(5, 12, 30, 0.1);
        SparseRows rows = SparseRows.of(Nd4j.create(data));
        int[] pointers = rows.columnPointers();
        int used = 0;
        for (int c = 0; c < 30; c++) {
            int count = 0;
            for (int r = 0; r < 12; r++) {
                count += data[r][c] != 0f ? 1 : 0;
            }
            assertEquals(count, pointers[c + 1] - pointers[c], "entries of column " + c);
            for (int q = pointers[c], r = -1; q < pointers[c + 1]; q++) {
                int row = rows.rowIndicesByColumn()[q];
                assertEquals(data[row][c], rows.valuesByColumn()[q], 0f);
                assertEquals(true, row > r, "rows in increasing order within a column");
                r = row;
            }
            if (count > 0) {
                assertEquals(c, rows.usedColumns()[used++], "used column " + used);
            }
        }
        assertEquals(used, rows.usedColumns().length);
    }

    private static float[] flatten(float[][] data) {
        int width = data[0].length;
        float[] flat = new float[data.length * width];
        for (int r = 0; r < data.length; r++) {
            System.arraycopy(data[r], 0, flat, r * width, width);
        }
        return flat;
    }
}
