package org.encore.evaluation;

import org.encore.data.MovieProfiles;

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
        return jensenShannon(own, recommended);
    }

    /**
     * Jensen-Shannon divergence in bits between two normalised histograms: 0 for identical profiles, 1 for
     * disjoint ones. NaN when either histogram is empty.
     */
    public static double jensenShannon(double[] p, double[] q) {
        double sp = 0;
        double sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        if (sp <= 0 || sq <= 0) {
            return Double.NaN;
        }
        double js = 0;
        for (int i = 0; i < p.length; i++) {
            double m = (p[i] + q[i]) / 2;
            if (p[i] > 0) {
                js += 0.5 * p[i] * log2(p[i] / m);
            }
            if (q[i] > 0) {
                js += 0.5 * q[i] * log2(q[i] / m);
            }
        }
        return Math.max(0, Math.min(1, js));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
