package org.encore.evaluation;

/** A metric computed per user and then averaged over users. NaN means "not defined for this user": skipped. */
public interface UserMetric {
    /** Short name used in tables and JSON, e.g. "recall20". */
    String name();

    double of(UserOutcome user);
}
