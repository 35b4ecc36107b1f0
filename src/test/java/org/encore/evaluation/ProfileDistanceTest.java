package org.encore.evaluation;

import org.encore.data.Dataset;
import org.encore.data.LoadReport;
import org.encore.data.Movie;
import org.encore.data.MovieProfiles;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ProfileDistanceTest {
    private final Dataset dataset = new Dataset("t", Path.of("t"),
            TinyData.matrix(new int[][]{{1, 1, 8}, {1, 2, 8}, {1, 3, 8}, {1, 4, 8}}),
            List.of(new Movie(1, "A", 1994, Set.of("Drama")),
                    new Movie(2, "B", 1999, Set.of("Drama", "Comedy")),
                    new Movie(3, "C", 2001, Set.of("Horror")),
                    new Movie(4, "D", Movie.NO_YEAR, Set.of())),
            new LoadReport(0, 0, 0, false, List.of()));
    private final MovieProfiles profiles = MovieProfiles.of(dataset);

    @Test
    void multiGenreMoviesSplitTheirWeightAndMissingInformationIsLeftOut() {
        assertEquals(List.of("Comedy", "Drama", "Horror"), profiles.genreNames());
        assertEquals(List.of(1990, 2000), profiles.decades());
        assertArrayEquals(new double[]{0.5 / 3, 1.5 / 3, 1.0 / 3}, profiles.histogram(MovieProfiles.Kind.GENRE, new int[]{0, 1, 2, 3}, 4), 1e-12);
        assertArrayEquals(new double[]{2.0 / 3, 1.0 / 3}, profiles.histogram(MovieProfiles.Kind.DECADE, new int[]{0, 1, 2, 3}, 4), 1e-12);
    }

    @Test
    void distanceComparesFedInMoviesWithTheTopK() {
        UserOutcome sameDecade = new UserOutcome(new int[]{1, 2}, new int[0], new float[0], null, new int[]{0});
        // fed: 1990s only; top 1: 1990s -> 0; top 2 adds a 2000s film -> JS((1,0),(.5,.5))
        assertEquals(0.0, new ProfileDistance(profiles, MovieProfiles.Kind.DECADE, 1).of(sameDecade), 1e-12);
        assertEquals(0.3112781244591328, new ProfileDistance(profiles, MovieProfiles.Kind.DECADE, 2).of(sameDecade), 1e-9);
        UserOutcome disjoint = new UserOutcome(new int[]{2}, new int[0], new float[0], null, new int[]{0});
        assertEquals(1.0, new ProfileDistance(profiles, MovieProfiles.Kind.GENRE, 20).of(disjoint), 1e-12);
    }
}
