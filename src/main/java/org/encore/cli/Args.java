package org.encore.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Parses {@code --name value} options and {@code --flag} switches. Every command declares the names it knows,
 * so that a misspelt option is a usage error rather than silently ignored.
 */
public final class Args {
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

    public Path path(String name) throws UsageException {
        return Path.of(required(name));
    }

    /** A whole-number option that must be given. */
    public int requiredInteger(String name) throws UsageException {
        required(name);
        return integer(name, 0);
    }

    public int integer(String name, int fallback) throws UsageException {
        return number(name, fallback, Integer::parseInt, "a whole number");
    }

    public long longValue(String name, long fallback) throws UsageException {
        return number(name, fallback, Long::parseLong, "a whole number");
    }

    public double decimal(String name, double fallback) throws UsageException {
        return number(name, fallback, Double::parseDouble, "a number");
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
