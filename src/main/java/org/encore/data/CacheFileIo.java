package org.encore.data;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The low-level reads and writes of a {@link DatasetCache} file: arrays of four-byte values, little-endian, with a
 * CRC32C per part (written through one staging buffer, read through memory-mapped windows), and length-prefixed
 * UTF-8 strings.
 */
final class CacheFileIo {
    private static final int IO_BYTES = 8 << 20;
    /*
     * The sections are read through memory-mapped windows: the checksum and the copy into the arrays then read
     * the page cache directly, one copy fewer than read() into a buffer. Windows are a multiple of four bytes, so
     * no int straddles two.
     */
    private static final long MAP_WINDOW = 64L << 20;

    private CacheFileIo() {
    }

    static void writeLongUtf(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    static String readLongUtf(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 20)) {
            throw new IOException("string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Reads {@code length} bytes at {@code position} into a little-endian buffer, flipped for reading. */
    static ByteBuffer readFully(FileChannel channel, long position, int length, String what) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) <= 0) {
                throw new IOException(what + " unreadable");
            }
        }
        return buffer.flip();
    }

    static long readInts(FileChannel channel, long from, long to, int[] values) throws IOException {
        return readSection(channel, from, to, values.length,
                (window, at, count) -> window.asIntBuffer().get(values, at, count));
    }

    /** Ratings are stored as floats: a bulk copy, where one byte a rating needed a conversion loop. */
    static long readFloats(FileChannel channel, long from, long to, float[] values) throws IOException {
        return readSection(channel, from, to, values.length,
                (window, at, count) -> window.asFloatBuffer().get(values, at, count));
    }

    /**
     * Moves {@code count} four-byte values between a little-endian buffer (at its position) and an array (from
     * index {@code at}): a bulk get when reading, a bulk put when writing.
     */
    private interface BulkCopy {
        void copy(ByteBuffer littleEndian, int at, int count);
    }

    /** Reads one section of {@code expectedValues} four-byte values window by window; returns its CRC32C. */
    private static long readSection(FileChannel channel, long from, long to, int expectedValues, BulkCopy into)
            throws IOException {
        CRC32C crc = new CRC32C();
        int at = 0;
        for (long position = from; position < to; position += MAP_WINDOW) {
            long length = Math.min(MAP_WINDOW, to - position);
            MappedByteBuffer window = channel.map(FileChannel.MapMode.READ_ONLY, position, length);
            crc.update(window.duplicate());
            int count = (int) (length / 4);
            into.copy(window.order(ByteOrder.LITTLE_ENDIAN), at, count);
            at += count;
        }
        if (at != expectedValues) {
            throw new IOException("section holds " + at + " values, expected " + expectedValues);
        }
        return crc.getValue();
    }

    /** Writes arrays little-endian through one staging buffer, with a CRC32C per part. */
    static final class ArrayWriter {
        private final OutputStream out;
        private CRC32C crc = new CRC32C();
        private final ByteBuffer buffer = ByteBuffer.allocate(IO_BYTES).order(ByteOrder.LITTLE_ENDIAN);

        ArrayWriter(OutputStream out) {
            this.out = out;
        }

        void ints(int[] values, int count) throws IOException {
            fourByteValues(count, (staging, from, len) -> staging.asIntBuffer().put(values, from, len));
        }

        void floats(float[] values, int count) throws IOException {
            fourByteValues(count, (staging, from, len) -> staging.asFloatBuffer().put(values, from, len));
        }

        /** Stages {@code count} four-byte values, as many at a time as the buffer has room for. */
        private void fourByteValues(int count, BulkCopy put) throws IOException {
            for (int at = 0; at < count; ) {
                if (buffer.remaining() < 4) {
                    flush();
                }
                int len = Math.min(count - at, buffer.remaining() / 4);
                put.copy(buffer, at, len);
                buffer.position(buffer.position() + len * 4);
                at += len;
            }
        }

        void bytes(byte[] values, int count) throws IOException {
            for (int from = 0; from < count; ) {
                if (!buffer.hasRemaining()) {
                    flush();
                }
                int len = Math.min(count - from, buffer.remaining());
                buffer.put(values, from, len);
                from += len;
            }
        }

        /** Ends the current part: writes what is staged and returns the part's CRC32C. */
        long endPart() throws IOException {
            flush();
            long value = crc.getValue();
            crc = new CRC32C();
            return value;
        }

        private void flush() throws IOException {
            crc.update(buffer.array(), 0, buffer.position());
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }
}
