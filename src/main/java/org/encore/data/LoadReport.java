package org.encore.data;

import java.util.List;

/**
 * What happened while loading.
 *
 * @param skippedLines  malformed lines skipped (only when skipping was asked for)
 * @param duplicates    repeated (user, movie) pairs; the later timestamp was kept
 * @param loadMillis    wall time of the load
 * @param fromCache     whether the binary cache answered
 * @param warnings      human-readable notes (first few skipped lines, missing movies file ...)
 */
public record LoadReport(long skippedLines, long duplicates, long loadMillis, boolean fromCache, List<String> warnings) {
    public LoadReport {
        warnings = List.copyOf(warnings);
    }
}
