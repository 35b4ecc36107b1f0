package org.encore.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.AtomicFiles;
import org.encore.data.RegularFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@link ModelSpec}s as JSON. The model kind and the layers carry a type name ("autoencoder",
 * "dense", "dropout"), never a class name. A malformed file is reported with the JSON path of the offending field,
 * e.g. {@code architecture.layers[2].activation}.
 * <p>
 * Files carry {@code "version": 2}. A file without a version is the flat layout of version 1 (name, layers,
 * optimizer, loss, batchSize, epochs, usersFraction, validationFraction, seed, valueScale at the top level, always
 * an autoencoder); it is migrated on read, and its problems are named by the version-1 field.
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

    /** The layout written by {@link #write}. */
    public static final int VERSION = 2;
    /** Version-1 fields that moved into "training" in version 2 (the others: layers, valueScale, name, loss). */
    private static final Set<String> V1_TRAINING_FIELDS =
            Set.of("optimizer", "batchSize", "epochs", "usersFraction", "validationFraction", "seed");

    private SpecFiles() {
    }

    /** The shared mapper (also used for run folders); configured not to accept unknown fields. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(ModelSpec spec) {
        try {
            ObjectNode tree = MAPPER.createObjectNode().put("version", VERSION);
            tree.setAll((ObjectNode) MAPPER.valueToTree(spec));
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise spec " + spec.name(), e);
        }
    }

    /** Parses a spec of either version; the exception message names the field (JSON path) and what was expected. */
    public static ModelSpec fromJson(String json) throws SpecFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
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
        if (tree == null || !tree.isObject()) {
            throw new SpecFormatException("(root)", "expected a JSON object, got " + (tree == null || tree.isMissingNode() ? "nothing" : tree.getNodeType()));
        }
        ObjectNode object = (ObjectNode) tree;
        JsonNode version = object.remove("version");
        boolean version1 = version == null;
        if (version1) {
            object = migrateVersion1(object);
        } else if (!version.isInt() || version.intValue() != VERSION) {
            throw new SpecFormatException("version", "unsupported spec version " + version + " (this Encore reads 1 and " + VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(object, ModelSpec.class);
        } catch (JsonMappingException e) {
            String field = fieldPath(e);
            throw new SpecFormatException(version1 ? version1Field(field) : field, shortMessage(e));
        } catch (JsonProcessingException e) {
            throw new SpecFormatException("(root)", e.getOriginalMessage());
        }
    }

    /**
     * The version-2 tree of a version-1 spec: layers go into an "autoencoder" architecture, valueScale into the
     * input (not binarised, not normalised), the optimizer and the run settings into "training" (no L2 penalty, no
     * early stopping, as version 1 trained). Unknown fields stay at the root, where they are reported by name.
     */
    static ObjectNode migrateVersion1(ObjectNode v1) {
        ObjectNode v2 = MAPPER.createObjectNode();
        ObjectNode architecture = MAPPER.createObjectNode().put("type", "autoencoder");
        ObjectNode input = MAPPER.createObjectNode();
        ObjectNode training = MAPPER.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = v1.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if ("layers".equals(name)) {
                architecture.set(name, field.getValue());
            } else if ("valueScale".equals(name)) {
                input.set(name, field.getValue());
            } else if (V1_TRAINING_FIELDS.contains(name)) {
                training.set(name, field.getValue());
            } else {
                v2.set(name, field.getValue());
            }
        }
        input.putNull("binarizeAt").put("l2Normalize", false);
        training.put("l2", 0.0).put("patience", 0).put("exactTrainMetrics", false);
        v2.set("architecture", architecture);
        v2.set("input", input);
        v2.set("training", training);
        return v2;
    }

    /** The version-1 name of a field of a migrated spec: "training.epochs" -> "epochs". */
    private static String version1Field(String path) {
        for (String moved : new String[]{"architecture.", "input.", "training."}) {
            if (path.startsWith(moved)) {
                return path.substring(moved.length());
            }
        }
        return path;
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

    /** "architecture.layers[2].units" from Jackson's reference path. */
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
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field (not part of a spec)";
        }
        if (e instanceof InvalidTypeIdException typeId) {
            JsonSubTypes known = typeId.getBaseType() == null ? null
                    : typeId.getBaseType().getRawClass().getAnnotation(JsonSubTypes.class);
            String expected = known == null ? "" : " (expected one of "
                    + Arrays.stream(known.value()).map(JsonSubTypes.Type::name).toList() + ")";
            return typeId.getTypeId() == null ? "has no \"type\"" + expected
                    : "unknown type '" + typeId.getTypeId() + "'" + expected;
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
