package org.encore.inspect;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LatentMapTest {
    private static LatentMap map(double[] xy, int firstId) {
        List<MapPoint> points = new ArrayList<>();
        for (int i = 0; i < xy.length / 2; i++) {
            points.add(new MapPoint(firstId + i, xy[2 * i], xy[2 * i + 1], "Drama", Double.NaN));
        }
        return new LatentMap("coding", 8, new double[]{0.4, 0.2}, Colouring.GENRE, points, List.of("Drama"), points.size());
    }

    @Test
    void anAxisWhoseCoordinatesCorrelateNegativelyWithThePreviousMapsIsFlipped() {
        LatentMap before = map(new double[]{1, 2, 3, -1, -2, 0.5, 0, 0}, 1);
        LatentMap mirrored = map(new double[]{-1.1, 2, -2.9, -1, 2.2, 0.4, 0, 0.1}, 1);
        assertArrayEquals(new double[]{1.1, 2, 2.9, -1, -2.2, 0.4, 0, 0.1}, mirrored.alignedTo(before).coordinates(), 1e-12);
    }

    @Test
    void bothAxesFlipWhenBothTurnedAndPointsAreMatchedById() {
        LatentMap before = map(new double[]{1, 2, 3, -1, -2, 0.5}, 1);
        // the same users listed in another order, plus one the previous map did not have
        List<MapPoint> points = List.of(new MapPoint(3, 2, -0.5, "Drama", Double.NaN),
                new MapPoint(1, -1, -2, "Drama", Double.NaN), new MapPoint(2, -3, 1, "Drama", Double.NaN),
                new MapPoint(9, 5, 5, "Drama", Double.NaN));
        LatentMap turned = new LatentMap("coding", 8, new double[]{0.4, 0.2}, Colouring.GENRE, points, List.of("Drama"), 4);
        assertArrayEquals(new double[]{-2, 0.5, 1, 2, 3, -1, -5, -5}, turned.alignedTo(before).coordinates(), 1e-12);
    }

    @Test
    void aMapThatAgreesOrHasNoPredecessorIsKept() {
        LatentMap before = map(new double[]{1, 2, 3, -1, -2, 0.5}, 1);
        LatentMap same = map(new double[]{1.2, 2, 2.5, -1.1, -2, 0.7}, 1);
        assertSame(same, same.alignedTo(before));
        assertSame(same, same.alignedTo(null));
        assertSame(same, same.alignedTo(map(new double[]{1, 2, 3, 4}, 100)), "no shared points");
    }
}
