package org.encore.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The binary cache of parsed datasets, one file per source in the user's data directory
 * ({@code $XDG_DATA_HOME/encore/cache}, else {@code ~/.local/share/encore/cache}; the system property
 * {@code encore.cache.dir} overrides both).
 * <p>
 * A cache file is trusted only when its key (the source's path, and for each source file its size, modification
 * time and a hash of its first and last 64 KiB) matches, its size is exactly what its counts imply, and the
 * CRC32C over everything before the trailer matches. Anything else is a miss and the source is parsed again.
 * Layout (little-endian): magic, version, meta block (key, release, report, movies), counts, user ids, movie ids,
 * row pointers, columns, ratings as half stars (one byte each), timestamps, CRC32C, end mark.
 */
final class DatasetCache {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);
    private static final byte[] MAGIC = "ENCORE-C".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "END!".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int IO_BYTES = 8 << 20;
    private static final int SAMPLE_BYTES = 64 << 10;
    private static final float[] HALF_STARS = {0f, 0.5f, 1f, 1.5f, 2f, 2.5f, 3f, 3.5f, 4f, 4.5f, 5f};

    private DatasetCache() {
    }

    /** What a cache file holds besides the matrix. */
    record Entry(Dataset dataset, long skippedLines) {
    }

    static Path directory() {
        String override = System.getProperty("encore.cache.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("encore").resolve("cache");
    }

    /** The cache file of a source: named by a hash of its absolute path. */
    static Path fileFor(Path source) {
        String name = hex(sha256(source.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8)));
        return directory().resolve(name.substring(0, 24) + ".encache");
    }

    /** The identity of the source's content: path, and each file's size, modification time and head/tail hash. */
    static String key(SourceFiles files) throws IOException {
        StringBuilder key = new StringBuilder("v" + VERSION + "|" + files.source().toAbsolutePath().normalize());
        for (Path file : files.identityFiles()) {
            long size = Files.size(file);
            key.append('|').append(file.getFileName()).append(':').append(size).append(':')
                    .append(Files.getLastModifiedTime(file).toMillis()).append(':').append(headTailHash(file, size));
        }
        return key.toString();
    }

    private static String headTailHash(Path file, long size) throws IOException {
        MessageDigest digest = newSha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(SAMPLE_BYTES);
            channel.read(buffer, 0);
            buffer.flip();
            digest.update(buffer);
            if (size > SAMPLE_BYTES) {
                buffer.clear();
                channel.read(buffer, Math.max(SAMPLE_BYTES, size - SAMPLE_BYTES));
                buffer.flip();
                digest.update(buffer);
            }
        }
        return hex(digest.digest()).substring(0, 32);
    }

    /** Writes the cache atomically. */
    static void write(Path cacheFile, String key, Dataset dataset, long skippedLines) throws IOException {
        RatingMatrix m = dataset.ratings();
        byte[] meta = meta(key, dataset, skippedLines);
        AtomicFiles.write(cacheFile, raw -> {
            CRC32C crc = new CRC32C();
            ArrayWriter out = new ArrayWriter(raw, crc);
            out.bytes(MAGIC, MAGIC.length);
            out.ints(new int[] {VERSION, meta.length}, 2);
            out.bytes(meta, meta.length);
            out.ints(new int[] {m.userCount(), m.movieCount(), m.ratingCount()}, 3);
            out.ints(m.users().ids(), m.userCount());
            out.ints(m.movies().ids(), m.movieCount());
            out.ints(m.rowPointers(), m.userCount() + 1);
            out.ints(m.columnIndices(), m.ratingCount());
            float[] ratings = m.ratings();
            byte[] halves = new byte[Math.min(IO_BYTES, Math.max(1, ratings.length))];
            for (int from = 0; from < ratings.length; from += halves.length) {
                int len = Math.min(halves.length, ratings.length - from);
                for (int i = 0; i < len; i++) {
                    halves[i] = (byte) Math.round(ratings[from + i] * 2f);
                }
                out.bytes(halves, len);
            }
            out.ints(m.timestampSeconds(), m.ratingCount());
            out.flush();
            ByteBuffer trailer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
            trailer.putLong(crc.getValue()).put(END);
            raw.write(trailer.array());
        });
    }

    private static byte[] meta(String key, Dataset dataset, long skippedLines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(key);
            out.writeUTF(dataset.release());
            LoadReport report = dataset.report();
            out.writeLong(skippedLines);
            out.writeLong(report.duplicates());
            out.writeInt(report.warnings().size());
            for (String warning : report.warnings()) {
                writeLongUtf(out, warning);
            }
            out.writeInt(dataset.movies().size());
            for (Movie movie : dataset.movies()) {
                out.writeInt(movie.id());
                writeLongUtf(out, movie.title());
                out.writeInt(movie.year());
                out.writeByte(movie.genres().size());
                for (String genre : movie.genres()) {
                    out.writeUTF(genre);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static void writeLongUtf(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readLongUtf(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 20)) {
            throw new IOException("string length " + length);
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /**
     * Reads the cache of {@code source}; null when there is none, when it is stale (another key), or when it is
     * damaged in any way (the reason is logged). Never throws for a bad cache file.
     */
    static Entry read(Path cacheFile, String key, Path source, long startNanos) {
        try (FileChannel channel = FileChannel.open(cacheFile, StandardOpenOption.READ)) {
            return read(channel, key, source, startNanos);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the damaged cache {} ({}); the source is parsed again", cacheFile, e.toString());
            return null;
        } catch (StaleException e) {
            LOG.info("Cache {} is for another version of the source; the source is parsed again", cacheFile);
            return null;
        }
    }

    private static final class StaleException extends Exception {
        StaleException() {
            super(null, null, false, false);
        }
    }

    private static Entry read(FileChannel channel, String key, Path source, long startNanos)
            throws IOException, StaleException {
        long fileSize = channel.size();
        CRC32C crc = new CRC32C();
        ArrayReader in = new ArrayReader(channel, crc, fileSize - 12);
        byte[] magic = new byte[MAGIC.length];
        in.bytes(magic, magic.length);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IOException("bad magic");
        }
        int[] head = new int[2];
        in.ints(head, 2);
        if (head[0] != VERSION) {
            throw new StaleException();
        }
        if (head[1] < 0 || head[1] > fileSize) {
            throw new IOException("bad meta length " + head[1]);
        }
        byte[] metaBytes = new byte[head[1]];
        in.bytes(metaBytes, metaBytes.length);
        DataInputStream meta = new DataInputStream(new java.io.ByteArrayInputStream(metaBytes));
        if (!meta.readUTF().equals(key)) {
            throw new StaleException();
        }
        String release = meta.readUTF();
        long skipped = meta.readLong();
        long duplicates = meta.readLong();
        int warningCount = meta.readInt();
        if (warningCount < 0 || warningCount > 10_000) {
            throw new IOException("bad warning count");
        }
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < warningCount; i++) {
            warnings.add(readLongUtf(meta));
        }
        int movieCount = meta.readInt();
        if (movieCount < 0 || movieCount > metaBytes.length) {
            throw new IOException("bad movie count");
        }
        List<Movie> movies = new ArrayList<>(movieCount);
        for (int i = 0; i < movieCount; i++) {
            int id = meta.readInt();
            String title = readLongUtf(meta);
            int year = meta.readInt();
            int genreCount = meta.readUnsignedByte();
            Set<String> genres = new LinkedHashSet<>();
            for (int g = 0; g < genreCount; g++) {
                genres.add(meta.readUTF());
            }
            movies.add(new Movie(id, title, year, genres));
        }
        int[] counts = new int[3];
        in.ints(counts, 3);
        int users = counts[0];
        int columns = counts[1];
        int nnz = counts[2];
        long expected = MAGIC.length + 8L + metaBytes.length + 12L
                + 4L * ((long) users + columns + users + 1 + nnz + nnz) + nnz + 12L;
        if (users < 0 || columns < 0 || nnz < 0 || expected != fileSize) {
            throw new IOException("size " + fileSize + " does not match its counts (truncated?)");
        }
        int[] userIds = new int[users];
        int[] movieIds = new int[columns];
        int[] rowPointers = new int[users + 1];
        int[] cols = new int[nnz];
        float[] ratings = new float[nnz];
        int[] times = new int[nnz];
        in.ints(userIds, users);
        in.ints(movieIds, columns);
        in.ints(rowPointers, users + 1);
        in.ints(cols, nnz);
        byte[] halves = new byte[Math.min(IO_BYTES, Math.max(1, nnz))];
        for (int from = 0; from < nnz; from += halves.length) {
            int len = Math.min(halves.length, nnz - from);
            in.bytes(halves, len);
            for (int i = 0; i < len; i++) {
                int h = halves[i];
                if (h < 1 || h > 10) {
                    throw new IOException("bad rating at " + (from + i));
                }
                ratings[from + i] = HALF_STARS[h];
            }
        }
        in.ints(times, nnz);
        long computed = crc.getValue();
        if (!in.atDataEnd()) {
            throw new IOException("data does not end where the trailer starts");
        }
        ByteBuffer trailer = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        long at = fileSize - 12;
        while (trailer.hasRemaining()) {
            int n = channel.read(trailer, at);
            if (n <= 0) {
                break;
            }
            at += n;
        }
        trailer.flip();
        if (trailer.remaining() != 12 || trailer.getLong() != computed) {
            throw new IOException("checksum mismatch");
        }
        byte[] end = new byte[4];
        trailer.get(end);
        if (!java.util.Arrays.equals(end, END)) {
            throw new IOException("bad end mark");
        }
        if (rowPointers[0] != 0 || rowPointers[users] != nnz) {
            throw new IOException("bad row pointers");
        }
        for (int r = 0; r < users; r++) {
            if (rowPointers[r + 1] < rowPointers[r]) {
                throw new IOException("bad row pointers");
            }
        }
        RatingMatrix matrix = new RatingMatrix(rowPointers, cols, ratings, times, new IdIndex(userIds),
                new IdIndex(movieIds));
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LoadReport report = new LoadReport(skipped, duplicates, millis, true, warnings);
        return new Entry(new Dataset(release, source, matrix, movies, report), skipped);
    }

    /** Writes arrays little-endian through one staging buffer, updating the CRC. */
    private static final class ArrayWriter {
        private final OutputStream out;
        private final CRC32C crc;
        private final ByteBuffer buffer = ByteBuffer.allocate(IO_BYTES).order(ByteOrder.LITTLE_ENDIAN);

        ArrayWriter(OutputStream out, CRC32C crc) {
            this.out = out;
            this.crc = crc;
        }

        void ints(int[] values, int count) throws IOException {
            for (int from = 0; from < count; ) {
                if (buffer.remaining() < 4) {
                    flush();
                }
                int len = Math.min(count - from, buffer.remaining() / 4);
                buffer.asIntBuffer().put(values, from, len);
                buffer.position(buffer.position() + len * 4);
                from += len;
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

        void flush() throws IOException {
            crc.update(buffer.array(), 0, buffer.position());
            out.write(buffer.array(), 0, buffer.position());
            buffer.clear();
        }
    }

    /** Reads arrays little-endian from the data region (all but the trailer) through one direct buffer, updating the CRC. */
    private static final class ArrayReader {
        private final FileChannel channel;
        private final CRC32C crc;
        private final long dataEnd;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(IO_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        private long filePosition;

        ArrayReader(FileChannel channel, CRC32C crc, long dataEnd) {
            this.channel = channel;
            this.crc = crc;
            this.dataEnd = dataEnd;
            buffer.limit(0);
        }

        /** Keeps the unread bytes and reads more until at least {@code atLeast} are available. */
        private void fill(int atLeast) throws IOException {
            buffer.compact();
            int freshStart = buffer.position();
            while (buffer.position() < atLeast) {
                long left = dataEnd - filePosition;
                if (left <= 0) {
                    throw new IOException("unexpected end of data (truncated?)");
                }
                buffer.limit((int) Math.min(buffer.capacity(), buffer.position() + left));
                int n = channel.read(buffer, filePosition);
                if (n < 0) {
                    throw new IOException("unexpected end of file (truncated?)");
                }
                filePosition += n;
            }
            buffer.flip();
            ByteBuffer fresh = buffer.duplicate();
            fresh.position(freshStart);
            crc.update(fresh);
        }

        void ints(int[] values, int count) throws IOException {
            for (int from = 0; from < count; ) {
                if (buffer.remaining() < 4) {
                    fill(4);
                }
                int len = Math.min(count - from, buffer.remaining() / 4);
                buffer.asIntBuffer().get(values, from, len);
                buffer.position(buffer.position() + len * 4);
                from += len;
            }
        }

        void bytes(byte[] values, int count) throws IOException {
            for (int from = 0; from < count; ) {
                if (!buffer.hasRemaining()) {
                    fill(1);
                }
                int len = Math.min(count - from, buffer.remaining());
                buffer.get(values, from, len);
                from += len;
            }
        }

        /** Whether every byte of the data region was read and consumed. */
        boolean atDataEnd() {
            return filePosition == dataEnd && !buffer.hasRemaining();
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return newSha256().digest(bytes);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
