package org.encore.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes CSV text as bytes through its own buffer, with numbers written digit by digit: tens of millions of
 * lines go out without a String per field. Not thread-safe; does not close the stream it wraps.
 */
final class CsvByteWriter {
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
        if (bytes.length > buffer.length - used) {
            flushBuffer();
            if (bytes.length > buffer.length) {
                out.write(bytes);
                written += bytes.length;
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, used, bytes.length);
        used += bytes.length;
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
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        int at = used + digits;
        long v = value;
        do {
            buffer[--at] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        used += digits;
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
