package org.encore.app;

import java.nio.file.Path;
import java.util.List;

/**
 * Options of the workbench itself (a sub-command goes to the CLI instead).
 *
 * @param data  dataset to open instead of the remembered or bundled one, or null
 * @param smoke open the window, load the data, render each view once and exit (0 when all went well)
 */
public record LaunchOptions(Path data, boolean smoke) {
    public static final String USAGE = "usage: encore [--data PATH] [--smoke]   (or: encore help)";

    public static LaunchOptions parse(List<String> args) throws InvalidOptions {
        Path data = null;
        boolean smoke = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--smoke" -> smoke = true;
                case "--data" -> {
                    if (i + 1 >= args.size()) {
                        throw new InvalidOptions("--data needs a folder or .zip\n" + USAGE);
                    }
                    data = Path.of(args.get(++i));
                }
                default -> throw new InvalidOptions("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LaunchOptions(data, smoke);
    }

    /** A workbench command line that does not parse; the message says why and ends with {@link #USAGE}. */
    public static final class InvalidOptions extends Exception {
        public InvalidOptions(String message) {
            super(message);
        }
    }
}
