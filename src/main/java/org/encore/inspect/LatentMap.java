package org.encore.inspect;

import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;
import org.encore.data.MovieProfiles;
import org.encore.training.LayerNames;
import org.encore.training.TrainedModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A 2-D map of what a layer makes of every user (their inference-mode activations for their rating row, the
 * reference's model input), or of the movies (the output layer's weight column of each movie, the decoder's movie
 * vector), projected on the first two principal axes ({@link Pca}) with the share of variance each explains
 * (DESIGN.md section 9). Large sets are mapped from a seeded sample of users, and say so.
 *
 * @param layer             the layer mapped ("coding" by default; "output" for the movie map)
 * @param layerWidth        dimensions of the vectors before projection
 * @param explainedVariance share of the total variance on each axis (x, then y)
 * @param colouring         what the points are coloured by
 * @param points            the users or movies mapped
 * @param legend            the labels that occur (see {@link PointLabels#legend()})
 * @param total             users (or movies) in the dataset; more than points.size() when sampled
 */
public record LatentMap(String layer, int layerWidth, double[] explainedVariance, Colouring colouring,
                        List<MapPoint> points, List<String> legend, int total) {
    /** Users mapped at most; above this a seeded sample is taken. */
    public static final int MAX_USERS = 20_000;

    public LatentMap {
        explainedVariance = explainedVariance.clone();
        points = List.copyOf(points);
        legend = List.copyOf(legend);
    }

    @Override
    public double[] explainedVariance() {
        return explainedVariance.clone();
    }

    /** "coding" when the model has it, else its narrowest hidden layer: the layer a map shows first. */
    public static String defaultLayer(TrainedModel model) {
        List<String> names = model.layerNames();
        if (names.contains(LayerNames.CODING)) {
            return LayerNames.CODING;
        }
        String narrowest = names.get(0);
        for (String name : names.subList(0, names.size() - 1)) {
            if (model.layerWidth(name) < model.layerWidth(narrowest)) {
                narrowest = name;
            }
        }
        return narrowest;
    }

    /** Whether the points are a sample of the users. */
    public boolean sampled() {
        return points.size() < total;
    }

    /** Index of every point's label in the legend (for colouring and {@link NeighbourAgreement}). */
    public int[] legendIndices() {
        return points.stream().mapToInt(p -> legend.indexOf(p.label())).toArray();
    }

    /** Coordinates as (x, y) pairs. */
    public double[] coordinates() {
        double[] xy = new double[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            xy[2 * i] = points.get(i).x();
            xy[2 * i + 1] = points.get(i).y();
        }
        return xy;
    }

    /**
     * The users' map of {@code layer}: every user, or a sample of {@code maxUsers} drawn with {@code seed} when
     * there are more.
     *
     * @throws IllegalArgumentException naming the model's layers when {@code layer} is not one of them
     */
    public static LatentMap ofUsers(TrainedModel model, Dataset dataset, String layer, Colouring colouring,
                                    int maxUsers, long seed) {
        return ofUsers(UserActivations.of(model, dataset.ratings(), layer, maxUsers, seed), dataset, colouring);
    }

    /** The users' map of activations already read ({@link UserActivations}), labelled by {@code colouring}. */
    public static LatentMap ofUsers(UserActivations activations, Dataset dataset, Colouring colouring) {
        RatingMatrix matrix = dataset.ratings();
        int[] rows = activations.rows();
        PointLabels labels = PointLabels.ofUsers(dataset, MovieProfiles.of(dataset), rows, colouring);
        int[] ids = Arrays.stream(rows).map(r -> matrix.users().idAt(r)).toArray();
        return project(activations.layer(), activations.values(), activations.width(), ids, labels, colouring,
                activations.total());
    }

    /** The movies' map: the output layer's weight vector of every movie. */
    public static LatentMap ofMovies(TrainedModel model, Dataset dataset, Colouring colouring) {
        return ofMovies(model.movieVectors(), model.movieVectorWidth(), dataset, colouring);
    }

    /** The movies' map of output-layer vectors already read ({@link TrainedModel#movieVectors()}). */
    public static LatentMap ofMovies(float[] movieVectors, int vectorWidth, Dataset dataset, Colouring colouring) {
        RatingMatrix matrix = dataset.ratings();
        int[] columns = new int[matrix.movieCount()];
        Arrays.setAll(columns, c -> c);
        PointLabels labels = PointLabels.ofMovies(dataset, MovieProfiles.of(dataset), columns, colouring);
        return project(LayerNames.OUTPUT, movieVectors, vectorWidth, matrix.movies().ids(),
                labels, colouring, matrix.movieCount());
    }

    /** The map of any vectors ({@code ids.length} rows of {@code width}, row-major) with their labels. */
    public static LatentMap project(String layer, float[] vectors, int width, int[] ids, PointLabels labels,
                                    Colouring colouring, int total) {
        int n = ids.length;
        if (n < 2) {
            throw new IllegalArgumentException("a map needs at least 2 points, got " + n);
        }
        Pca pca = Pca.fit(vectors, n, width, 2);
        double[] xy = pca.project(vectors, n);
        int k = pca.components();
        double[] explained = Arrays.copyOf(pca.explainedVariance(), 2);
        List<MapPoint> points = new ArrayList<>(n);
        double[] values = labels.values();
        for (int i = 0; i < n; i++) {
            points.add(new MapPoint(ids[i], xy[i * k], k > 1 ? xy[i * k + 1] : 0, labels.labels().get(i), values[i]));
        }
        return new LatentMap(layer, width, explained, colouring, points, labels.legend(), total);
    }

    /**
     * This map with each axis' sign chosen to follow {@code previous} (a map of the same points a moment earlier,
     * e.g. the last epoch's): an axis whose coordinates correlate negatively with the previous map's same axis,
     * over the points both share (by id), is flipped, so that points do not jump to the mirror image when PCA's
     * sign convention turns. Unchanged when {@code previous} is null or shares fewer than 2 points.
     */
    public LatentMap alignedTo(LatentMap previous) {
        if (previous == null) {
            return this;
        }
        Map<Integer, MapPoint> before = new HashMap<>();
        previous.points().forEach(p -> before.put(p.id(), p));
        double[] sums = new double[6]; // x, x', y, y', x x', y y'
        int shared = 0;
        for (MapPoint p : points) {
            MapPoint q = before.get(p.id());
            if (q != null) {
                sums[0] += p.x();
                sums[1] += q.x();
                sums[2] += p.y();
                sums[3] += q.y();
                sums[4] += p.x() * q.x();
                sums[5] += p.y() * q.y();
                shared++;
            }
        }
        if (shared < 2) {
            return this;
        }
        boolean flipX = sums[4] - sums[0] * sums[1] / shared < 0;
        boolean flipY = sums[5] - sums[2] * sums[3] / shared < 0;
        if (!flipX && !flipY) {
            return this;
        }
        List<MapPoint> flipped = points.stream().map(p -> new MapPoint(p.id(), flipX ? -p.x() : p.x(),
                flipY ? -p.y() : p.y(), p.label(), p.value())).toList();
        return new LatentMap(layer, layerWidth, explainedVariance, colouring, flipped, legend, total);
    }

    /** All rows 0..users-1, or {@code max} of them drawn with {@code seed}, in row order. */
    static int[] sampleRows(int users, int max, long seed) {
        int[] rows = new int[users];
        Arrays.setAll(rows, r -> r);
        if (users <= max) {
            return rows;
        }
        Shuffle.inPlace(rows, new Random(seed));
        int[] sample = Arrays.copyOf(rows, max);
        Arrays.sort(sample);
        return sample;
    }
}
