package org.encore.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The checks of a zip that {@link ZipFile} leaves out or reports vaguely. The bytes of an entry are checked against
 * its CRC-32 and size when its stream reaches the end (ZipFile checks neither, so a stored entry altered in place
 * would load). And when ZipFile refuses a whole archive ("invalid CEN header"), the central directory is read here
 * (APPNOTE.TXT 4.3.12, 4.3.16, 4.3.14-15 for zip64) to name the entry that is encrypted or compressed with a method
 * Java cannot read (bzip2, LZMA, ...), rather than calling the download "truncated or corrupt".
 */
final class ZipEntryCheck {
    private static final int ENCRYPTED = 1;
    private static final Map<Integer, String> METHODS = Map.ofEntries(Map.entry(1, "Shrink"), Map.entry(6, "Implode"),
            Map.entry(9, "Deflate64"), Map.entry(12, "bzip2"), Map.entry(14, "LZMA"), Map.entry(93, "Zstandard"),
            Map.entry(95, "XZ"), Map.entry(98, "PPMd"), Map.entry(99, "AES encryption"));
    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final long MAX_DIRECTORY_BYTES = 64L << 20;

    private ZipEntryCheck() {
    }

    /** An entry whose content is not what the archive records: its message says how (CRC or size). */
    static final class EntryException extends ZipException {
        EntryException(String message) {
            super(message);
        }
    }

    /**
     * The entry that makes the archive unreadable (encrypted, or compressed with a method other than stored and
     * Deflate), as an error naming it and what to do; null when there is none or the directory cannot be read.
     */
    static DataFormatException unreadableEntry(Path zip) {
        for (Map.Entry<String, int[]> e : centralDirectory(zip).entrySet()) {
            String problem = problem(e.getValue()[0], e.getValue()[1]);
            if (problem != null) {
                return new DataFormatException(zip + "!/" + e.getKey(), 0, problem);
            }
        }
        return null;
    }

    private static String problem(int flags, int method) {
        if ((flags & ENCRYPTED) != 0 || method == 99) {
            return "the zip entry is encrypted (password protected); unpack it with its password and open the folder";
        }
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            return "the zip entry is compressed with " + METHODS.getOrDefault(method, "compression method " + method)
                    + " (method " + method + "), which Encore cannot read; re-zip it with Deflate (the usual zip "
                    + "default) or unpack it";
        }
        return null;
    }

    /** Each entry's general-purpose flags and compression method, in directory order; empty when unreadable. */
    private static Map<String, int[]> centralDirectory(Path zip) {
        try (FileChannel channel = RegularFiles.openChannel(zip)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, 22 + 65535);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            int eocd = -1;
            for (int i = tailLength - 22; i >= 0; i--) {
                if (tail.getInt(i) == EOCD) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                return Map.of();
            }
            long directorySize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
            long directoryOffset = tail.getInt(eocd + 16) & 0xFFFFFFFFL;
            if (directoryOffset == 0xFFFFFFFFL && eocd >= 20 && tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
                ByteBuffer zip64 = read(channel, tail.getLong(eocd - 20 + 8), 56);
                if (zip64.getInt(0) != ZIP64_EOCD) {
                    return Map.of();
                }
                directorySize = zip64.getLong(40);
                directoryOffset = zip64.getLong(48);
            }
            if (directorySize > MAX_DIRECTORY_BYTES || directoryOffset + directorySize > size) {
                return Map.of();
            }
            ByteBuffer directory = read(channel, directoryOffset, (int) directorySize);
            Map<String, int[]> entries = new LinkedHashMap<>();
            int p = 0;
            while (p + 46 <= directory.limit() && directory.getInt(p) == CENTRAL_HEADER) {
                int nameLength = directory.getShort(p + 28) & 0xFFFF;
                int extraLength = directory.getShort(p + 30) & 0xFFFF;
                int commentLength = directory.getShort(p + 32) & 0xFFFF;
                if (p + 46 + nameLength > directory.limit()) {
                    break;
                }
                byte[] name = new byte[nameLength];
                directory.get(p + 46, name);
                entries.putIfAbsent(new String(name, StandardCharsets.UTF_8),
                        new int[] {directory.getShort(p + 8) & 0xFFFF, directory.getShort(p + 10) & 0xFFFF});
                p += 46 + nameLength + extraLength + commentLength;
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    private static ByteBuffer read(FileChannel channel, long at, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, at + buffer.position()) > 0) {
            // read it all
        }
        return buffer.clear();
    }

    /** The entry's bytes, checked against its CRC-32 and size at the end. */
    static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        String problem = problem(0, entry.getMethod());
        if (problem != null) {
            throw new EntryException(problem);
        }
        return new Checked(zip.getInputStream(entry), entry);
    }

    /** Counts and CRCs what passes; at the end compares both with the entry's recorded values. */
    private static final class Checked extends FilterInputStream {
        private final ZipEntry entry;
        private final CRC32 crc = new CRC32();
        private long count;
        private boolean checked;

        Checked(InputStream in, ZipEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                crc.update(b, off, n);
                count += n;
            } else if (n < 0 && !checked) {
                checked = true;
                check();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        private void check() throws EntryException {
            if (entry.getSize() >= 0 && count != entry.getSize()) {
                throw new EntryException("the zip entry holds " + count + " bytes but the archive records "
                        + entry.getSize() + " (damaged or altered archive)");
            }
            if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
                throw new EntryException(String.format("the zip entry's content does not match its CRC-32 (computed "
                        + "%08x, recorded %08x): the archive is damaged or was altered", crc.getValue(), entry.getCrc()));
            }
        }
    }
}
