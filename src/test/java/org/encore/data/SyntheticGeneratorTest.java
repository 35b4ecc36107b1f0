package org.encore.data;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticGeneratorTest {
    /** Small but with enough users per group for the statistics below. */
    private static final GeneratorSettings SMALL = new GeneratorSettings(600, 900, 45_000, 11, 3_000, 20);

    @TempDir
    static Path shared;
    private static SyntheticGenerator generator;
    private static Dataset dataset;

    @BeforeAll
    static void generateOnce() throws Exception {
        generator = new SyntheticGenerator(SMALL);
        generator.writeTo(shared.resolve("small"), ProgressListener.NONE, CancellationToken.none());
        dataset = load(shared.resolve("small"));
    }

    static Dataset load(Path dir) throws IOException, DataFormatException {
        return MovieLensLoader.load(dir, new LoadOptions(false, false), ProgressListener.NONE, CancellationToken.none());
    }

    @Test
    void sameSeedWritesTheSameBytesAndAnotherSeedDiffers(@TempDir Path dir) throws IOException {
        GeneratorSettings settings = new GeneratorSettings(120, 300, 6_000, 5, 900, 20);
        new SyntheticGenerator(settings).writeTo(dir.resolve("a"), ProgressListener.NONE, CancellationToken.none());
        new SyntheticGenerator(settings).writeTo(dir.resolve("b"), ProgressListener.NONE, CancellationToken.none());
        new SyntheticGenerator(settings.withSeed(6)).writeTo(dir.resolve("c"), ProgressListener.NONE, CancellationToken.none());
        for (String file : List.of("ratings.csv", "movies.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("b").resolve(file)),
                    file + " differs between two runs with the same seed");
            assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(file)), Files.readAllBytes(dir.resolve("c").resolve(file))),
                    file + " is the same for another seed");
        }
    }

    @Test
    void ml32mShapeHasTheReleaseCounts() {
        GeneratorSettings s = GeneratorSettings.shape("ml-32m");
        assertEquals(200_948, s.users());
        assertEquals(87_585, s.movies());
        assertEquals(32_000_204L, s.ratings());
        assertEquals(292_757, s.maxMovieId());
        assertEquals(20, s.minRatingsPerUser());
    }

    @Test
    void scaledMl32mShapeIsWrittenWithExactlyItsCounts(@TempDir Path dir) throws Exception {
        GeneratorSettings s = GeneratorSettings.ml32m().scaled(0.002);
        assertEquals(402, s.users());
        assertEquals(Math.round(32_000_204L * 0.002), s.ratings());
        new SyntheticGenerator(s).writeTo(dir, ProgressListener.NONE, CancellationToken.none());
        Dataset d = load(dir);
        assertEquals(s.ratings(), d.ratings().ratingCount());
        assertEquals(s.users(), d.ratings().userCount());
        assertEquals(s.movies(), d.movies().size());
        int[] ids = d.movies().stream().mapToInt(Movie::id).sorted().toArray();
        assertEquals(1, ids[0]);
        assertEquals(s.maxMovieId(), ids[ids.length - 1], "ids reach the shape's largest id");
        assertTrue(s.maxMovieId() > 3 * s.movies(), "ids are spread out, not sequential");
        assertEquals(Files.readAllLines(dir.resolve("ratings.csv")).size(), s.ratings() + 1, "header plus one line per rating");
    }

    @Test
    void everyUserHasAtLeastTwentyRatingsAndTheTotalIsExact() {
        RatingMatrix r = dataset.ratings();
        assertEquals(SMALL.ratings(), r.ratingCount());
        assertEquals(SMALL.users(), r.userCount());
        for (int row = 0; row < r.userCount(); row++) {
            assertTrue(r.rowLength(row) >= 20, "user " + r.users().idAt(row) + " has " + r.rowLength(row) + " ratings");
            assertTrue(r.rowLength(row) <= SMALL.maxRatingsPerUser());
        }
    }

    @Test
    void ratingsAreHalfStarsBetweenHalfAndFive() {
        for (float v : dataset.ratings().ratings()) {
            assertTrue(v >= 0.5f && v <= 5f && v * 2 == Math.rint(v * 2), "rating " + v);
        }
    }

    @Test
    void activityAndPopularityAreLongTailed() {
        RatingMatrix r = dataset.ratings();
        int[] perUser = new int[r.userCount()];
        int[] perMovie = new int[r.movieCount()];
        for (int row = 0; row < r.userCount(); row++) {
            perUser[row] = r.rowLength(row);
            for (int p = r.rowStart(row); p < r.rowEnd(row); p++) {
                perMovie[r.columnAt(p)]++;
            }
        }
        Arrays.sort(perUser);
        Arrays.sort(perMovie);
        assertTrue(perUser[perUser.length - 1] > 5 * perUser[perUser.length / 2], "heaviest user far above the median");
        assertTrue(perMovie[perMovie.length - 1] > 5 * perMovie[perMovie.length / 2], "most popular movie far above the median");
    }

    @Test
    void usersRateTheirGroupsGenresHigherThanOtherGenres() {
        RatingMatrix r = dataset.ratings();
        List<TasteGroup> groups = TasteGroup.PLANTED;
        for (int g = 0; g < groups.size(); g++) {
            TasteGroup group = groups.get(g);
            double[] liked = new double[3];   // n, sum, sum of squares
            double[] others = new double[3];
            int members = 0;
            for (int row = 0; row < r.userCount(); row++) {
                if (generator.groupOfUser(r.users().idAt(row)) != g) {
                    continue;
                }
                members++;
                for (int p = r.rowStart(row); p < r.rowEnd(row); p++) {
                    Movie movie = dataset.movieOfColumn(r.columnAt(p));
                    if (movie.genres().isEmpty()) {
                        continue;
                    }
                    boolean all = movie.genres().stream().allMatch(group::likesGenre);
                    boolean none = movie.genres().stream().noneMatch(group::likesGenre);
                    double[] acc = all ? liked : none ? others : null;
                    if (acc != null) {
                        acc[0]++;
                        acc[1] += r.ratingAt(p);
                        acc[2] += r.ratingAt(p) * r.ratingAt(p);
                    }
                }
            }
            assertTrue(members >= 30, group.name() + " has only " + members + " users");
            double likedMean = liked[1] / liked[0];
            double otherMean = others[1] / others[0];
            double se = Math.sqrt(variance(liked) / liked[0] + variance(others) / others[0]);
            double z = (likedMean - otherMean) / se;
            assertTrue(likedMean - otherMean > 0.7 && z > 10, String.format("%s: own genres %.2f vs other genres %.2f (z=%.1f)",
                    group.name(), likedMean, otherMean, z));
        }
    }

    @Test
    void usersMostlyPickMoviesOfTheirGroup() {
        RatingMatrix r = dataset.ratings();
        long own = 0;
        for (int row = 0; row < r.userCount(); row++) {
            TasteGroup group = TasteGroup.PLANTED.get(generator.groupOfUser(r.users().idAt(row)));
            for (int p = r.rowStart(row); p < r.rowEnd(row); p++) {
                if (dataset.movieOfColumn(r.columnAt(p)).genres().stream().anyMatch(group::likesGenre)) {
                    own++;
                }
            }
        }
        double share = (double) own / r.ratingCount();
        assertTrue(share > 0.5, "share of ratings on the group's genres " + share);
    }

    @Test
    void groupErasShowInTheRatings() {
        // classic-drama-romance (1940-69) vs family-animation (1995-2023): same Drama movies, different eras
        RatingMatrix r = dataset.ratings();
        int classic = TasteGroup.PLANTED.indexOf(TasteGroup.PLANTED.stream().filter(t -> t.name().equals("classic-drama-romance")).findFirst().orElseThrow());
        double[] old = new double[2];
        double[] recent = new double[2];
        for (int row = 0; row < r.userCount(); row++) {
            if (generator.groupOfUser(r.users().idAt(row)) != classic) {
                continue;
            }
            for (int p = r.rowStart(row); p < r.rowEnd(row); p++) {
                Movie movie = dataset.movieOfColumn(r.columnAt(p));
                if (!movie.genres().contains("Drama") || !movie.hasYear()) {
                    continue;
                }
                double[] acc = movie.year() <= 1969 ? old : movie.year() >= 1995 ? recent : null;
                if (acc != null) {
                    acc[0]++;
                    acc[1] += r.ratingAt(p);
                }
            }
        }
        assertTrue(old[0] > 50 && recent[0] > 20, "enough ratings: " + old[0] + ", " + recent[0]);
        assertTrue(old[1] / old[0] > recent[1] / recent[0] + 0.3,
                "classic fans rate old dramas " + old[1] / old[0] + " vs recent " + recent[1] / recent[0]);
    }

    @Test
    void titlesWithCommasAndQuotesRoundTripThroughTheLoader() {
        List<Movie> written = generator.movies();
        assertEquals(written.size(), dataset.movies().size());
        for (Movie expected : written) {
            Movie read = dataset.movie(expected.id());
            assertNotNull(read, "movie " + expected.id());
            assertEquals(expected, read);
        }
        assertTrue(written.stream().anyMatch(m -> m.title().contains(",")), "some titles have commas");
        assertTrue(written.stream().anyMatch(m -> m.title().contains("\"")), "some titles have quotes");
        assertTrue(written.stream().anyMatch(m -> !m.hasYear()), "some titles have no year");
        assertTrue(written.stream().anyMatch(m -> m.genres().isEmpty()), "some movies have no genres");
        assertTrue(written.stream().anyMatch(m -> !m.title().chars().allMatch(c -> c < 128)), "some titles are not ASCII");
    }

    @Test
    void noGenresIsWrittenAsMovieLensDoes() throws IOException {
        List<String> lines = Files.readAllLines(shared.resolve("small").resolve("movies.csv"));
        assertEquals("movieId,title,genres", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(",(no genres listed)")));
        assertEquals("userId,movieId,rating,timestamp", Files.readAllLines(shared.resolve("small").resolve("ratings.csv")).get(0));
        assertFalse(new String(Files.readAllBytes(shared.resolve("small").resolve("ratings.csv"))).contains("\r"), "LF line ends");
    }

    @Test
    void timestampsFallAfterTheMoviesReleaseAndWithinMovieLensYears() {
        RatingMatrix r = dataset.ratings();
        long first = LocalDate.of(1996, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long last = LocalDate.of(2023, 10, 13).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        for (int row = 0; row < r.userCount(); row++) {
            for (int p = r.rowStart(row); p < r.rowEnd(row); p++) {
                long t = r.timestampAt(p);
                Movie movie = dataset.movieOfColumn(r.columnAt(p));
                assertTrue(t >= first && t < last, "timestamp " + t);
                if (movie.hasYear()) {
                    long release = LocalDate.of(movie.year(), 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
                    assertTrue(t >= release, "rated at " + t + " before " + movie.year());
                }
            }
        }
    }

    @Test
    void impossibleSettingsAreRefusedWithTheReason() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(100, 500, 1_000, 1, 1_000, 20));
        assertTrue(tooFew.getMessage().contains("at least users x 20 = 2000"), tooFew.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorSettings(10, 100, 10_000, 1, 1_000, 20));
        assertTrue(tooMany.getMessage().contains("at most 500"), tooMany.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GeneratorSettings(10, 100, 1_000, 1, 50, 20));
        assertThrows(IllegalArgumentException.class, () -> GeneratorSettings.shape("ml-99m"));
    }

    private static double variance(double[] acc) {
        double mean = acc[1] / acc[0];
        return acc[2] / acc[0] - mean * mean;
    }
}
