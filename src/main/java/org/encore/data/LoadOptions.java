package org.encore.data;

/**
 * How to load a dataset.
 *
 * @param skipBadLines skip malformed lines (counted in the report) instead of stopping at the first
 * @param useCache     read and write the binary cache in the user's data directory
 */
public record LoadOptions(boolean skipBadLines, boolean useCache) {
    public static LoadOptions defaults() {
        return new LoadOptions(false, true);
    }
}
