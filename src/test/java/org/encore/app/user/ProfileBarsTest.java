package org.encore.app.user;

import org.encore.testutil.TinyData;
import org.encore.app.Bar;
import org.encore.data.Dataset;
import org.encore.data.MovieProfiles;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileBarsTest {
    private final Dataset dataset = TinyData.smallDataset();
    private final MovieProfiles profiles = MovieProfiles.of(dataset);

    private int[] columns(Integer... movieIds) {
        return MovieProfiles.columnsOf(dataset.ratings(), List.of(movieIds));
    }

    private static Map<String, Double> byLabel(List<Bar> bars) {
        return bars.stream().collect(Collectors.toMap(Bar::label, Bar::value));
    }

    @Test
    void aMovieOfKGenresCountsOneKthInEachSoTheSharesAreOfMovies() {
        // movie 10: Action and Drama, movie 20: Comedy, movie 30: Drama; all from the 1950s
        ProfileBars bars = ProfileBars.of(profiles, columns(10, 20), columns(30));
        assertEquals(Map.of("Action", 25.0, "Drama", 25.0, "Comedy", 50.0), byLabel(bars.ratedGenres()));
        assertEquals(Map.of("Action", 0.0, "Drama", 100.0, "Comedy", 0.0), byLabel(bars.recommendedGenres()));
        assertEquals(List.of("Drama", "Comedy", "Action"), bars.ratedGenres().stream().map(Bar::label).toList(),
                "largest over both sides first (Drama: 25% + 100%)");
        assertEquals(List.of(new Bar("1950s", 100.0)), bars.ratedDecades());
        assertEquals(List.of(new Bar("1950s", 100.0)), bars.recommendedDecades());
    }

    @Test
    void moviesWithoutAYearAreLeftOutOfTheDecadesOnly() {
        // movie 400 has no year; movie 200 (k = 19) came out in 1988
        ProfileBars bars = ProfileBars.of(profiles, columns(400, 200), columns());
        assertEquals(List.of(new Bar("1980s", 100.0)), bars.ratedDecades());
        assertEquals(List.of(new Bar("1980s", 0.0)), bars.recommendedDecades());
        assertEquals(100.0, bars.ratedGenres().stream().mapToDouble(Bar::value).sum(), 1e-9);
        assertEquals(0.0, bars.recommendedGenres().stream().mapToDouble(Bar::value).sum(), 1e-9);
    }

    @Test
    void columnsOfSkipsMoviesTheMatrixLacks() {
        assertArrayEquals(new int[]{dataset.ratings().movies().indexOf(20)},
                MovieProfiles.columnsOf(dataset.ratings(), List.of(5, 20)));
    }
}
