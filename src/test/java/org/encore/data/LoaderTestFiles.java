package org.encore.data;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small helpers that write fixture files for the loader tests. */
final class LoaderTestFiles {
    static final LoadOptions STRICT_NO_CACHE = new LoadOptions(false, false);
    static final LoadOptions SKIP_NO_CACHE = new LoadOptions(true, false);

    private LoaderTestFiles() {
    }

    static Path write(Path file, String content) throws IOException {
        return write(file, content, StandardCharsets.UTF_8);
    }

    static Path write(Path file, String content, Charset charset) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, content.getBytes(charset));
        return file;
    }

    /** A zip with the given entries (name to content, UTF-8). */
    static Path zip(Path zip, Map<String, String> entries) throws IOException {
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    static Dataset load(Path source, LoadOptions options) throws Exception {
        return MovieLensLoader.load(source, options, ProgressListener.NONE, CancellationToken.none());
    }

    /** A CSV release folder with the given ratings lines (after the header) and two movies. */
    static Path csvRelease(Path dir, String ratingLines) throws IOException {
        write(dir.resolve("ratings.csv"), "userId,movieId,rating,timestamp\n" + ratingLines);
        write(dir.resolve("movies.csv"), "movieId,title,genres\n1,Toy Story (1995),Animation|Comedy\n"
                + "2,Jumanji (1995),Adventure\n");
        return dir;
    }
}
