package org.encore.inspect;

import org.encore.data.RatingMatrix;
import org.encore.recommend.BatchScoring;
import org.encore.training.TrainedModel;

import java.util.Arrays;
import java.util.List;

/**
 * One layer's inference-mode activations for a set of users (their rating rows, the model's input), in plain
 * arrays: what a {@link LatentMap} of users is projected from. Reading them needs the model; projecting them does
 * not, so a live map reads them on the training thread between epochs and projects them elsewhere while training
 * goes on. The arrays are handed over, not copied: do not change them.
 */
public final class UserActivations {
    private final String layer;
    private final int width;
    private final List<String> layerNames;
    private final int[] rows;
    private final float[] values;
    private final int total;

    private UserActivations(String layer, int width, List<String> layerNames, int[] rows, float[] values, int total) {
        this.layer = layer;
        this.width = width;
        this.layerNames = List.copyOf(layerNames);
        this.rows = rows;
        this.values = values;
        this.total = total;
    }

    /**
     * {@code layer}'s activations of every user of {@code matrix}, or of {@code maxUsers} of them drawn with
     * {@code seed} when there are more (in row order), densified and run a batch at a time.
     *
     * @throws IllegalArgumentException naming the model's layers when {@code layer} is not one of them
     */
    public static UserActivations of(TrainedModel model, RatingMatrix matrix, String layer, int maxUsers, long seed) {
        if (!model.layerNames().contains(layer)) {
            throw new IllegalArgumentException("'" + layer + "' is not a layer of " + model.name() + "; its layers are "
                    + String.join(", ", model.layerNames()));
        }
        int[] rows = LatentMap.sampleRows(matrix.userCount(), maxUsers, seed);
        int layerWidth = model.layerWidth(layer);
        int width = matrix.movieCount();
        float[] activations = new float[rows.length * layerWidth];
        int batch = BatchScoring.batchRows(width);
        float[] inputs = new float[Math.min(batch, rows.length) * width];
        float[] out = new float[Math.min(batch, rows.length) * layerWidth];
        for (int from = 0; from < rows.length; from += batch) {
            int count = Math.min(batch, rows.length - from);
            matrix.densify(Arrays.copyOfRange(rows, from, from + count), (float) model.valueScale(), inputs);
            model.activations(layer, inputs, count, out);
            System.arraycopy(out, 0, activations, from * layerWidth, count * layerWidth);
        }
        return new UserActivations(layer, layerWidth, model.layerNames(), rows, activations, matrix.userCount());
    }

    /**
     * These activations with each user's vector divided by its Euclidean length (a zero vector stays zero): what
     * is left is its direction, so distances on the map become cosine distances. In an autoencoder's coding layer
     * the length mostly follows how many movies a user rated, and it dominates the first principal axis; without
     * it the axes show taste (on sample-data, see PlantedGroupsMapTest).
     */
    public UserActivations unitLength() {
        float[] scaled = values.clone();
        for (int r = 0; r < rows.length; r++) {
            double squares = 0;
            for (int c = 0; c < width; c++) {
                squares += (double) scaled[r * width + c] * scaled[r * width + c];
            }
            double norm = Math.sqrt(squares);
            for (int c = 0; norm > 0 && c < width; c++) {
                scaled[r * width + c] = (float) (scaled[r * width + c] / norm);
            }
        }
        return new UserActivations(layer, width, layerNames, rows, scaled, total);
    }

    /** The layer read. */
    public String layer() {
        return layer;
    }

    /** Units of the layer: the length of each user's vector. */
    public int width() {
        return width;
    }

    /** Every layer of the model they were read from, input side first. */
    public List<String> layerNames() {
        return layerNames;
    }

    /** The rating-matrix rows of the users, ascending. */
    public int[] rows() {
        return rows;
    }

    /** rows().length x width() activations, row-major. */
    public float[] values() {
        return values;
    }

    /** Users in the matrix; more than rows().length when sampled. */
    public int total() {
        return total;
    }
}
