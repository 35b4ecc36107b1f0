package org.encore.inspect;

import org.encore.data.IdIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * "Movies near this one": the movies whose decoder vectors (the output layer's weight columns,
 * {@code TrainedModel.movieVectors()}) have the highest cosine similarity with a movie's, the item-similarity
 * reading of an autoencoder's output layer (Sedhain et al. 2015, AutoRec: the decoder weights act as item
 * embeddings). A zero vector has cosine NaN with everything and is never a neighbour.
 */
public final class MovieNeighbours {
    /** One neighbour: its rating-matrix column, MovieLens id and cosine similarity (-1..1). */
    public record Neighbour(int column, int movieId, double cosine) {
    }

    private final float[] unit;
    private final int dims;
    private final IdIndex movies;

    private MovieNeighbours(float[] unit, int dims, IdIndex movies) {
        this.unit = unit;
        this.dims = dims;
        this.movies = movies;
    }

    /** From {@code movies.size()} vectors of {@code dims} values (row-major), one per rating-matrix column. */
    public static MovieNeighbours of(float[] vectors, int dims, IdIndex movies) {
        int n = movies.size();
        if (vectors.length < (long) n * dims) {
            throw new IllegalArgumentException(n + " movies of " + dims + " dimensions need that many values, got " + vectors.length);
        }
        float[] unit = Arrays.copyOf(vectors, n * dims);
        for (int c = 0; c < n; c++) {
            double norm = 0;
            for (int a = 0; a < dims; a++) {
                norm += (double) unit[c * dims + a] * unit[c * dims + a];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : Float.NaN;
            for (int a = 0; a < dims; a++) {
                unit[c * dims + a] *= scale;
            }
        }
        return new MovieNeighbours(unit, dims, movies);
    }

    /** Cosine similarity of two columns' vectors. */
    public double cosine(int a, int b) {
        double dot = 0;
        for (int i = 0; i < dims; i++) {
            dot += (double) unit[a * dims + i] * unit[b * dims + i];
        }
        return dot;
    }

    /** The {@code k} movies most similar to column {@code column}, most similar first, ties by column. */
    public List<Neighbour> nearest(int column, int k) {
        int n = movies.size();
        if (column < 0 || column >= n) {
            throw new IllegalArgumentException("column " + column + " is outside 0.." + (n - 1));
        }
        List<Neighbour> all = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            double cos = cosine(column, c);
            if (c != column && !Double.isNaN(cos)) {
                all.add(new Neighbour(c, movies.idAt(c), cos));
            }
        }
        all.sort(Comparator.comparingDouble((Neighbour x) -> -x.cosine()).thenComparingInt(Neighbour::column));
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }
}
