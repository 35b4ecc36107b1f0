package org.encore.cli;

import java.util.Locale;

/**
 * The values a numeric option accepts: a finite number between two bounds, each included or not. Checked by
 * {@link Args} before a command reads any data, so that an out-of-range value is a usage error (exit 2).
 *
 * @param min          the lower bound ({@code -Infinity} for none)
 * @param minIncluded  whether {@code min} itself is accepted
 * @param max          the upper bound ({@code Infinity} for none)
 * @param maxIncluded  whether {@code max} itself is accepted
 */
public record Range(double min, boolean minIncluded, double max, boolean maxIncluded) {
    /** Any finite number. */
    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);

    /** {@code min} or more. */
    public static Range atLeast(double min) {
        return new Range(min, true, Double.POSITIVE_INFINITY, false);
    }

    /** More than {@code min}. */
    public static Range above(double min) {
        return new Range(min, false, Double.POSITIVE_INFINITY, false);
    }

    /** A share of a whole: above 0, at most 1. */
    public static Range fraction() {
        return new Range(0, false, 1, true);
    }

    public boolean contains(double value) {
        return Double.isFinite(value)
                && (minIncluded ? value >= min : value > min)
                && (maxIncluded ? value <= max : value < max);
    }

    /** "at least 1", "above 0", "in (0, 1]". */
    public String describe() {
        boolean lower = min != Double.NEGATIVE_INFINITY;
        boolean upper = max != Double.POSITIVE_INFINITY;
        if (lower && upper) {
            return "in " + (minIncluded ? "[" : "(") + text(min) + ", " + text(max) + (maxIncluded ? "]" : ")");
        }
        if (lower) {
            return (minIncluded ? "at least " : "above ") + text(min);
        }
        if (upper) {
            return (maxIncluded ? "at most " : "below ") + text(max);
        }
        return "a finite number";
    }

    private static String text(double bound) {
        return bound == Math.rint(bound) ? String.format(Locale.ROOT, "%d", (long) bound) : Double.toString(bound);
    }
}
