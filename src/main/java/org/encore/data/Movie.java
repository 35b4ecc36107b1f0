package org.encore.data;

import java.util.Set;

/**
 * A movie as listed in a MovieLens movies file.
 *
 * @param id     the MovieLens movie id (not sequential)
 * @param title  the title without the trailing "(year)"
 * @param year   release year parsed from the title, or 0 when the title has none
 * @param genres genre names; empty for "(no genres listed)"
 */
public record Movie(int id, String title, int year, Set<String> genres) {
    public static final int NO_YEAR = 0;

    public Movie {
        genres = Set.copyOf(genres);
    }

    public boolean hasYear() {
        return year != NO_YEAR;
    }

    /** Title with the year in parentheses, as MovieLens writes it. */
    public String displayTitle() {
        return hasYear() ? title + " (" + year + ")" : title;
    }
}
