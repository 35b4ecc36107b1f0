package org.encore.evaluation;

import org.encore.data.Dataset;
import org.encore.data.Movie;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Genre and release-decade bins of every rating-matrix column, for profile histograms. A movie with k genres adds
 * 1/k to each of its genre bins (so multi-genre movies weigh as much as single-genre ones); a movie without genres
 * or without a year adds nothing to that histogram.
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

    /**
     * Jensen-Shannon divergence in bits between two normalised histograms: 0 for identical profiles, 1 for
     * disjoint ones. NaN when either histogram is empty.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        if (sp <= 0 || sq <= 0) {
            return Double.NaN;
        }
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                js += 0.5 * p[i] * log2(p[i] / m);
            }
            if (q[i] > 0) {
                js += 0.5 * q[i] * log2(q[i] / m);
            }
        }
        return Math.max(0, Math.min(1, js));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
