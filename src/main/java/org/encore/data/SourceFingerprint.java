package org.encore.data;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/** The identity of a source's content, which keys its {@link DatasetCache} entry. */
final class SourceFingerprint {
    private static final long IO_WINDOW = 64L << 20;

    private SourceFingerprint() {
    }

    /** The identity of the source's content: path, and each file's size, modification time and content hash. */
    static String key(SourceFiles files) throws IOException {
        StringBuilder key = new StringBuilder("v" + DatasetCache.VERSION + "|" + files.source().toAbsolutePath().normalize());
        for (Path file : files.identityFiles()) {
            long size = RegularFiles.size(file);
            key.append('|').append(file.getFileName()).append(':').append(size).append(':')
                    .append(Files.getLastModifiedTime(file).toMillis()).append(':').append(contentHash(file));
        }
        return key.toString();
    }

    /**
     * CRC32C of each half of the whole file, the halves hashed at once: catches a file edited anywhere, even with
     * the same size and modification time. Hashing costs about 5% of a cold load (bench/data-loading.md,
     * "Cache key"), so the whole content is hashed rather than a sample.
     */
    static String contentHash(Path file) throws IOException {
        try (FileChannel channel = RegularFiles.openChannel(file)) {
            long size = channel.size();
            long half = size / 2;
            long[] crcs = new long[2];
            IOException[] failure = new IOException[1];
            Parallel.forEach(2, part -> {
                try {
                    crcs[part] = crc32c(channel, part == 0 ? 0 : half, part == 0 ? half : size);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            return String.format("%08x%08x", crcs[0], crcs[1]);
        }
    }

    private static long crc32c(FileChannel channel, long from, long to) throws IOException {
        CRC32C crc = new CRC32C();
        for (long at = from; at < to; at += IO_WINDOW) {
            MappedByteBuffer window = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(IO_WINDOW, to - at));
            try {
                crc.update(window);
            } catch (InternalError e) {
                throw new IOException(e.getMessage() + " (the file changed while it was being read)", e);
            }
        }
        return crc.getValue();
    }
}
