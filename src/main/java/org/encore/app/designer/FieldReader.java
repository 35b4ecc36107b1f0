package org.encore.app.designer;

import org.encore.app.designer.SpecForm.Field;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the designer form's text fields as numbers: trimmed text in, the value out, or the field's "what is
 * expected" message recorded in {@code problems} and the caller's fallback returned, so that the other fields can
 * still be validated.
 */
final class FieldReader {
    private static final String WHOLE = "a whole number is expected";
    private static final String NUMBER = "a number is expected";
    private static final String WIDTHS = "whole numbers separated by commas are expected, e.g. 600 or 600, 300";

    private final Function<Field, String> texts;
    private final Map<Field, String> problems;

    /**
     * @param texts    the text of each field
     * @param problems where a field that does not parse gets its message
     */
    FieldReader(Function<Field, String> texts, Map<Field, String> problems) {
        this.texts = texts;
        this.problems = problems;
    }

    int whole(Field field, int fallback) {
        return parse(field, Integer::parseInt, fallback, WHOLE);
    }

    /** A whole number, or null (with the message) when it does not parse. */
    Integer wholeOrNull(Field field) {
        return parse(field, Integer::valueOf, null, WHOLE);
    }

    long wholeLong(Field field, long fallback) {
        return parse(field, Long::parseLong, fallback, WHOLE);
    }

    double number(Field field, double fallback) {
        return parse(field, Double::parseDouble, fallback, NUMBER);
    }

    /** A number, or null (with the message) when it does not parse. */
    Double numberOrNull(Field field) {
        return parse(field, Double::valueOf, null, NUMBER);
    }

    /** A number, or null when the field is blank (a setting that is off). */
    Double optionalNumber(Field field, Double fallback) {
        return text(field).isBlank() ? null : parse(field, Double::valueOf, fallback, NUMBER);
    }

    /** Layer widths typed as "600" or "600, 300" (commas or spaces); blank is no layer. */
    List<Integer> widths(Field field, List<Integer> fallback) {
        return parse(field, FieldReader::widths, fallback, WIDTHS);
    }

    /** How {@link #widths} reads back: "600, 300". */
    static String widthsText(List<Integer> widths) {
        return String.join(", ", widths.stream().map(String::valueOf).toList());
    }

    private static List<Integer> widths(String text) {
        List<Integer> widths = new ArrayList<>();
        for (String part : text.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                widths.add(Integer.parseInt(part));
            }
        }
        return widths;
    }

    private String text(Field field) {
        return texts.apply(field).trim();
    }

    private <T> T parse(Field field, Function<String, T> parser, T fallback, String expected) {
        try {
            return parser.apply(text(field));
        } catch (RuntimeException e) {
            problems.put(field, expected);
            return fallback;
        }
    }
}
