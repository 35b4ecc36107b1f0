package org.encore.app.user;

import org.encore.testutil.TinyData;
import org.encore.app.Bar;
import org.encore.data.Dataset;
import org.encore.data.MovieProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileBarsTest {
    private final Dataset dataset = TinyData.smallDataset();
    private final MovieProfiles profiles = MovieProfiles.of(dataset);
    private final ProfileBars.Categories categories = ProfileBars.Categories.of(profiles, dataset.ratings().movieCount());

    private int[] columns(Integer... movieIds) {
        return MovieProfiles.columnsOf(dataset.ratings(), List.of(movieIds));
    }

    /** The bars of non-zero height, by label. */
    private static Map<String, Double> shown(List<Bar> bars) {
        return bars.stream().filter(b -> b.value() != 0).collect(Collectors.toMap(Bar::label, Bar::value));
    }

    private static List<String> labels(List<Bar> bars) {
        return bars.stream().map(Bar::label).toList();
    }

    @Test
    void aMovieOfKGenresCountsOneKthInEachSoTheSharesAreOfMovies() {
        // movie 10: Action and Drama, movie 20: Comedy, movie 30: Drama; all from the 1950s
        ProfileBars bars = ProfileBars.of(categories, columns(10, 20), columns(30));
        assertEquals(Map.of("Action", 25.0, "Drama", 25.0, "Comedy", 50.0), shown(bars.ratedGenres()));
        assertEquals(Map.of("Drama", 100.0), shown(bars.recommendedGenres()));
        assertEquals(Map.of("1950s", 100.0), shown(bars.ratedDecades()));
        assertEquals(Map.of("1950s", 100.0), shown(bars.recommendedDecades()));
    }

    @Test
    void everyUserIsChartedOverTheDatasetsGenresAndDecadesInOneOrder() {
        ProfileBars one = ProfileBars.of(categories, columns(10, 20), columns(30));
        ProfileBars other = ProfileBars.of(categories, columns(400, 200), columns());
        // Drama: every fifth movie and every third besides, the most common genre; then the rest by share
        List<String> genres = labels(one.ratedGenres());
        assertEquals("Drama", genres.get(0), "the most common genre of the dataset first");
        assertEquals(Set.of(TinyData.SMALL_GENRES), Set.copyOf(genres), "every genre of the dataset");
        List<String> decades = profiles.decades().stream().map(d -> d + "s").toList();
        assertEquals(decades, labels(one.ratedDecades()), "every decade of the dataset, oldest first");
        for (ProfileBars bars : List.of(one, other)) {
            assertEquals(genres, labels(bars.ratedGenres()));
            assertEquals(genres, labels(bars.recommendedGenres()));
            assertEquals(decades, labels(bars.ratedDecades()));
            assertEquals(decades, labels(bars.recommendedDecades()));
        }
    }

    @Test
    void moviesWithoutAYearAreLeftOutOfTheDecadesOnly() {
        // movie 400 has no year; movie 200 (k = 19) came out in 1988
        ProfileBars bars = ProfileBars.of(categories, columns(400, 200), columns());
        assertEquals(Map.of("1980s", 100.0), shown(bars.ratedDecades()));
        assertEquals(Map.of(), shown(bars.recommendedDecades()));
        assertEquals(100.0, bars.ratedGenres().stream().mapToDouble(Bar::value).sum(), 1e-9);
        assertEquals(0.0, bars.recommendedGenres().stream().mapToDouble(Bar::value).sum(), 1e-9);
    }

    @Test
    void columnsOfSkipsMoviesTheMatrixLacks() {
        assertArrayEquals(new int[]{dataset.ratings().movies().indexOf(20)},
                MovieProfiles.columnsOf(dataset.ratings(), List.of(5, 20)));
    }
}
