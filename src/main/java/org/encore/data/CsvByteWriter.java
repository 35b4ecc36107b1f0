package org.encore.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes CSV text as bytes through its own buffer, with numbers written digit by digit: tens of millions of
 * lines go out without a String per field. Not thread-safe; does not close the stream it wraps.
 */
final class CsvByteWriter {
    private static final byte[] DIGIT_TENS = new byte[100];
    private static final byte[] DIGIT_ONES = new byte[100];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_TENS[i] = (byte) ('0' + i / 10);
            DIGIT_ONES[i] = (byte) ('0' + i % 10);
        }
    }

    private final OutputStream out;
    private final byte[] buffer;
    private int used;
    private long written;

    CsvByteWriter(OutputStream out, int bufferSize) {
        this.out = out;
        this.buffer = new byte[bufferSize];
    }

    void writeByte(int b) throws IOException {
        if (used == buffer.length) {
            flushBuffer();
        }
        buffer[used++] = (byte) b;
    }

    void writeBytes(byte[] bytes) throws IOException {
        writeBytes(bytes, 0, bytes.length);
    }

    void writeBytes(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - used) {
            flushBuffer();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                written += length;
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    void writeAscii(String text) throws IOException {
        writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    void writeUtf8(String text) throws IOException {
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes a non-negative whole number in decimal. */
    void writeLong(long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        if (buffer.length - used < 20) {
            flushBuffer();
        }
        // Digits go right to left into the free room (int arithmetic while the value fits: much faster than long).
        int digits = digits(value);
        int at = used + digits;
        long v = value;
        while (v > Integer.MAX_VALUE) {
            long q = v / 100;
            int pair = (int) (v - q * 100);
            v = q;
            buffer[--at] = DIGIT_ONES[pair];
            buffer[--at] = DIGIT_TENS[pair];
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            int pair = i - q * 100;
            i = q;
            buffer[--at] = DIGIT_ONES[pair];
            buffer[--at] = DIGIT_TENS[pair];
        }
        buffer[--at] = DIGIT_ONES[i];
        if (i >= 10) {
            buffer[--at] = DIGIT_TENS[i];
        }
        used += digits;
    }

    private static int digits(long value) {
        int digits = 1;
        long limit = 10;
        while (digits < 19 && value >= limit) {
            digits++;
            limit *= 10;
        }
        return digits;
    }

    /** Writes a CSV field, quoted (with "" for a quote) when it holds a comma, a quote or a line break. */
    void writeField(String text) throws IOException {
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        if (!quote) {
            writeUtf8(text);
            return;
        }
        writeByte('"');
        writeUtf8(text.replace("\"", "\"\""));
        writeByte('"');
    }

    /** Bytes handed on so far, buffered ones included. */
    long bytesWritten() {
        return written + used;
    }

    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void flushBuffer() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            written += used;
            used = 0;
        }
    }
}
