package org.encore.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.encore.data.AtomicFiles;
import org.encore.data.RegularFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads and writes {@link ModelSpec}s as JSON. Layers carry a type name ("dense", "dropout"), never a class name.
 * A malformed file is reported with the JSON path of the offending field, e.g. {@code layers[2].activation}.
 */
public final class SpecFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private SpecFiles() {
    }

    /** The shared mapper (also used for run folders); configured not to accept unknown fields. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(ModelSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise spec " + spec.name(), e);
        }
    }

    /** Parses a spec; the exception message names the field (JSON path) and what was expected. */
    public static ModelSpec fromJson(String json) throws SpecFormatException {
        try {
            ModelSpec spec = MAPPER.readValue(json, ModelSpec.class);
            if (spec == null) {
                throw new SpecFormatException("(root)", "expected a JSON object, got null");
            }
            return spec;
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof StreamConstraintsException limit) {
                throw new SpecFormatException(fieldPath(e), tooBig(limit) + where(limit) + ": not a spec file?");
            }
            if (e.getOriginalMessage().startsWith("Trailing token")) {
                throw new SpecFormatException("(syntax)", "unexpected text after the spec's closing brace" + where(e)
                        + " (a spec file holds one JSON object)");
            }
            throw new SpecFormatException(fieldPath(e), shortMessage(e));
        } catch (StreamConstraintsException e) {
            throw new SpecFormatException("(syntax)", tooBig(e) + where(e) + ": not a spec file?");
        } catch (JsonProcessingException e) {
            throw new SpecFormatException("(syntax)", "malformed JSON" + where(e) + ": " + e.getOriginalMessage());
        }
    }

    /** A reader limit that was hit, in the spec's terms (Jackson names its StreamReadConstraints getters). */
    private static String tooBig(StreamConstraintsException e) {
        String message = e.getOriginalMessage();
        String limit = message.replaceAll(".*\\((\\d+), from.*", "$1");
        if (message.contains("nesting depth")) {
            return "the JSON is nested more than " + limit + " levels deep (a spec nests three)";
        }
        if (message.startsWith("Number")) {
            return "a number is longer than " + limit + " digits";
        }
        return "a text or field name is longer than " + limit + " characters";
    }

    /** " at line 3, column 7 (offset 41)" of a Jackson error, or "" when it has no location. */
    private static String where(JsonProcessingException e) {
        if (e.getLocation() == null || e.getLocation().getLineNr() < 0) {
            return "";
        }
        long offset = e.getLocation().getCharOffset();
        return " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                + (offset >= 0 ? " (offset " + offset + ")" : "");
    }

    /** Reads a spec file; the message names the file and the field. */
    public static ModelSpec read(Path file) throws IOException, SpecFormatException {
        String json = RegularFiles.readString(file);
        try {
            return fromJson(json);
        } catch (SpecFormatException e) {
            throw new SpecFormatException(file + ": " + e.field(), e.problem());
        }
    }

    /** Writes a spec file atomically. */
    public static void write(Path file, ModelSpec spec) throws IOException {
        AtomicFiles.writeString(file, toJson(spec) + "\n");
    }

    /** "layers[2].units" from Jackson's reference path. */
    static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(root)" : path.toString();
    }

    private static String shortMessage(JsonMappingException e) {
        Throwable cause = e.getCause();
        // our enums' @JsonCreator messages ("unknown activation 'x', expected one of ...") are the clearest
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return "unknown field (not part of a spec)";
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Cannot map `null` into type")) {
            return "is missing or null (expected a number)";
        }
        if (message.startsWith("Cannot coerce Floating-point value")) {
            return "is " + message.replaceAll("^Cannot coerce Floating-point value \\(([^)]*)\\).*", "$1")
                    + ", expected a whole number";
        }
        int cut = message.indexOf(" (for ");
        if (cut < 0) {
            cut = message.indexOf("\n");
        }
        return cut > 0 ? message.substring(0, cut) : message;
    }

    /** A spec file that is not valid JSON for a spec; {@link #field()} is the JSON path of the problem. */
    public static final class SpecFormatException extends Exception {
        private final String field;
        private final String problem;

        public SpecFormatException(String field, String problem) {
            super(field + ": " + problem);
            this.field = field;
            this.problem = problem;
        }

        public String field() {
            return field;
        }

        public String problem() {
            return problem;
        }
    }
}
