package org.encore.inspect;

import org.encore.data.IdIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NeighboursTest {
    @Test
    void separatedClustersAgreeFullyAndShuffledLabelsAtChance() {
        int perCluster = 30;
        double[] points = new double[2 * 3 * perCluster];
        int[] labels = new int[3 * perCluster];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i / perCluster;
            points[2 * i] = labels[i] * 100 + (i % perCluster) * 0.1;
            points[2 * i + 1] = (i % 7) * 0.1;
        }
        NeighbourAgreement agreement = NeighbourAgreement.of(points, 2, 5);
        assertEquals(1.0, agreement.agreement(labels));
        double chance = agreement.shuffledAgreement(labels, 20, 3);
        assertTrue(chance > 0.2 && chance < 0.45, "three equal classes: about 1/3 by chance, got " + chance);
        assertThrows(IllegalArgumentException.class, () -> NeighbourAgreement.of(points, 2, labels.length));
    }

    @Test
    void nearestMoviesAreThoseWithTheMostSimilarDirectionWhateverTheirLength() {
        float[] vectors = {
                1, 0,      // movie 5
                10, 1,     // movie 6: nearly the same direction, longer
                0, 1,      // movie 7: orthogonal
                -1, 0,     // movie 8: opposite
                0, 0};     // movie 9: a zero vector has no direction
        MovieNeighbours neighbours = MovieNeighbours.of(vectors, 2, new IdIndex(new int[]{5, 6, 7, 8, 9}));
        List<MovieNeighbours.Neighbour> near = neighbours.nearest(0, 10);
        assertEquals(List.of(6, 7, 8), near.stream().map(MovieNeighbours.Neighbour::movieId).toList());
        assertEquals(10 / Math.sqrt(101), near.get(0).cosine(), 1e-6);
        assertEquals(-1, near.get(2).cosine(), 1e-6);
        assertEquals(1, neighbours.nearest(0, 1).size());
    }
}
