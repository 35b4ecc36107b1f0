package org.encore.inspect;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a map's points are coloured by (the {@code --color} choices of {@code ./encore latent}). */
public enum Colouring {
    /** The dominant genre of the user's rated movies, or the movie's own (first alphabetically of a tie). */
    GENRE,
    /** The dominant release decade of the user's rated movies, or the movie's decade. */
    DECADE,
    /** Number of ratings the user gave or the movie received, in bins. */
    ACTIVITY,
    /** Mean rating the user gave or the movie received, in half-star bins. */
    RATING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The colouring with this id, or null. */
    public static Colouring fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** "genre|decade|activity|rating". */
    public static String choices() {
        return Arrays.stream(values()).map(Colouring::id).collect(Collectors.joining("|"));
    }
}
