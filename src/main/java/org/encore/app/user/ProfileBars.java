package org.encore.app.user;

import org.encore.app.Bar;
import org.encore.data.Dataset;
import org.encore.data.MovieProfiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The per-user panel's rated-versus-recommended charts: the {@link MovieProfiles} histograms of the two sets of
 * movies, in percent of movies. A movie with k genres counts 1/k in each, so each side's genre bars sum to 100%
 * (a share of movies, as in the evaluator's profile distances); movies without a year are left out of the decades.
 * The bars are the dataset's {@link Categories}, the same for every user: the same genre stands in the same place
 * from one user to the next, and the charts change only their bars' heights (rebuilding a grouped bar chart's
 * categories costs the FX thread tens of milliseconds per user).
 *
 * @param ratedGenres        every genre of the dataset, the most common first ({@link Categories#genres})
 * @param recommendedGenres  the same genres, for the recommended movies
 * @param ratedDecades       every decade of the dataset, oldest first
 * @param recommendedDecades the same decades, for the recommended movies
 */
public record ProfileBars(List<Bar> ratedGenres, List<Bar> recommendedGenres, List<Bar> ratedDecades,
                          List<Bar> recommendedDecades) {

    /**
     * @param ratedColumns       the columns of the user's rated movies
     * @param recommendedColumns the columns of every recommended movie on screen (a movie in two lists counts twice)
     */
    public static ProfileBars of(Categories categories, int[] ratedColumns, int[] recommendedColumns) {
        MovieProfiles profiles = categories.profiles();
        double[] ratedGenre = profiles.histogram(MovieProfiles.Kind.GENRE, ratedColumns, ratedColumns.length);
        double[] recGenre = profiles.histogram(MovieProfiles.Kind.GENRE, recommendedColumns, recommendedColumns.length);
        double[] ratedDecade = profiles.histogram(MovieProfiles.Kind.DECADE, ratedColumns, ratedColumns.length);
        double[] recDecade = profiles.histogram(MovieProfiles.Kind.DECADE, recommendedColumns, recommendedColumns.length);
        List<Integer> decades = IntStream.range(0, profiles.bins(MovieProfiles.Kind.DECADE)).boxed().toList();
        List<String> genreNames = profiles.genreNames();
        List<String> decadeLabels = profiles.decades().stream().map(d -> d + "s").toList();
        return new ProfileBars(bars(categories.genres(), genreNames, ratedGenre), bars(categories.genres(), genreNames, recGenre),
                bars(decades, decadeLabels, ratedDecade), bars(decades, decadeLabels, recDecade));
    }

    /**
     * A dataset's genre and decade bins and the order its genres are charted in: by their share of the dataset's
     * movies, the most common first (ties by name), fixed for the dataset.
     *
     * @param genres the genre bins of {@code profiles}, the most common first
     */
    public record Categories(MovieProfiles profiles, List<Integer> genres) {
        public Categories {
            genres = List.copyOf(genres);
        }

        /** The categories of a dataset whose rating matrix has {@code movieCount} columns. */
        public static Categories of(MovieProfiles profiles, int movieCount) {
            int[] every = IntStream.range(0, movieCount).toArray();
            double[] shares = profiles.histogram(MovieProfiles.Kind.GENRE, every, every.length);
            List<Integer> order = IntStream.range(0, shares.length).boxed()
                    .sorted(Comparator.comparingDouble((Integer g) -> -shares[g]).thenComparing(g -> profiles.genreNames().get(g)))
                    .toList();
            return new Categories(profiles, order);
        }
    }

    /** The open dataset's {@link Categories}, binned once per dataset (any thread). */
    static final class Cache {
        private Dataset dataset;
        private Categories categories;

        synchronized Categories of(Dataset forDataset) {
            if (forDataset != dataset) {
                categories = Categories.of(MovieProfiles.of(forDataset), forDataset.ratings().movieCount());
                dataset = forDataset;
            }
            return categories;
        }
    }

    private static List<Bar> bars(List<Integer> bins, List<String> labels, double[] shares) {
        List<Bar> bars = new ArrayList<>(bins.size());
        for (int bin : bins) {
            bars.add(new Bar(labels.get(bin), 100 * shares[bin]));
        }
        return List.copyOf(bars);
    }
}
