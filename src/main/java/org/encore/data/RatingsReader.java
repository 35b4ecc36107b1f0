package org.encore.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a whole ratings file with {@link RatingsParser}. A plain file is cut into one chunk per core at line
 * boundaries and the chunks are parsed in parallel, each into its own {@link RatingColumns}; a stream (a zip
 * entry) is parsed in one piece. The caller's thread parses the first chunk and reports progress.
 */
final class RatingsReader {
    static final int BUFFER_BYTES = 4 << 20;
    private static final long MIN_CHUNK_BYTES = 8L << 20;

    /** The records of every chunk in file order, with the line count and skipped lines. */
    record Result(List<RatingColumns> parts, long lines, long skipped, List<String> warnings) {
        long size() {
            long n = 0;
            for (RatingColumns part : parts) {
                n += part.size();
            }
            return n;
        }
    }

    private RatingsReader() {
    }

    /** Where the bytes of one chunk come from. */
    private interface ChunkInput {
        /** Reads up to {@code len} bytes; -1 at the end of the chunk. */
        int read(byte[] b, int off, int len) throws IOException;
    }

    /**
     * What the head of the file says, found once before parsing: where the text starts (after a UTF-8 byte-order
     * mark), whether line 1 is a header to pass over, and the file position of each column (null: MovieLens's order).
     */
    private record Prelude(int start, boolean header, int[] order) {
        static Prelude of(byte[] head, int length, String displayName, RatingsParser.Delimiter delimiter)
                throws DataFormatException {
            TextHead text = TextHead.check(head, length, displayName);
            if (delimiter != RatingsParser.Delimiter.COMMA) {
                return new Prelude(text.bomLength(), false, null);
            }
            int[] order = CsvHeader.columnOrder(text.firstLine(), CsvHeader.RATINGS, displayName);
            return new Prelude(text.bomLength(), order != null, CsvHeader.inOrder(order) ? null : order);
        }
    }

