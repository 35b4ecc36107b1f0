package org.encore.data;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Fictional movie titles from word lists, written the MovieLens way: a leading article moves to the end after a
 * comma ("Harbor, The"), some titles hold commas or quotes (so CSV quoting is exercised) and a few accented letters.
 */
final class TitleMaker {
    private static final List<String> ADJECTIVES = List.of("Silent", "Crimson", "Last", "Hidden", "Broken", "Golden",
            "Midnight", "Distant", "Burning", "Frozen", "Secret", "Wild", "Lonely", "Electric", "Forgotten", "Iron",
            "Velvet", "Hollow", "Savage", "Quiet", "Restless", "Endless", "Scarlet", "Paper", "Glass", "Shattered",
            "Northern", "Bitter", "Sweet", "Lucky", "Crooked", "Invisible", "Eternal", "Final", "Little", "Brave",
            "Dark", "Bright", "Falling", "Rising", "Stolen", "Wandering", "Copper", "Neon", "Painted", "Sleeping");
    private static final List<String> NOUNS = List.of("Harbor", "Horizon", "Empire", "Garden", "River", "Mirror",
            "Shadow", "Kingdom", "Station", "Frontier", "Orchard", "Signal", "Lantern", "Voyage", "Letter", "Promise",
            "Circus", "Tower", "Island", "Engine", "Storm", "Summer", "Winter", "Highway", "Stranger", "Dancer",
            "Detective", "Machine", "Planet", "Witness", "Canyon", "Citadel", "Melody", "Ghost", "Border", "Bridge",
            "Harvest", "Compass", "Carnival", "Echo", "Falcon", "Lighthouse", "Ballad", "Heist", "Outpost", "Reunion");
    private static final List<String> NAMES = List.of("Max", "Lucy", "Arthur", "Nina", "Oscar", "Greta", "Felix",
            "Rosa", "Hugo", "Clara", "Zoe", "Ivan", "Mabel", "Theo", "Iris", "Leo", "Dolores", "Walter");
    private static final List<String> PLACES = List.of("Paris", "Brooklyn", "the North", "Mars", "Avalon", "Tokyo",
            "Lisbon", "the Valley", "Nowhere", "Sunset Boulevard", "the Moon", "Old Town", "Casablanca", "Route 66");
    private static final List<String> ACCENTED = List.of("Café", "Noël", "Mañana", "Déjà Vu", "Smörgåsbord", "Señor",
            "Über", "Fiancée");
    private static final List<String> SEQUELS = List.of("II", "III", "2", "Returns", "Reloaded");

    String next(SplittableRandom rng) {
        String adj = pick(rng, ADJECTIVES);
        String noun = pick(rng, NOUNS);
        int pattern = rng.nextInt(100);
        if (pattern < 14) {
            return adj + " " + noun + ", The";
        } else if (pattern < 36) {
            return adj + " " + noun;
        } else if (pattern < 46) {
            return noun + " of " + pick(rng, PLACES);
        } else if (pattern < 53) {
            return pick(rng, NAMES) + "'s " + noun;
        } else if (pattern < 58) {
            return noun + ", " + pick(rng, NOUNS) + " and " + pick(rng, NOUNS);
        } else if (pattern < 65) {
            return noun + ", The";
        } else if (pattern < 70) {
            return adj + " " + noun + " " + pick(rng, SEQUELS);
        } else if (pattern < 75) {
            return noun + ": " + adj + " " + pick(rng, NOUNS);
        } else if (pattern < 78) {
            return "\"" + adj + "\" " + noun;
        } else if (pattern < 85) {
            return pick(rng, NAMES) + " and the " + adj + " " + noun;
        } else if (pattern < 88) {
            return pick(rng, ACCENTED) + " " + noun;
        } else if (pattern < 93) {
            return noun + " in " + pick(rng, PLACES) + ", A";
        }
        return noun;
    }

    private static String pick(SplittableRandom rng, List<String> words) {
        return words.get(rng.nextInt(words.size()));
    }
}
