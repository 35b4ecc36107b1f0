package org.encore.cli;

import org.encore.data.OutputPaths;
import org.encore.data.OutputPaths.Overwrite;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses {@code --name value} options and {@code --flag} switches. Every command declares the names it knows,
 * so that a misspelt option is a usage error rather than silently ignored.
 */
public final class Args {
    /** The switch that lets a command replace an existing output. */
    static final String OVERWRITE = "overwrite";

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Args() {
    }

    /**
     * @param args        the words after the command name
     * @param valueNames  options that take a value (without "--")
     * @param flagNames   switches without a value (without "--")
     */
    public static Args parse(String[] args, List<String> valueNames, List<String> flagNames) throws UsageException {
        Args parsed = new Args();
        for (int i = 0; i < args.length; i++) {
            String word = args[i];
            if (!word.startsWith("--")) {
                throw new UsageException("unexpected argument '" + word + "'");
            }
            String name = word.substring(2);
            String inlineValue = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                inlineValue = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagNames.contains(name)) {
                parsed.flags.add(name);
            } else if (valueNames.contains(name)) {
                String value = inlineValue;
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option --" + name + " needs a value");
                    }
                    value = args[++i];
                }
                parsed.values.put(name, value);
            } else {
                throw new UsageException("unknown option --" + name);
            }
        }
        return parsed;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing required option --" + name);
        }
        return v;
    }

    /** A path option; the empty string is a usage error (it would silently mean the current folder). */
    public Path path(String name) throws UsageException {
        String value = required(name);
        if (value.isBlank()) {
            throw new UsageException("--" + name + " needs a path, got an empty string");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException("--" + name + " is not a valid path: " + e.getMessage());
        }
    }

    /** {@link Overwrite#REPLACE} when {@code --overwrite} was given (a command that writes declares that flag). */
    public Overwrite overwrite() {
        return Overwrite.of(flag(OVERWRITE));
    }

    /**
     * A folder to write, checked now, before any work ({@link OutputPaths#checkFolderTarget}): an existing
     * non-empty folder without {@code --overwrite}, a file, a link or an unwritable place is a usage error saying
     * what is wrong.
     */
    public Path outputFolder(String name) throws UsageException {
        Path dir = path(name);
        try {
            OutputPaths.checkFolderTarget(dir, overwrite());
        } catch (IOException e) {
            throw refused(name, e);
        }
        return dir;
    }

    /** A regular file to write, checked now like {@link #outputFolder}; absent options give null. */
    public Path outputFile(String name) throws UsageException {
        if (!has(name)) {
            return null;
        }
        Path file = path(name);
        try {
            OutputPaths.checkFileTarget(file, overwrite());
        } catch (IOException e) {
            throw refused(name, e);
        }
        return file;
    }

    private static UsageException refused(String name, IOException e) {
        boolean exists = e instanceof OutputPaths.Refused r && r.reason() == OutputPaths.Refused.Reason.EXISTS;
        return new UsageException("--" + name + " " + Main.describe(e)
                + (exists ? "; give --" + OVERWRITE + " to replace it" : ""));
    }

    /** A whole-number option that must be given. */
    public int requiredInteger(String name) throws UsageException {
        required(name);
        return integer(name, 0);
    }

    public int integer(String name, int fallback) throws UsageException {
        return number(name, fallback, Integer::parseInt, "a whole number");
    }

    /** A whole number in {@code range}, or {@code fallback} when the option is absent. */
    public int integer(String name, int fallback, Range range) throws UsageException {
        return inRange(name, integer(name, fallback), range);
    }

    /** A whole number in {@code range}, or empty when the option is absent. */
    public OptionalInt optionalInteger(String name, Range range) throws UsageException {
        return has(name) ? OptionalInt.of(integer(name, 0, range)) : OptionalInt.empty();
    }

    /** A whole number (a seed, say), or empty when the option is absent. */
    public OptionalLong optionalLong(String name) throws UsageException {
        return has(name) ? OptionalLong.of(longValue(name, 0)) : OptionalLong.empty();
    }

    public long longValue(String name, long fallback) throws UsageException {
        return number(name, fallback, Long::parseLong, "a whole number");
    }

    public double decimal(String name, double fallback) throws UsageException {
        return number(name, fallback, Double::parseDouble, "a number");
    }

    /** A number in {@code range}, or {@code fallback} when the option is absent. */
    public double decimal(String name, double fallback, Range range) throws UsageException {
        double value = decimal(name, fallback);
        if (has(name) && !range.contains(value)) {
            throw new UsageException("--" + name + " must be " + range.describe() + ", got " + values.get(name));
        }
        return value;
    }

    /** A number in {@code range}, or empty when the option is absent. */
    public OptionalDouble optionalDecimal(String name, Range range) throws UsageException {
        return has(name) ? OptionalDouble.of(decimal(name, 0, range)) : OptionalDouble.empty();
    }

    private int inRange(String name, int value, Range range) throws UsageException {
        if (has(name) && !range.contains(value)) {
            throw new UsageException("--" + name + " must be " + range.describe() + ", got " + value);
        }
        return value;
    }

    /** The option's value parsed by {@code parse}, or {@code fallback} when it is absent. */
    private <T> T number(String name, T fallback, Function<String, T> parse, String expected) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return parse.apply(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " expects " + expected + ", got '" + v + "'");
        }
    }
}
