package org.encore.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.encore.data.LoaderTestFiles.STRICT_NO_CACHE;
import static org.encore.data.LoaderTestFiles.load;
import static org.encore.data.LoaderTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A zip is read with the checks of its format (CRC, size, method, encryption) and the same rules as a folder. */
class ZipInputTest {
    private static final String RATINGS = "userId,movieId,rating,timestamp\n1,10,4.0,5\n2,10,3.0,6\n";
    private static final String MOVIES = "movieId,title,genres\n10,GoldenEye (1995),Action\n";

    @TempDir
    Path dir;

    /** A zip whose entries are stored (not compressed), so that their bytes can be edited in place. */
    private Path storedZip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("ml-x.zip");
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(content);
                out.closeEntry();
            }
        }
        return zip;
    }

    private Path release() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-x/ratings.csv", RATINGS);
        entries.put("ml-x/movies.csv", MOVIES);
        return storedZip(entries);
    }

    /** Replaces the first {@code from} in the file by {@code to} (same length). */
    private static void replaceBytes(Path file, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(from);
        assertTrue(at >= 0, from);
        System.arraycopy(to.getBytes(StandardCharsets.ISO_8859_1), 0, bytes, at, to.length());
        Files.write(file, bytes);
    }

    /** Sets a 16-bit field of every local (offset in header) and central (offset) header of the entry {@code name}. */
    private static void patchHeaders(Path zip, String name, int localOffset, int centralOffset, int value)
            throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int p = 0; p + 46 < bytes.length; p++) {
            int signature = b.getInt(p);
            int nameAt = signature == 0x04034b50 ? p + 30 : signature == 0x02014b50 ? p + 46 : -1;
            if (nameAt > 0 && nameAt + wanted.length <= bytes.length
                    && new String(bytes, nameAt, wanted.length, StandardCharsets.UTF_8).equals(name)) {
                b.putShort(p + (signature == 0x04034b50 ? localOffset : centralOffset), (short) value);
            }
        }
        Files.write(zip, bytes);
    }

    @Test
    void storedRatingsAlteredInPlaceAreRefusedByTheirCrc() throws Exception {
        Path zip = release();
        replaceBytes(zip, "1,10,4.0,5", "1,10,3.0,5");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/ratings.csv", e.file());
        assertTrue(e.getMessage().startsWith(zip + "!/ml-x/ratings.csv: the zip entry's content does not match its "
                + "CRC-32 (computed "), e.getMessage());
    }

    @Test
    void storedMoviesAlteredInPlaceAreRefusedByTheirCrc() throws Exception {
        Path zip = release();
        replaceBytes(zip, "GoldenEye", "GoldenEyf");
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/movies.csv", e.file());
        assertTrue(e.getMessage().contains("does not match its CRC-32"), e.getMessage());
    }

    @Test
    void anUnalteredStoredZipLoads() throws Exception {
        Dataset d = load(release(), STRICT_NO_CACHE);
        assertEquals(2, d.ratings().ratingCount());
        assertEquals("GoldenEye", d.movie(10).title());
    }

    @Test
    void bzip2EntryIsNamedByItsCompressionMethod() throws Exception {
        Path zip = release();
        patchHeaders(zip, "ml-x/ratings.csv", 8, 10, 12);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/ratings.csv: the zip entry is compressed with bzip2 (method 12), which Encore "
                + "cannot read; re-zip it with Deflate (the usual zip default) or unpack it", e.getMessage());
    }

    @Test
    void lzmaMoviesEntryIsNamedByItsCompressionMethod() throws Exception {
        Path zip = release();
        patchHeaders(zip, "ml-x/movies.csv", 8, 10, 14);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertTrue(e.getMessage().startsWith(zip + "!/ml-x/movies.csv: the zip entry is compressed with LZMA (method 14)"),
                e.getMessage());
    }

    @Test
    void encryptedEntryIsNamedAsEncrypted() throws Exception {
        Path zip = release();
        patchHeaders(zip, "ml-x/ratings.csv", 6, 8, 1);
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/ratings.csv: the zip entry is encrypted (password protected); unpack it with its "
                + "password and open the folder", e.getMessage());
    }

    @Test
    void twoReleasesAreRefusedInAZipAsInAFolder() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-a/ratings.csv", RATINGS);
        entries.put("ml-b/ratings.csv", RATINGS);
        Path zip = LoaderTestFiles.zip(dir.resolve("two.zip"), entries);
        DataFormatException fromZip = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        Path folder = dir.resolve("two");
        write(folder.resolve("ml-a/ratings.csv"), RATINGS);
        write(folder.resolve("ml-b/ratings.csv"), RATINGS);
        DataFormatException fromFolder = assertThrows(DataFormatException.class, () -> load(folder, STRICT_NO_CACHE));
        String rule = ": holds more than one MovieLens release (ml-a/ratings.csv, ml-b/ratings.csv); open the folder "
                + "of the one you mean";
        assertEquals(zip + rule, fromZip.getMessage());
        assertEquals(folder + rule, fromFolder.getMessage());
    }

    @Test
    void twoRatingsFilesInOnePlaceAreRefusedInAZipAsInAFolder() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-a/ratings.csv", RATINGS);
        entries.put("ml-a/u.data", "1\t10\t4\t5\n");
        Path zip = LoaderTestFiles.zip(dir.resolve("both.zip"), entries);
        DataFormatException fromZip = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        Path folder = dir.resolve("both");
        write(folder.resolve("ratings.csv"), RATINGS);
        write(folder.resolve("u.data"), "1\t10\t4\t5\n");
        DataFormatException fromFolder = assertThrows(DataFormatException.class, () -> load(folder, STRICT_NO_CACHE));
        assertEquals(zip + ": holds more than one MovieLens release (ml-a/ratings.csv, ml-a/u.data); open the folder "
                + "of the one you mean", fromZip.getMessage());
        assertEquals(folder + ": holds more than one MovieLens release (ratings.csv, u.data); open the folder "
                + "of the one you mean", fromFolder.getMessage());
    }

    @Test
    void twoEntriesNamedRatingsCsvAreRefused() throws Exception {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("ml-x/ratings.csv", RATINGS);
        entries.put("ml-x/ratingz.csv", RATINGS.replace("4.0", "1.0"));
        Path zip = storedZip(entries);
        byte[] bytes = Files.readAllBytes(zip);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("ml-x/ratingz.csv", "ml-x/ratings.csv");
        Files.write(zip, text.getBytes(StandardCharsets.ISO_8859_1));
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/ratings.csv: the zip holds two entries of this name; a folder could not, so which "
                + "one is meant is unclear", e.getMessage());
    }

    @Test
    void utf16EntryInAZipIsNamedAsUtf16() throws Exception {
        Path zip = dir.resolve("u16.zip");
        try (OutputStream raw = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(raw)) {
            out.putNextEntry(new ZipEntry("ml-x/ratings.csv"));
            out.write(RATINGS.getBytes(StandardCharsets.UTF_16LE));
            out.closeEntry();
        }
        DataFormatException e = assertThrows(DataFormatException.class, () -> load(zip, STRICT_NO_CACHE));
        assertEquals(zip + "!/ml-x/ratings.csv", e.file());
        assertTrue(e.getMessage().contains("UTF-16 is not supported; save it as UTF-8"), e.getMessage());
    }
}
