package org.encore.app;

/** One bar of a category chart: its label and height. */
public record Bar(String label, double value) {
}
