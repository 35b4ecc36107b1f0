package org.encore.data;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class DatasetStatisticsTest {
    static final Path ML_LATEST_SMALL = Path.of("../shared/movielens/ml-latest-small");

    /** Users 10, 20, 30; movies 100, 200, 300 rated, 400 listed but unrated. */
    static Dataset tiny() {
        int[] users = {10, 10, 20, 30, 30, 30};
        int[] movies = {100, 200, 100, 100, 200, 300};
        float[] ratings = {4.0f, 2.5f, 5.0f, 0.5f, 3.0f, 4.0f};
        long[] times = {1, 2, 3, 4, 5, 6};
        RatingMatrix matrix = CsrBuilder.build(users, movies, ratings, times, users.length);
        List<Movie> list = List.of(
                new Movie(100, "Alpha", 1994, Set.of("Drama", "Comedy")),
                new Movie(200, "Beta", 1999, Set.of("Drama")),
                new Movie(300, "Gamma", Movie.NO_YEAR, Set.of()),
                new Movie(400, "Delta", 2003, Set.of("Horror")));
        return new Dataset("tiny", Path.of("tiny"), matrix, list, new LoadReport(0, 0, 0, false, List.of()));
    }

    @Test
    void countsAndRatingsOfAHandMadeDatasetAreExact() {
        DatasetStatistics s = DatasetStatistics.of(tiny());
        assertEquals(6, s.ratings());
        assertEquals(3, s.users());
        assertEquals(4, s.movies(), "movies of the movies file, unrated ones included");
        assertEquals(3, s.ratedMovies());
        assertEquals(6.0 / 9.0, s.density(), 1e-12);
        assertEquals(0.5f, s.minRating());
        assertEquals(5.0f, s.maxRating());
        assertEquals(19.0 / 6.0, s.meanRating(), 1e-9);
        assertArrayEquals(new int[] {2, 1, 3}, s.ratingsPerUser());
        assertArrayEquals(new float[] {3.25f, 5.0f, 2.5f}, s.meanPerUser(), 1e-6f);
        assertArrayEquals(new int[] {3, 2, 1}, s.ratingsPerMovie());
        assertArrayEquals(new float[] {9.5f / 3, 2.75f, 4.0f}, s.meanPerMovie(), 1e-6f);
    }

    @Test
    void histogramHasEveryHalfStarInOrder() {
        Map<Float, Long> h = DatasetStatistics.of(tiny()).ratingHistogram();
        assertEquals(List.of(0.5f, 1.0f, 1.5f, 2.0f, 2.5f, 3.0f, 3.5f, 4.0f, 4.5f, 5.0f), new ArrayList<>(h.keySet()));
        assertEquals(List.of(1L, 0L, 0L, 0L, 1L, 1L, 0L, 2L, 0L, 1L), new ArrayList<>(h.values()));
    }

    @Test
    void genresYearsAndDecadesCountTheListedMovies() {
        DatasetStatistics s = DatasetStatistics.of(tiny());
        assertEquals(List.of("Drama", "Comedy", "Horror"), new ArrayList<>(s.moviesPerGenre().keySet()), "largest first, ties by name");
        assertEquals(Map.of("Drama", 2, "Comedy", 1, "Horror", 1), s.moviesPerGenre());
        assertEquals(List.of(1994, 1999, 2003), new ArrayList<>(s.moviesPerYear().keySet()));
        assertEquals(Map.of(1990, 2, 2000, 1), s.moviesPerDecade());
        assertEquals(1, s.moviesWithoutGenres());
        assertEquals(1, s.moviesWithoutYear());
    }

    @Test
    void withoutAMoviesFileTheRatedMoviesCount() {
        Dataset d = tiny();
        Dataset bare = new Dataset("bare", d.source(), d.ratings(), List.of(), d.report());
        DatasetStatistics s = DatasetStatistics.of(bare);
        assertEquals(3, s.movies());
        assertEquals(3, s.ratedMovies());
    }

    @Test
    void anEmptyMatrixGivesZerosNotNaN() {
        RatingMatrix empty = CsrBuilder.build(new int[0], new int[0], new float[0], new long[0], 0);
        DatasetStatistics s = DatasetStatistics.of(new Dataset("empty", Path.of("e"), empty, List.of(),
                new LoadReport(0, 0, 0, false, List.of())));
        assertEquals(0, s.ratings());
        assertEquals(0, s.density());
        assertEquals(0f, s.minRating());
        assertEquals(0f, s.maxRating());
        assertEquals(0, s.meanRating());
    }

    @Test
    void spreadGivesMinMedianMaxAndMean() {
        assertEquals(new DatasetStatistics.Spread(1, 2.5, 10, 4.0), DatasetStatistics.spread(new int[] {10, 1, 2, 3}));
        assertEquals(new DatasetStatistics.Spread(2, 2, 2, 2), DatasetStatistics.spread(new int[] {2}));
    }

    @Test
    void mlLatestSmallHasItsKnownCounts() throws Exception {
        assumeTrue(Files.isDirectory(ML_LATEST_SMALL), "ml-latest-small not found at " + ML_LATEST_SMALL.toAbsolutePath()
                + " (the shared MovieLens folder); skipping the real-data statistics check");
        Dataset d = MovieLensLoader.load(ML_LATEST_SMALL, new LoadOptions(false, false), ProgressListener.NONE, CancellationToken.none());
        DatasetStatistics s = DatasetStatistics.of(d);
        assertEquals(100_836, s.ratings());
        assertEquals(610, s.users());
        assertEquals(9_742, s.movies());
        assertEquals(9_724, s.ratedMovies());
        assertEquals(0.5f, s.minRating());
        assertEquals(5.0f, s.maxRating());
        assertEquals(100_836, s.ratingHistogram().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(26_818L, s.ratingHistogram().get(4.0f));
        assertEquals(20, DatasetStatistics.spread(s.ratingsPerUser()).min(), "every MovieLens user rated at least 20");
        assertEquals(34, s.moviesWithoutGenres());
        assertEquals(4_361, s.moviesPerGenre().get("Drama"));
        assertEquals(100_836 / (610.0 * 9_724), s.density(), 1e-12);
    }
}
