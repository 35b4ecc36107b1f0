package org.encore.training;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputTransformTest {

    @Test
    void referenceLeavesRatingOverFiveUntouched() {
        float[] rows = {1.0f, 0f, 0.9f, 0.1f};
        InputTransform.reference().apply(rows, 0, 2, 2);
        assertArrayEquals(new float[]{1.0f, 0f, 0.9f, 0.1f}, rows);
        assertTrue(InputTransform.reference().isIdentity());
    }

    @Test
    void binariseKeepsRatingsFromTheThresholdUpAsOneAndTurnsLowerRatingsToZero() {
        // rating * 0.2: 4.0 -> 0.8, 3.5 -> 0.7, 5.0 -> 1.0, 0.5 -> 0.1
        float[] rows = {0.8f, 0.7f, 1.0f, 0.1f, 0f};
        new InputTransform(0.2, 4.0, false).applyValues(rows, 0, 1, 5);
        assertArrayEquals(new float[]{1f, 0f, 1f, 0f, 0f}, rows);
    }

    @Test
    void binariseReadsRatingsBackAtTheRowsOwnScale() {
        float[] rows = {4f, 3.5f, 4.5f};
        new InputTransform(1.0, 4.0, false).applyValues(rows, 0, 1, 3);
        assertArrayEquals(new float[]{1f, 0f, 1f}, rows);
    }

    @Test
    void l2NormaliseGivesEachRowUnitLengthAndLeavesEmptyRowsZero() {
        float[] rows = {3f, 4f, 0f, 0f, 0f, 0f, 1f, 1f, 1f};
        new InputTransform(1.0, null, true).apply(rows, 0, 3, 3);
        assertArrayEquals(new float[]{0.6f, 0.8f, 0f, 0f, 0f, 0f}, Arrays.copyOf(rows, 6), 1e-6f);
        double norm = 0;
        for (int c = 6; c < 9; c++) {
            norm += rows[c] * rows[c];
        }
        assertEquals(1.0, norm, 1e-6);
    }

    @Test
    void liangBinarisesThenNormalisesOnlyTheRowsInRange() {
        float[] rows = {9f, 9f, 0.8f, 1.0f, 0.2f, 0f, 9f};
        InputTransform.liang(0.2).apply(rows, 2, 1, 4);
        float h = (float) (1 / Math.sqrt(2));
        assertArrayEquals(new float[]{9f, 9f, h, h, 0f, 0f, 9f}, rows, 1e-6f);
        assertFalse(InputTransform.liang(0.2).isIdentity());
    }

    @Test
    void aBatchPastTheEndOfTheArrayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InputTransform.reference().apply(new float[5], 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> new InputTransform(0, null, false));
        assertThrows(IllegalArgumentException.class, () -> new InputTransform(0.2, -1.0, false));
    }

    @Test
    void describeNamesEachStep() {
        assertEquals("rating * 0.2", InputTransform.reference().describe());
        assertEquals("rating >= 4.0 -> 1, else 0, L2-normalised rows", InputTransform.liang(0.2).describe());
    }
}
