package org.encore.cli;

import java.io.PrintStream;

/** One headless sub-command of {@code ./encore}. */
public interface Command {
    /** The word after {@code ./encore}, e.g. "stats". */
    String name();

    /** One line for the usage listing, options included. */
    String usage();

    /**
     * Runs the command. Returns the exit status: 0 success, 1 data or run error (message already printed to
     * {@code err}). Throws {@link UsageException} for a bad command line (exit 2).
     */
    int run(String[] args, PrintStream out, PrintStream err) throws UsageException, Exception;
}
