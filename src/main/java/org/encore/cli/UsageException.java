package org.encore.cli;

/** A command line that cannot be understood; the CLI prints the message and usage and exits 2. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
