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
 *
 * @param ratedGenres       the genres that weigh most on either side (at most {@value #GENRES}), largest first
 * @param recommendedGenres the same genres, for the recommended movies
 * @param ratedDecades      every decade either side has, oldest first
 * @param recommendedDecades the same decades, for the recommended movies
 */
public record ProfileBars(List<Bar> ratedGenres, List<Bar> recommendedGenres, List<Bar> ratedDecades,
                          List<Bar> recommendedDecades) {
    /** How many genres a chart shows. */
    public static final int GENRES = 10;

    /**
     * @param ratedColumns       the columns of the user's rated movies
     * @param recommendedColumns the columns of every recommended movie on screen (a movie in two lists counts twice)
     */
    public static ProfileBars of(MovieProfiles profiles, int[] ratedColumns, int[] recommendedColumns) {
        double[] ratedGenre = profiles.histogram(MovieProfiles.Kind.GENRE, ratedColumns, ratedColumns.length);
        double[] recGenre = profiles.histogram(MovieProfiles.Kind.GENRE, recommendedColumns, recommendedColumns.length);
        List<Integer> top = IntStream.range(0, ratedGenre.length).filter(g -> ratedGenre[g] + recGenre[g] > 0).boxed()
                .sorted(Comparator.comparingDouble((Integer g) -> -(ratedGenre[g] + recGenre[g])))
                .limit(GENRES).toList();
        List<String> genreNames = profiles.genreNames();
        double[] ratedDecade = profiles.histogram(MovieProfiles.Kind.DECADE, ratedColumns, ratedColumns.length);
        double[] recDecade = profiles.histogram(MovieProfiles.Kind.DECADE, recommendedColumns, recommendedColumns.length);
        List<Integer> decades = IntStream.range(0, ratedDecade.length).filter(d -> ratedDecade[d] + recDecade[d] > 0)
                .boxed().toList();
        List<String> decadeLabels = profiles.decades().stream().map(d -> d + "s").toList();
        return new ProfileBars(bars(top, genreNames, ratedGenre), bars(top, genreNames, recGenre),
                bars(decades, decadeLabels, ratedDecade), bars(decades, decadeLabels, recDecade));
    }

    /** The open dataset's {@link MovieProfiles}, binned once per dataset (any thread). */
    static final class Cache {
        private Dataset dataset;
        private MovieProfiles profiles;

        synchronized MovieProfiles of(Dataset forDataset) {
            if (forDataset != dataset) {
                profiles = MovieProfiles.of(forDataset);
                dataset = forDataset;
            }
            return profiles;
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
