package org.encore.inspect;

import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.data.MovieProfiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The label (and, for activity and rating, the number behind it) of every point of a latent map. Genre and decade
 * profiles come from {@link MovieProfiles}: a user's dominant genre is the largest bin of the genre histogram of
 * the movies they rated (each movie adds 1/k to each of its k genres), the dominant decade likewise; a movie's is
 * the largest bin of its own histogram. Activity bins: 1-19, 20-49, 50-99, 100-199, 200-499, 500-999, 1000+
 * ratings; rating bins: below 2.5, then half stars up to 4 and above.
 *
 * @param labels one label per point, in the order asked for
 * @param values the number behind the label (ratings, mean stars); NaN for genre and decade
 * @param legend the labels that occur: genres by how many points carry them, decades and bins in order
 */
public record PointLabels(List<String> labels, double[] values, List<String> legend) {
    public static final String NONE = "(none)";
    private static final int[] ACTIVITY_EDGES = {20, 50, 100, 200, 500, 1000};
    private static final double[] RATING_EDGES = {2.5, 3, 3.5, 4};

    public PointLabels {
        labels = List.copyOf(labels);
        values = values.clone();
        legend = List.copyOf(legend);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** Index of every point's label in {@link #legend()}. */
    public int[] legendIndices() {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < legend.size(); i++) {
            index.put(legend.get(i), i);
        }
        return labels.stream().mapToInt(index::get).toArray();
    }

    /** Labels of rating-matrix rows (users). */
    public static PointLabels ofUsers(Dataset dataset, MovieProfiles profiles, int[] rows, Colouring colouring) {
        RatingMatrix m = dataset.ratings();
        List<String> labels = new ArrayList<>(rows.length);
        double[] values = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int row = rows[i];
            int[] columns = new int[m.rowLength(row)];
            double sum = 0;
            for (int p = m.rowStart(row); p < m.rowEnd(row); p++) {
                columns[p - m.rowStart(row)] = m.columnAt(p);
                sum += m.ratingAt(p);
            }
            double mean = columns.length == 0 ? Double.NaN : sum / columns.length;
            values[i] = value(colouring, columns.length, mean);
            labels.add(label(colouring, profiles, columns, columns.length, mean));
        }
        return of(colouring, profiles, labels, values);
    }

    /** Labels of rating-matrix columns (movies). */
    public static PointLabels ofMovies(Dataset dataset, MovieProfiles profiles, int[] columns, Colouring colouring) {
        RatingMatrix m = dataset.ratings();
        int[] counts = new int[m.movieCount()];
        double[] sums = new double[m.movieCount()];
        for (int p = 0; p < m.ratingCount(); p++) {
            counts[m.columnAt(p)]++;
            sums[m.columnAt(p)] += m.ratingAt(p);
        }
        List<String> labels = new ArrayList<>(columns.length);
        double[] values = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            double mean = counts[c] == 0 ? Double.NaN : sums[c] / counts[c];
            values[i] = value(colouring, counts[c], mean);
            labels.add(label(colouring, profiles, new int[]{c}, counts[c], mean));
        }
        return of(colouring, profiles, labels, values);
    }

    private static double value(Colouring colouring, int count, double mean) {
        return switch (colouring) {
            case GENRE, DECADE -> Double.NaN;
            case ACTIVITY -> count;
            case RATING -> mean;
        };
    }

    private static String label(Colouring colouring, MovieProfiles profiles, int[] columns, int count, double mean) {
        return switch (colouring) {
            case GENRE -> {
                int bin = largest(profiles.histogram(MovieProfiles.Kind.GENRE, columns, columns.length));
                yield bin < 0 ? NONE : profiles.genreNames().get(bin);
            }
            case DECADE -> {
                int bin = largest(profiles.histogram(MovieProfiles.Kind.DECADE, columns, columns.length));
                yield bin < 0 ? NONE : profiles.decades().get(bin) + "s";
            }
            case ACTIVITY -> activityBins().get(bin(count, ACTIVITY_EDGES));
            case RATING -> Double.isNaN(mean) ? NONE : ratingBins().get(bin(mean, RATING_EDGES));
        };
    }

    /** The first largest bin, or -1 when the histogram is empty. */
    private static int largest(double[] histogram) {
        int best = -1;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0 && (best < 0 || histogram[i] > histogram[best])) {
                best = i;
            }
        }
        return best;
    }

    private static int bin(double value, double[] edges) {
        int b = 0;
        while (b < edges.length && value >= edges[b]) {
            b++;
        }
        return b;
    }

    private static int bin(int value, int[] edges) {
        int b = 0;
        while (b < edges.length && value >= edges[b]) {
            b++;
        }
        return b;
    }

    private static List<String> activityBins() {
        List<String> bins = new ArrayList<>();
        int low = 1;
        for (int edge : ACTIVITY_EDGES) {
            bins.add(low + "-" + (edge - 1) + " ratings");
            low = edge;
        }
        bins.add(low + "+ ratings");
        return bins;
    }

    private static List<String> ratingBins() {
        List<String> bins = new ArrayList<>();
        bins.add(String.format(Locale.ROOT, "below %.1f stars", RATING_EDGES[0]));
        for (int i = 1; i < RATING_EDGES.length; i++) {
            bins.add(String.format(Locale.ROOT, "%.1f-%.1f stars", RATING_EDGES[i - 1], RATING_EDGES[i]));
        }
        bins.add(String.format(Locale.ROOT, "%.1f stars and above", RATING_EDGES[RATING_EDGES.length - 1]));
        return bins;
    }

    private static PointLabels of(Colouring colouring, MovieProfiles profiles, List<String> labels, double[] values) {
        List<String> order = switch (colouring) {
            case GENRE -> new ArrayList<>(profiles.genreNames());
            case DECADE -> profiles.decades().stream().map(d -> d + "s").toList();
            case ACTIVITY -> activityBins();
            case RATING -> ratingBins();
        };
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String l : order) {
            counts.put(l, 0);
        }
        counts.put(NONE, 0);
        for (String l : labels) {
            counts.merge(l, 1, Integer::sum);
        }
        List<String> legend = new ArrayList<>(counts.keySet().stream().filter(l -> counts.get(l) > 0).toList());
        if (colouring == Colouring.GENRE) {
            legend.sort(Comparator.comparing((String l) -> -counts.get(l)).thenComparing(l -> l));
        }
        return new PointLabels(labels, values, legend);
    }
}
