package org.encore.evaluation;

import java.util.BitSet;

/**
 * Catalog coverage of the top k: distinct movies that appear in at least one user's top k, divided by the number
 * of movies (columns). A property of the whole run, not of one user, so it has no standard error.
 */
public final class CatalogCoverage {
    private final int k;
    private final int catalogSize;
    private final BitSet seen = new BitSet();

    public CatalogCoverage(int k, int catalogSize) {
        this.k = k;
        this.catalogSize = catalogSize;
    }

    public String name() {
        return "coverage" + k;
    }

    public void add(UserOutcome user) {
        for (int i = 0; i < Math.min(k, user.ranked().length); i++) {
            seen.set(user.ranked()[i]);
        }
    }

    public double value() {
        return catalogSize == 0 ? Double.NaN : (double) seen.cardinality() / catalogSize;
    }
}
