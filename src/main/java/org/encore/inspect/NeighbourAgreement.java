package org.encore.inspect;

import org.encore.data.Shuffle;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * k-nearest-neighbour label agreement of a map: the share of (point, neighbour) pairs, over each point's
 * {@code k} nearest other points (Euclidean), whose labels are equal. It is the leave-one-out accuracy of a k-NN
 * vote without the vote, a common check of how well an embedding keeps classes apart (e.g. van der Maaten and
 * Hinton 2008, section 6). The chance level is the agreement with the same labels shuffled over the points (for
 * class shares p_c about sum p_c^2). Neighbours are found once, by brute force (O(n^2)), so that many labellings
 * can be compared.
 */
public final class NeighbourAgreement {
    private final int[][] neighbours;

    private NeighbourAgreement(int[][] neighbours) {
        this.neighbours = neighbours;
    }

    /**
     * The {@code k} nearest neighbours of each of {@code n} points of {@code dims} coordinates (row-major); ties go to
     * the lower index.
     */
    public static NeighbourAgreement of(double[] points, int dims, int k) {
        int n = points.length / dims;
        if (k < 1 || k >= n) {
            throw new IllegalArgumentException("k must be between 1 and " + (n - 1) + " for " + n + " points, got " + k);
        }
        int[][] neighbours = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> neighbours[i] = nearest(points, dims, n, i, k));
        return new NeighbourAgreement(neighbours);
    }

    private static int[] nearest(double[] points, int dims, int n, int i, int k) {
        double[] bestDistance = new double[k];
        int[] best = new int[k];
        Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        Arrays.fill(best, -1);
        for (int j = 0; j < n; j++) {
            if (j == i) {
                continue;
            }
            double d = 0;
            for (int a = 0; a < dims; a++) {
                double diff = points[i * dims + a] - points[j * dims + a];
                d += diff * diff;
            }
            if (d < bestDistance[k - 1]) {
                int p = k - 1;
                while (p > 0 && bestDistance[p - 1] > d) {
                    bestDistance[p] = bestDistance[p - 1];
                    best[p] = best[p - 1];
                    p--;
                }
                bestDistance[p] = d;
                best[p] = j;
            }
        }
        return best;
    }

    /** Share of neighbour pairs with equal labels (one label per point). */
    public double agreement(int[] labels) {
        if (labels.length != neighbours.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + neighbours.length + " points");
        }
        long same = 0;
        long pairs = 0;
        for (int i = 0; i < neighbours.length; i++) {
            for (int j : neighbours[i]) {
                same += labels[i] == labels[j] ? 1 : 0;
                pairs++;
            }
        }
        return (double) same / pairs;
    }

    /** Mean agreement over {@code repeats} seeded shuffles of the labels: the chance level. */
    public double shuffledAgreement(int[] labels, int repeats, long seed) {
        Random random = new Random(seed);
        int[] shuffled = labels.clone();
        double sum = 0;
        for (int r = 0; r < repeats; r++) {
            Shuffle.inPlace(shuffled, random);
            sum += agreement(shuffled);
        }
        return sum / repeats;
    }
}
