package org.encore.data;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Genre and release-decade profiles: the one place a list of movies becomes a genre or decade histogram, used by
 * the evaluator's profile distances, the latent map's labels and the per-user panel's charts. Every rating-matrix
 * column is binned once. A movie with k genres adds 1/k to each of its genre bins (so multi-genre movies weigh as
 * much as single-genre ones and the shares sum to 1: a share of movies); a movie without genres or without a
 * year adds nothing to that histogram.
 */
public final class MovieProfiles {
    public enum Kind { GENRE, DECADE }

    private final int[][] genreBins;
    private final int[] decadeBin;
    private final List<String> genreNames;
    private final List<Integer> decades;

    private MovieProfiles(int[][] genreBins, int[] decadeBin, List<String> genreNames, List<Integer> decades) {
        this.genreBins = genreBins;
        this.decadeBin = decadeBin;
        this.genreNames = genreNames;
        this.decades = decades;
    }

    public static MovieProfiles of(Dataset dataset) {
        int width = dataset.ratings().movieCount();
        TreeSet<String> genres = new TreeSet<>();
        TreeSet<Integer> decadeSet = new TreeSet<>();
        Movie[] movies = new Movie[width];
        for (int c = 0; c < width; c++) {
            movies[c] = dataset.movieOfColumn(c);
            if (movies[c] != null) {
                genres.addAll(movies[c].genres());
                if (movies[c].hasYear()) {
                    decadeSet.add(movies[c].year() / 10 * 10);
                }
            }
        }
        List<String> genreNames = new ArrayList<>(genres);
        TreeMap<String, Integer> genreIndex = new TreeMap<>();
        for (int i = 0; i < genreNames.size(); i++) {
            genreIndex.put(genreNames.get(i), i);
        }
        List<Integer> decades = new ArrayList<>(decadeSet);
        int[][] genreBins = new int[width][];
        int[] decadeBin = new int[width];
        for (int c = 0; c < width; c++) {
            Movie m = movies[c];
            genreBins[c] = m == null ? new int[0] : m.genres().stream().mapToInt(genreIndex::get).sorted().toArray();
            decadeBin[c] = m == null || !m.hasYear() ? -1 : decades.indexOf(m.year() / 10 * 10);
        }
        return new MovieProfiles(genreBins, decadeBin, List.copyOf(genreNames), List.copyOf(decades));
    }

    public int bins(Kind kind) {
        return kind == Kind.GENRE ? genreNames.size() : decades.size();
    }

    public List<String> genreNames() {
        return genreNames;
    }

    public List<Integer> decades() {
        return decades;
    }

    /** Normalised histogram (sums to 1) of the first {@code n} of {@code columns}; all zeros when nothing counted. */
    public double[] histogram(Kind kind, int[] columns, int n) {
        double[] h = new double[bins(kind)];
        double total = 0;
        for (int i = 0; i < Math.min(n, columns.length); i++) {
            int c = columns[i];
            if (kind == Kind.GENRE) {
                int[] g = genreBins[c];
                for (int bin : g) {
                    h[bin] += 1.0 / g.length;
                }
                total += g.length > 0 ? 1 : 0;
            } else if (decadeBin[c] >= 0) {
                h[decadeBin[c]] += 1;
                total += 1;
            }
        }
        if (total > 0) {
            for (int i = 0; i < h.length; i++) {
                h[i] /= total;
            }
        }
        return h;
    }

    /** The columns of {@code movieIds} in {@code matrix}, in order; ids not in the matrix are left out. */
    public static int[] columnsOf(RatingMatrix matrix, List<Integer> movieIds) {
        return movieIds.stream().mapToInt(id -> matrix.movies().indexOf(id)).filter(c -> c >= 0).toArray();
    }
}
