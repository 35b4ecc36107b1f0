package org.encore.training;

import org.encore.data.RegularFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The integrity of a run folder, engine-free: the SHA-256 of each of its files as recorded in the manifest
 * (written by {@link #sha256Of}, checked by {@link #verify} before anything in the folder is parsed), and finite
 * parameters (a run whose {@code params.f32} holds NaN or infinity would score every movie NaN and recommend nothing).
 */
final class RunFolderChecks {
    private static final int BUFFER = 1 << 20;

    private RunFolderChecks() {
    }

    /** SHA-256 (lower-case hex) of each named file of {@code dir}, by name. */
    static Map<String, String> sha256Of(Path dir, List<String> names) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (String name : names) {
            hashes.put(name, scan(dir.resolve(name), false).sha256());
        }
        return hashes;
    }

    /**
     * Checks every file named in {@code expected} against its SHA-256, requires the names in {@code required} to be
     * among them, and requires the float32 file {@code paramsName} to hold only finite values.
     *
     * @throws TrainingException naming the file that is missing, modified, or holds non-finite parameters
     */
    static void verify(Path dir, Map<String, String> expected, List<String> required, String paramsName)
            throws IOException, TrainingException {
        Path manifest = dir.resolve(RunFolder.MANIFEST);
        for (String name : required) {
            if (!expected.containsKey(name)) {
                throw new TrainingException(manifest + " does not record the SHA-256 of " + name);
            }
        }
        for (Map.Entry<String, String> file : expected.entrySet()) {
            String name = file.getKey();
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
                throw new TrainingException(manifest + " names a file outside the run folder: '" + name + "'");
            }
            Scan scan;
            try {
                scan = scan(dir.resolve(name), name.equals(paramsName));
            } catch (NoSuchFileException e) {
                throw new TrainingException(dir + " is not a complete run folder: " + name + " is missing");
            }
            if (!scan.sha256().equalsIgnoreCase(String.valueOf(file.getValue()))) {
                throw new TrainingException(dir.resolve(name) + " does not match its SHA-256 in the manifest (modified or corrupt): "
                        + scan.sha256() + " vs " + file.getValue());
            }
            if (scan.nonFinite() > 0) {
                throw new TrainingException(String.format(Locale.ROOT, "%s holds %,d non-finite parameters (NaN or infinite) "
                                + "of %,d: the run diverged and cannot score; retrain it (a lower learning rate helps)",
                        dir.resolve(name), scan.nonFinite(), scan.floats()));
            }
        }
    }

    /** A file's SHA-256 and, for a float32 file, how many of its values are NaN or infinite. */
    private record Scan(String sha256, long floats, long nonFinite) {
    }

    private static Scan scan(Path file, boolean floats) throws IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[BUFFER];
        ByteBuffer view = ByteBuffer.wrap(buffer).order(ByteOrder.LITTLE_ENDIAN);
        long bytes = 0;
        long nonFinite = 0;
        try (InputStream in = RegularFiles.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                digest.update(buffer, 0, read);
                if (floats) {
                    // BUFFER is a multiple of 4, so a float never straddles two reads; a ragged tail is the size check's
                    for (int at = 0; at + Float.BYTES <= read; at += Float.BYTES) {
                        if (!Float.isFinite(view.getFloat(at))) {
                            nonFinite++;
                        }
                    }
                }
                bytes += read;
            }
        }
        return new Scan(HexFormat.of().formatHex(digest.digest()), bytes / Float.BYTES, nonFinite);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
