package org.encore.evaluation;

/**
 * Settings of the strong-generalisation split (Liang et al. 2018).
 *
 * @param validationFraction fraction of the kept users held out for validation (choosing settings)
 * @param testFraction       fraction of the kept users held out for the reported test numbers
 * @param foldInFraction     fraction of each held-out user's ratings fed to the model; the rest is hidden
 * @param minRatings         users with fewer ratings are left out of the experiment
 * @param seed               seeds the choice of held-out users and of each user's fed-in ratings
 * @param relevantRating     a hidden movie rated at least this many stars counts as relevant (the field's "&gt; 3.5": 4)
 */
public record SplitSettings(double validationFraction, double testFraction, double foldInFraction, int minRatings,
                            long seed, double relevantRating) {
    /** Relevance as the field judges it: a rating of 4 stars or more (Liang et al. keep ratings &gt; 3.5). */
    public static final double DEFAULT_RELEVANT_RATING = 4.0;

    /** The settings with the field's relevance threshold ({@link #DEFAULT_RELEVANT_RATING}). */
    public SplitSettings(double validationFraction, double testFraction, double foldInFraction, int minRatings, long seed) {
        this(validationFraction, testFraction, foldInFraction, minRatings, seed, DEFAULT_RELEVANT_RATING);
    }

    public SplitSettings {
        if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validation and test fractions must be above 0 and sum to below 1, got "
                    + validationFraction + " and " + testFraction);
        }
        if (!(foldInFraction > 0 && foldInFraction < 1)) {
            throw new IllegalArgumentException("fold-in fraction must be in (0, 1), got " + foldInFraction);
        }
        if (minRatings < 2) {
            throw new IllegalArgumentException("minimum ratings per user must be at least 2 (one fed in, one hidden), got " + minRatings);
        }
        if (!(relevantRating > 0 && relevantRating <= 5)) {
            throw new IllegalArgumentException("the relevance threshold must be a rating in (0, 5] stars, got " + relevantRating);
        }
    }

    /** Liang et al.'s protocol: 10% validation users, 10% test users, 80% of their ratings fed in, users with >= 5 ratings. */
    public static SplitSettings defaults(long seed) {
        return new SplitSettings(0.1, 0.1, 0.8, 5, seed);
    }

    /** These settings under another seed. */
    public SplitSettings withSeed(long newSeed) {
        return new SplitSettings(validationFraction, testFraction, foldInFraction, minRatings, newSeed, relevantRating);
    }
}
