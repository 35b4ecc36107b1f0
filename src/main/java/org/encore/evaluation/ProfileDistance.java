package org.encore.evaluation;

/**
 * How far the genre (or release-decade) profile of a user's top k is from the profile of the movies the user fed
 * in: Jensen-Shannon divergence in bits between the two normalised histograms (0 = same mix, 1 = nothing in
 * common). NaN (user skipped) when either side has no genre / year information.
 */
public final class ProfileDistance implements UserMetric {
    private final MovieProfiles profiles;
    private final MovieProfiles.Kind kind;
    private final int k;

    public ProfileDistance(MovieProfiles profiles, MovieProfiles.Kind kind, int k) {
        this.profiles = profiles;
        this.kind = kind;
        this.k = k;
    }

    @Override
    public String name() {
        return kind == MovieProfiles.Kind.GENRE ? "genreDistance" : "decadeDistance";
    }

    @Override
    public double of(UserOutcome user) {
        double[] own = profiles.histogram(kind, user.fedColumns(), user.fedColumns().length);
        double[] recommended = profiles.histogram(kind, user.ranked(), k);
        return MovieProfiles.jensenShannon(own, recommended);
    }
}
