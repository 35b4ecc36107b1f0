package org.encore.data;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The movies of a {@link SyntheticGenerator} release, all drawn from one seeded stream: ids spread like
 * MovieLens's gaps, genres and a year mostly made for one {@link TasteGroup}'s taste, a title
 * ({@link TitleMaker}), a hidden quality, the earliest instant a movie can be rated, and a long-tailed popularity.
 */
final class SyntheticCatalogue {
    static final List<String> ALL_GENRES = List.of("Action", "Adventure", "Animation", "Children", "Comedy", "Crime",
            "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "IMAX", "Musical", "Mystery", "Romance", "Sci-Fi",
            "Thriller", "War", "Western");
    static final String NO_GENRES = "(no genres listed)";
    static final int LAST_YEAR = 2023;
    static final long DAY = 86_400L;
    private static final double QUALITY_SD = 0.3;

    /** The movies, in id order. */
    final Movie[] movies;
    /** The genres column of movies.csv, per movie. */
    final String[] genreFields;
    /** Added to the mean rating of every user, per movie. */
    final float[] quality;
    /** No rating of a movie is dated before this (epoch seconds; {@code Long.MIN_VALUE} without a year). */
    final long[] earliestRating;
    /** Relative chance of being picked, before taste. */
    final double[] popularity;

    SyntheticCatalogue(GeneratorSettings settings) {
        int n = settings.movies();
        SplittableRandom rng = new SplittableRandom(SeededRandom.mix(settings.seed(), 0x6d6f76696573L));
        int[] ids = movieIds(rng, n, settings.maxMovieId());
        movies = new Movie[n];
        genreFields = new String[n];
        quality = new float[n];
        earliestRating = new long[n];
        TitleMaker titles = new TitleMaker();
        for (int m = 0; m < n; m++) {
            List<String> genres = new ArrayList<>();
            int year = movieGenresAndYear(rng, genres);
            String title = titles.next(rng);
            if (rng.nextDouble() < 0.015) {
                year = Movie.NO_YEAR;
            }
            Collections.sort(genres);
            movies[m] = new Movie(ids[m], title, year, new LinkedHashSet<>(genres));
            genreFields[m] = genres.isEmpty() ? NO_GENRES : String.join("|", genres);
            quality[m] = (float) (SeededRandom.gaussian(rng) * QUALITY_SD);
            if (year != Movie.NO_YEAR) {
                int lastDay = year >= LAST_YEAR ? 200 : 330;
                earliestRating[m] = LocalDate.of(year, 1, 1).toEpochSecond(LocalTime.MIDNIGHT, ZoneOffset.UTC)
                        + rng.nextInt(lastDay) * DAY;
            } else {
                earliestRating[m] = Long.MIN_VALUE;
            }
        }
        popularity = popularity(rng, n);
    }

    /** {@code n} distinct sorted ids in 1..maxId, the first 1 and the last maxId, spread like MovieLens's gaps. */
    private static int[] movieIds(SplittableRandom rng, int n, int maxId) {
        if (n == maxId) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i + 1;
            }
            return all;
        }
        // Partial Fisher-Yates over 2..maxId-1, then add both ends.
        int[] pool = new int[maxId - 2];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = i + 2;
        }
        int take = n - 2;
        for (int i = 0; i < take; i++) {
            int j = i + rng.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] ids = new int[n];
        System.arraycopy(pool, 0, ids, 1, take);
        ids[0] = 1;
        ids[n - 1] = maxId;
        Arrays.sort(ids);
        return ids;
    }

    /** Genres into {@code genres}; returns the year. Most movies are made for one group's taste. */
    private static int movieGenresAndYear(SplittableRandom rng, List<String> genres) {
        double kind = rng.nextDouble();
        if (kind < 0.02) {
            return globalYear(rng);
        }
        if (kind < 0.17) {
            int count = 1 + rng.nextInt(3);
            while (genres.size() < count) {
                addOnce(genres, ALL_GENRES.get(rng.nextInt(ALL_GENRES.size())));
            }
            return globalYear(rng);
        }
        List<TasteGroup> groups = TasteGroup.PLANTED;
        TasteGroup home = groups.get(rng.nextInt(groups.size()));
        int own = 1 + (rng.nextDouble() < 0.45 ? 1 : 0);
        while (genres.size() < own) {
            addOnce(genres, home.genres().get(rng.nextInt(home.genres().size())));
        }
        if (rng.nextDouble() < 0.3) {
            addOnce(genres, ALL_GENRES.get(rng.nextInt(ALL_GENRES.size())));
        }
        if (rng.nextDouble() < 0.75) {
            return home.fromYear() + rng.nextInt(home.toYear() - home.fromYear() + 1);
        }
        return globalYear(rng);
    }

    /** Recent years are the most common, as in MovieLens; a tail reaches back to 1915. */
    private static int globalYear(SplittableRandom rng) {
        int back = (int) (-StrictMath.log(1 - rng.nextDouble()) * 20);
        return Math.max(1915, LAST_YEAR - back);
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Long-tailed (Zipf-like) popularity; lower ids (older catalogue entries) tend to be the popular ones. */
    private static double[] popularity(SplittableRandom rng, int n) {
        double[] key = new double[n];
        Integer[] order = new Integer[n];
        for (int m = 0; m < n; m++) {
            key[m] = rng.nextDouble() * (0.2 + (double) m / n);
            order[m] = m;
        }
        Arrays.sort(order, (a, b) -> Double.compare(key[a], key[b]));
        double[] popularity = new double[n];
        for (int rank = 0; rank < n; rank++) {
            popularity[order[rank]] = 1.0 / StrictMath.pow(rank + 30, 1.15);
        }
        return popularity;
    }
}
