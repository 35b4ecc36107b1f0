package org.encore.data;

/** Bad input: names the file, the line (1-based, 0 when not about a line) and what was expected. */
public class DataFormatException extends Exception {
    private final String file;
    private final long line;

    public DataFormatException(String file, long line, String message) {
        super(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
        this.file = file;
        this.line = line;
    }

    public DataFormatException(String file, long line, String message, Throwable cause) {
        this(file, line, message);
        initCause(cause);
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }
}
