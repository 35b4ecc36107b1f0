package org.encore.app.user;

import java.util.List;

/** The top N of one model (or of the blend), for the per-user panel. */
public record RecommendationList(String name, List<RecRow> rows) {
}
