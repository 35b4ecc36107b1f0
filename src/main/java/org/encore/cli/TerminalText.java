package org.encore.cli;

import org.encore.data.Movie;

/**
 * Text from the user's files (titles, genres, quoted lines in error messages) made safe to print on a terminal:
 * control characters would otherwise be acted on (an ESC sequence can recolour, move the cursor or retitle the
 * window). C0 controls but tab and newline, DEL and the C1 controls (ECMA-48 section 5) are written as
 * {@code \x1B}-style escapes, so that what the file holds stays visible. JSON output needs none of this: Jackson
 * escapes control characters itself.
 */
final class TerminalText {
    private TerminalText() {
    }

    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F);
            if (control && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (control) {
                out.append(String.format("\\x%02X", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A movie's title (and year) for the terminal, escaped; "Movie ID" for a movie without an entry. */
    static String movieTitle(Movie m, int movieId) {
        return m == null ? "Movie " + movieId : escape(m.displayTitle());
    }
}