    static Result readFile(Path file, String displayName, RatingsParser.Delimiter delimiter, boolean skipBadLines,
                           ProgressListener progress, CancellationToken cancel) throws IOException, DataFormatException {
        try (FileChannel channel = RegularFiles.openChannel(file)) {
            long size = channel.size();
            if (size == 0) {
                throw new DataFormatException(displayName, 0, "the ratings file is empty");
            }
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, TextHead.HEAD_BYTES));
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // read the whole head
            }
            Prelude prelude = Prelude.of(head.array(), head.position(), displayName, delimiter);
            int chunks = (int) Math.max(1, Math.min(Parallel.threads(), size / MIN_CHUNK_BYTES));
            long[] bounds = new long[chunks + 1];
            bounds[0] = prelude.start();
            bounds[chunks] = size;
            for (int k = 1; k < chunks; k++) {
                bounds[k] = Math.max(bounds[k - 1], nextLineStart(channel, size * k / chunks, size));
            }
            List<ChunkInput> inputs = new ArrayList<>();
            for (int k = 0; k < chunks; k++) {
                inputs.add(fileRange(channel, bounds[k], bounds[k + 1]));
            }
            return read(inputs, size, displayName, delimiter, prelude, skipBadLines, progress, cancel);
        }
    }

    static Result readStream(InputStream in, long totalBytes, String displayName, RatingsParser.Delimiter delimiter,
                             boolean skipBadLines, ProgressListener progress, CancellationToken cancel)
            throws IOException, DataFormatException {
        BufferedInputStream buffered = new BufferedInputStream(in, TextHead.HEAD_BYTES);
        buffered.mark(TextHead.HEAD_BYTES);
        byte[] head = buffered.readNBytes(TextHead.HEAD_BYTES);
        buffered.reset();
        Prelude prelude = Prelude.of(head, head.length, displayName, delimiter);
        buffered.skipNBytes(prelude.start());
        ChunkInput input = buffered::read;
        return read(List.of(input), totalBytes, displayName, delimiter, prelude, skipBadLines, progress, cancel);
    }

    private static long nextLineStart(FileChannel channel, long from, long size) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(64 << 10);
        long pos = from;
        while (pos < size) {
            window.clear();
            int n = channel.read(window, pos);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (window.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return size;
    }

    /**
     * A chunk of the file read through memory-mapped windows: one copy from the page cache into the parse buffer
     * (a plain read would copy twice, through a direct buffer). Windows are small enough to map on any JVM.
     */
    private static ChunkInput fileRange(FileChannel channel, long start, long end) {
        return new ChunkInput() {
            private static final long WINDOW = 64L << 20;
            private MappedByteBuffer window;
            private long windowStart;
            private long pos = start;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                if (window == null || pos >= windowStart + window.capacity()) {
                    windowStart = pos;
                    window = channel.map(FileChannel.MapMode.READ_ONLY, pos, Math.min(WINDOW, end - pos));
                }
                int offset = (int) (pos - windowStart);
                int n = (int) Math.min(len, window.capacity() - offset);
                try {
                    window.get(offset, b, off, n);
                } catch (InternalError e) {
                    // a mapped page vanished: the file was truncated while being read
                    throw new IOException("the file changed while it was being read", e);
                }
                pos += n;
                return n;
            }
        };
    }

    private static Result read(List<ChunkInput> inputs, long totalBytes, String displayName,
                               RatingsParser.Delimiter delimiter, Prelude prelude, boolean skipBadLines,
                               ProgressListener progress, CancellationToken cancel) throws IOException, DataFormatException {
        int chunks = inputs.size();
        RatingsParser[] parsers = new RatingsParser[chunks];
        for (int k = 0; k < chunks; k++) {
            parsers[k] = new RatingsParser(delimiter, skipBadLines, k == 0 && prelude.header());
        }
        int[] order = prelude.order();
        AtomicLong bytesDone = new AtomicLong();
        AtomicBoolean abort = new AtomicBoolean();
        Throwable[] failures = new Throwable[chunks];
        List<Thread> workers = new ArrayList<>();
        for (int k = 1; k < chunks; k++) {
            int chunk = k;
            Thread worker = new Thread(() -> {
                try {
                    parseChunk(inputs.get(chunk), parsers[chunk], order, bytesDone, () -> {
                        if (abort.get() || cancel.isCancelled()) {
                            throw new CancellationException("cancelled");
                        }
                    });
                } catch (Throwable t) {
                    failures[chunk] = t;
                }
            }, "encore-load-" + k);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        try {
            parseChunk(inputs.get(0), parsers[0], order, bytesDone, () -> {
                cancel.throwIfCancelled();
                progress.progress(Math.min(bytesDone.get(), totalBytes), totalBytes);
            });
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    worker.join(50);
                    cancel.throwIfCancelled();
                    progress.progress(Math.min(bytesDone.get(), totalBytes), totalBytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort.set(true);
            throw new CancellationException("interrupted");
        } catch (RuntimeException | IOException | Error e) {
            abort.set(true);
            joinQuietly(workers);
            throw e;
        }
        for (Throwable failure : failures) {
            if (failure instanceof IOException io) {
                throw io;
            } else if (failure instanceof UncheckedIOException io) {
                throw io.getCause();
            } else if (failure instanceof RuntimeException re) {
                throw re;
            } else if (failure instanceof Error err) {
                throw err;
            }
        }
        progress.progress(totalBytes, totalBytes);
        return collect(parsers, displayName);
    }

    private static void joinQuietly(List<Thread> workers) {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Turns chunk-local line numbers into file line numbers; the first bad line of the file wins. */
    private static Result collect(RatingsParser[] parsers, String displayName) throws DataFormatException {
        long lineOffset = 0;
        long skipped = 0;
        List<String> warnings = new ArrayList<>();
        List<RatingColumns> parts = new ArrayList<>();
        for (RatingsParser parser : parsers) {
            List<RatingsParser.BadLine> bads = parser.badLines();
            for (int i = 0; i < bads.size(); i++) {
                RatingsParser.BadLine bad = bads.get(i);
                long line = lineOffset + bad.localLine();
                if (parser.stopped() && i == bads.size() - 1) {
                    throw new DataFormatException(displayName, line, bad.message());
                }
                if (warnings.size() < RatingsParser.MAX_REMEMBERED_BAD_LINES) {
                    warnings.add("skipped " + displayName + ":" + line + ": " + bad.message());
                }
            }
            lineOffset += parser.lines();
            skipped += parser.skipped();
            parts.add(parser.records());
        }
        return new Result(parts, lineOffset, skipped, warnings);
    }

    /**
     * Parses one chunk buffer by buffer; {@code afterBuffer} checks cancellation (and reports progress). With a
     * column {@code order} (a header naming the columns in another order) each buffer is first rewritten with the
     * fields in MovieLens's order, so that the parser's fast path stays as it is.
     */
    private static void parseChunk(ChunkInput in, RatingsParser parser, int[] order, AtomicLong bytesDone,
                                   Runnable afterBuffer) throws IOException {
        // slack past the data, so that the parser's eight-byte reads never meet the end of the array
        byte[] buf = new byte[BUFFER_BYTES + 16];
        byte[] reordered = order == null ? null : new byte[buf.length];
        int carry = 0;
        boolean eof = false;
        while (!eof) {
            int avail = carry;
            while (avail < BUFFER_BYTES) {
                int n = in.read(buf, avail, BUFFER_BYTES - avail);
                if (n < 0) {
                    eof = true;
                    break;
                }
                avail += n;
                bytesDone.addAndGet(n);
            }
            int limit;
            if (eof) {
                if (avail > 0 && buf[avail - 1] != '\n') {
                    buf[avail++] = '\n';
                }
                limit = avail;
            } else {
                limit = avail;
                while (limit > 0 && buf[limit - 1] != '\n') {
                    limit--;
                }
                if (limit == 0) {
                    parser.lineTooLong(BUFFER_BYTES);
                    return;
                }
            }
            if (reordered != null) {
                reorder(buf, limit, reordered, order);
            }
            if (!parser.parse(reordered != null ? reordered : buf, 0, limit)) {
                return;
            }
            carry = avail - limit;
            System.arraycopy(buf, limit, buf, 0, carry);
            afterBuffer.run();
        }
    }

    /**
     * Copies the lines of {@code from[0, limit)} into {@code to} with the comma-separated fields put in MovieLens's
     * order ({@code order[k]} is where field k is in the file). Lines keep their length, so line numbers and
     * positions stay; a line with another field count is copied as it is, for the parser to report.
     */
    static void reorder(byte[] from, int limit, byte[] to, int[] order) {
        int[] starts = new int[order.length + 1];
        int lineStart = 0;
        while (lineStart < limit) {
            int newline = lineStart;
            int fields = 1;
            starts[0] = lineStart;
            while (from[newline] != '\n') {
                if (from[newline] == ',' && fields < order.length + 1) {
                    starts[fields++] = newline + 1;
                }
                newline++;
            }
            int end = newline > lineStart && from[newline - 1] == '\r' ? newline - 1 : newline;
            if (fields != order.length) {
                System.arraycopy(from, lineStart, to, lineStart, newline + 1 - lineStart);
            } else {
                starts[fields] = end + 1;
                int w = lineStart;
                for (int k = 0; k < order.length; k++) {
                    int fieldStart = starts[order[k]];
                    int fieldLength = starts[order[k] + 1] - 1 - fieldStart;
                    System.arraycopy(from, fieldStart, to, w, fieldLength);
                    w += fieldLength;
                    if (k < order.length - 1) {
                        to[w++] = ',';
                    }
                }
                System.arraycopy(from, end, to, end, newline + 1 - end);
            }
            lineStart = newline + 1;
        }
    }
}
