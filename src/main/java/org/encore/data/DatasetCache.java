package org.encore.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The binary cache of parsed datasets, one file per source in the user's data directory
 * ({@code cache} under {@link DataDirectory#base()}, the folder saved runs share; the system property
 * {@code encore.cache.dir} overrides both).
 * <p>
 * A cache file is trusted only when its key ({@link SourceFingerprint}: the source's path, and for each source
 * file its size, modification time and a hash of its whole content) matches, its size is exactly what its counts imply, and the
 * CRC32C of every part matches. Anything else is a miss and the source is parsed again.
 * <p>
 * Layout (little-endian but for the meta block): magic, version, meta block (key, release, report, movies as
 * columns), counts; then six sections:
 * user ids, movie ids, row pointers, columns, ratings (floats), timestamps; then the trailer:
 * one CRC32C for the head and one per section, and an end mark. A CRC per section lets two threads read and check
 * the sections at once, which is what brings a reopen of ml-32m under 0.3 s. The movies block is
 * {@link CachedMovies}; the array and string encodings are {@link CacheFileIo}.
 */
final class DatasetCache {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetCache.class);
    private static final byte[] MAGIC = "ENCORE-C".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "END!".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 4;
    private static final int SECTIONS = 6;
    private static final int TRAILER_BYTES = 8 * (SECTIONS + 1) + 4;
    /** Most cache files kept; older ones are deleted when a new one is written. */
    private static final int MAX_ENTRIES = 8;

    private DatasetCache() {
    }

    static Path directory() {
        String override = System.getProperty("encore.cache.dir");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        return DataDirectory.base().resolve("cache");
    }

    /** The cache file of a source: named by a hash of its absolute path. */
    static Path fileFor(Path source) {
        byte[] path = source.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crcC = new CRC32C();
        crcC.update(path);
        CRC32 crc = new CRC32();
        crc.update(path);
        return directory().resolve(String.format("%08x%08x.encache", crcC.getValue(), crc.getValue()));
    }

    /** Writes the cache atomically. */
    static void write(Path cacheFile, String key, Dataset dataset) throws IOException {
        RatingMatrix m = dataset.ratings();
        byte[] meta = meta(key, dataset);
        AtomicFiles.write(cacheFile, raw -> {
            CacheFileIo.ArrayWriter out = new CacheFileIo.ArrayWriter(raw);
            long[] crcs = new long[SECTIONS + 1];
            out.bytes(MAGIC, MAGIC.length);
            out.ints(new int[] {VERSION, meta.length}, 2);
            out.bytes(meta, meta.length);
            out.ints(new int[] {m.userCount(), m.movieCount(), m.ratingCount()}, 3);
            crcs[0] = out.endPart();
            out.ints(m.users().ids(), m.userCount());
            crcs[1] = out.endPart();
            out.ints(m.movies().ids(), m.movieCount());
            crcs[2] = out.endPart();
            out.ints(m.rowPointers(), m.userCount() + 1);
            crcs[3] = out.endPart();
            out.ints(m.columnIndices(), m.ratingCount());
            crcs[4] = out.endPart();
            out.floats(m.ratings(), m.ratingCount());
            crcs[5] = out.endPart();
            out.ints(m.timestampSeconds(), m.ratingCount());
            crcs[6] = out.endPart();
            ByteBuffer trailer = ByteBuffer.allocate(TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (long crc : crcs) {
                trailer.putLong(crc);
            }
            trailer.put(END);
            raw.write(trailer.array());
        });
        pruneOldEntries(cacheFile.getParent(), cacheFile);
    }

    /** Keeps the cache folder from growing without end: only the most recently used few entries stay. */
    private static void pruneOldEntries(Path dir, Path keep) {
        try (var entries = Files.list(dir)) {
            List<Path> caches = new ArrayList<>(entries.filter(p -> p.getFileName().toString().endsWith(".encache"))
                    .filter(p -> !p.equals(keep)).toList());
            caches.sort(Comparator.comparing(DatasetCache::lastModified).reversed());
            for (Path old : caches.subList(Math.min(caches.size(), MAX_ENTRIES - 1), caches.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("Could not prune the cache folder {}: {}", dir, e.toString());
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static byte[] meta(String key, Dataset dataset) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(key);
            out.writeUTF(dataset.release());
            LoadReport report = dataset.report();
            out.writeLong(report.skippedLines());
            out.writeLong(report.duplicates());
            out.writeInt(report.warnings().size());
            for (String warning : report.warnings()) {
                CacheFileIo.writeLongUtf(out, warning);
            }
            byte[] movies = CachedMovies.encode(dataset.movies());
            out.writeInt(movies.length);
            out.write(movies);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads the cache of {@code source}; null when there is none, when it is stale (another key), or when it is
     * damaged in any way (the reason is logged). Never throws for a bad cache file.
     */
    static Dataset read(Path cacheFile, String key, Path source, long startNanos) {
        try (FileChannel channel = RegularFiles.openChannel(cacheFile)) {
            return read(channel, key, source, startNanos);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException | InternalError e) {
            // InternalError: a mapped page vanished because the file was truncated while being read
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

    private static Dataset read(FileChannel channel, String key, Path source, long startNanos)
            throws IOException, StaleException {
        long fileSize = channel.size();
        if (fileSize < MAGIC.length + 8 + TRAILER_BYTES) {
            throw new IOException("too short (" + fileSize + " bytes)");
        }
        ByteBuffer trailer = CacheFileIo.readFully(channel, fileSize - TRAILER_BYTES, TRAILER_BYTES, "trailer");
        long[] crcs = new long[SECTIONS + 1];
        for (int i = 0; i < crcs.length; i++) {
            crcs[i] = trailer.getLong();
        }
        byte[] end = new byte[END.length];
        trailer.get(end);
        if (!Arrays.equals(end, END)) {
            throw new IOException("bad end mark (truncated?)");
        }

        ByteBuffer start = CacheFileIo.readFully(channel, 0, MAGIC.length + 8, "head");
        byte[] magic = new byte[MAGIC.length];
        start.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("bad magic");
        }
        if (start.getInt() != VERSION) {
            throw new StaleException();
        }
        int metaLength = start.getInt();
        long headBytes = MAGIC.length + 8L + metaLength + 12L;
        if (metaLength < 0 || headBytes > fileSize - TRAILER_BYTES || headBytes > Integer.MAX_VALUE) {
            throw new IOException("bad meta length " + metaLength);
        }
        // the whole head, now that its length is known, checked against its CRC before any of it is trusted
        ByteBuffer head = CacheFileIo.readFully(channel, 0, (int) headBytes, "head");
        CRC32C headCrc = new CRC32C();
        headCrc.update(head.duplicate());
        if (headCrc.getValue() != crcs[0]) {
            throw new IOException("checksum mismatch in the head");
        }
        byte[] metaBytes = new byte[metaLength];
        head.position(MAGIC.length + 8).get(metaBytes);
        int users = head.getInt();
        int columns = head.getInt();
        int nnz = head.getInt();
        DataInputStream meta = new DataInputStream(new ByteArrayInputStream(metaBytes));
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
            warnings.add(CacheFileIo.readLongUtf(meta));
        }
        int moviesLength = meta.readInt();
        if (moviesLength < 0 || moviesLength > meta.available()) {
            throw new IOException("bad movies length");
        }
        int moviesOffset = metaBytes.length - meta.available();

        long[] sectionBytes = {4L * users, 4L * columns, 4L * (users + 1L), 4L * nnz, 4L * nnz, 4L * nnz};
        long expected = headBytes + TRAILER_BYTES;
        for (long bytes : sectionBytes) {
            expected += bytes;
        }
        if (users < 0 || columns < 0 || nnz < 0 || expected != fileSize) {
            throw new IOException("size " + fileSize + " does not match its counts (truncated?)");
        }
        long[] sectionStart = new long[SECTIONS + 1];
        sectionStart[0] = headBytes;
        for (int i = 0; i < SECTIONS; i++) {
            sectionStart[i + 1] = sectionStart[i] + sectionBytes[i];
        }
        int[] userIds = new int[users];
        int[] movieIds = new int[columns];
        int[] rowPointers = new int[users + 1];
        int[][] colsHolder = new int[1][];
        float[][] ratingsHolder = new float[1][];
        int[][] timesHolder = new int[1][];
        List<List<Movie>> moviesHolder = new ArrayList<>(List.of(List.of()));
        long[] actual = new long[SECTIONS + 1];
        // Two threads: movies, ids, row pointers and columns on one; ratings and timestamps on the other. Each
        // allocates its own big arrays, so that the first touch of their memory is shared out too.
        Parallel.forEach(2, task -> {
            try {
                if (task == 0) {
                    moviesHolder.set(0, CachedMovies.decode(ByteBuffer.wrap(metaBytes, moviesOffset, moviesLength)));
                    int[] cols = new int[nnz];
                    colsHolder[0] = cols;
                    actual[1] = CacheFileIo.readInts(channel, sectionStart[0], sectionStart[1], userIds);
                    actual[2] = CacheFileIo.readInts(channel, sectionStart[1], sectionStart[2], movieIds);
                    actual[3] = CacheFileIo.readInts(channel, sectionStart[2], sectionStart[3], rowPointers);
                    actual[4] = CacheFileIo.readInts(channel, sectionStart[3], sectionStart[4], cols);
                } else {
                    float[] ratings = new float[nnz];
                    int[] times = new int[nnz];
                    ratingsHolder[0] = ratings;
                    timesHolder[0] = times;
                    actual[5] = CacheFileIo.readFloats(channel, sectionStart[4], sectionStart[5], ratings);
                    actual[6] = CacheFileIo.readInts(channel, sectionStart[5], sectionStart[6], times);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (int i = 1; i <= SECTIONS; i++) {
            if (actual[i] != crcs[i]) {
                throw new IOException("checksum mismatch in section " + i);
            }
        }
        if (rowPointers[0] != 0 || rowPointers[users] != nnz) {
            throw new IOException("bad row pointers");
        }
        for (int r = 0; r < users; r++) {
            if (rowPointers[r + 1] < rowPointers[r]) {
                throw new IOException("bad row pointers");
            }
        }
        RatingMatrix matrix = new RatingMatrix(rowPointers, colsHolder[0], ratingsHolder[0], timesHolder[0],
                new IdIndex(userIds), new IdIndex(movieIds));
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        LoadReport report = new LoadReport(skipped, duplicates, millis, true, warnings);
        return new Dataset(release, source, matrix, moviesHolder.get(0), report);
    }
}
