package org.encore.data;

import java.util.List;

/**
 * A planted taste of the synthetic generator: its users prefer movies of these genres released in these years.
 *
 * @param name     short name, e.g. "action-scifi-80s-90s"
 * @param genres   the MovieLens genres the group likes
 * @param fromYear first year of the preferred era
 * @param toYear   last year of the preferred era
 * @param share    relative number of users in the group
 */
public record TasteGroup(String name, List<String> genres, int fromYear, int toYear, double share) {
    public TasteGroup {
        genres = List.copyOf(genres);
    }

    public boolean likesGenre(String genre) {
        return genres.contains(genre);
    }

    public boolean coversYear(int year) {
        return year >= fromYear && year <= toYear;
    }

    /**
     * How well a movie suits this group, 0..1: 0.7 x the share of its genres the group likes + 0.3 x how close its
     * year is to the group's era (1 inside, fading to 0 twelve years away; 0.3 without a year).
     */
    public double affinity(Movie movie) {
        double genreMatch = 0;
        if (!movie.genres().isEmpty()) {
            int liked = 0;
            for (String genre : movie.genres()) {
                if (likesGenre(genre)) {
                    liked++;
                }
            }
            genreMatch = (double) liked / movie.genres().size();
        }
        double eraMatch;
        if (!movie.hasYear()) {
            eraMatch = 0.3;
        } else if (coversYear(movie.year())) {
            eraMatch = 1;
        } else {
            int distance = movie.year() < fromYear ? fromYear - movie.year() : movie.year() - toYear;
            eraMatch = Math.max(0, 1 - distance / 12.0);
        }
        return 0.7 * genreMatch + 0.3 * eraMatch;
    }

    /** The planted groups, in the order of their indices. */
    public static final List<TasteGroup> PLANTED = List.of(
            new TasteGroup("action-scifi-80s-90s", List.of("Action", "Adventure", "Sci-Fi"), 1980, 1999, 0.22),
            new TasteGroup("classic-drama-romance", List.of("Drama", "Film-Noir", "Romance"), 1940, 1969, 0.16),
            new TasteGroup("family-animation", List.of("Animation", "Children", "Fantasy"), 1995, 2023, 0.18),
            new TasteGroup("horror-thriller-70s-80s", List.of("Horror", "Mystery", "Thriller"), 1970, 1989, 0.14),
            new TasteGroup("war-western-documentary", List.of("Documentary", "War", "Western"), 1950, 1979, 0.10),
            new TasteGroup("modern-comedy-crime", List.of("Comedy", "Crime", "Musical"), 2000, 2023, 0.20));
}
