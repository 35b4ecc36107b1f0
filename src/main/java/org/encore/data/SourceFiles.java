package org.encore.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The files of a MovieLens release, in a folder or inside a downloaded {@code .zip} (read in place, never
 * unpacked). Files are found by name in the folder itself, in its only sub-folder, or in the zip's top folder.
 */
final class SourceFiles implements Closeable {

    /** The three file layouts MovieLens has used. */
    enum Layout {
        CSV("ratings.csv", "movies.csv", RatingsParser.Delimiter.COMMA),
        DAT("ratings.dat", "movies.dat", RatingsParser.Delimiter.DOUBLE_COLON),
        ML100K("u.data", "u.item", RatingsParser.Delimiter.TAB);

        final String ratingsFile;
        final String moviesFile;
        final RatingsParser.Delimiter delimiter;

        Layout(String ratingsFile, String moviesFile, RatingsParser.Delimiter delimiter) {
            this.ratingsFile = ratingsFile;
            this.moviesFile = moviesFile;
            this.delimiter = delimiter;
        }
    }

    private final Path source;
    private final Path folder;
    private final ZipFile zip;
    private final String zipPrefix;
    private final Map<String, ZipEntry> zipEntries;
    private final Layout layout;
    private final String containerName;

    private SourceFiles(Path source, Path folder, ZipFile zip, String zipPrefix, Map<String, ZipEntry> zipEntries,
                        Layout layout, String containerName) {
        this.source = source;
        this.folder = folder;
        this.zip = zip;
        this.zipPrefix = zipPrefix;
        this.zipEntries = zipEntries;
        this.layout = layout;
        this.containerName = containerName;
    }

    static SourceFiles open(Path source) throws IOException, DataFormatException {
        if (Files.isDirectory(source)) {
            return openFolder(source);
        }
        if (!Files.exists(source)) {
            throw new DataFormatException(source.toString(), 0, "no such file or folder");
        }
        RegularFiles.require(source);
        if (isZip(source)) {
            return openZip(source);
        }
        String name = source.getFileName() == null ? "" : source.getFileName().toString();
        for (Layout layout : Layout.values()) {
            if (name.equals(layout.ratingsFile) && source.toAbsolutePath().getParent() != null) {
                return openFolder(source.toAbsolutePath().getParent());
            }
        }
        throw new DataFormatException(source.toString(), 0,
                "not a MovieLens release: expected a folder, a .zip or a ratings file (ratings.csv, ratings.dat, u.data)");
    }

    private static boolean isZip(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase().endsWith(".zip")) {
            return true;
        }
        try (InputStream in = RegularFiles.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && magic[0] == 'P' && magic[1] == 'K';
        }
    }

    /**
     * The one rule for a folder and a zip alike: the release is the top itself when it holds a ratings file, else
     * its only sub-folder that holds one. Two ratings files in one place, or two sub-folders with one, are refused
     * rather than one picked silently.
     *
     * @param ratingsFiles the ratings files found at the top ("ratings.csv") and one level down ("ml-1m/ratings.dat")
     * @return the chosen file's path, e.g. "ml-1m/ratings.dat"
     */
    private static String chooseRelease(List<String> ratingsFiles, String where, List<String> listing)
            throws DataFormatException {
        List<String> top = ratingsFiles.stream().filter(f -> f.indexOf('/') < 0).sorted().toList();
        List<String> chosen = top.isEmpty() ? ratingsFiles.stream().sorted().toList() : top;
        if (chosen.isEmpty()) {
            throw unknownLayout(where, listing);
        }
        if (chosen.size() > 1) {
            throw new DataFormatException(where, 0, "holds more than one MovieLens release (" + String.join(", ", chosen)
                    + "); open the folder of the one you mean");
        }
        return chosen.get(0);
    }

    private static Layout layoutOfFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        for (Layout layout : Layout.values()) {
            if (name.equals(layout.ratingsFile)) {
                return layout;
            }
        }
        return null;
    }

    private static SourceFiles openFolder(Path dir) throws IOException, DataFormatException {
        List<String> found = new ArrayList<>(ratingsFilesIn(dir, ""));
        if (found.isEmpty()) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
                for (Path child : children) {
                    found.addAll(ratingsFilesIn(child, child.getFileName() + "/"));
                }
            }
        }
        String chosen = chooseRelease(found, dir.toString(), found.isEmpty() ? listing(dir) : List.of());
        Layout layout = layoutOfFile(chosen);
        Path folder = chosen.indexOf('/') < 0 ? dir : dir.resolve(chosen.substring(0, chosen.indexOf('/')));
        return new SourceFiles(dir, folder, null, null, null, layout, folder.getFileName() == null ? ""
                : folder.getFileName().toString());
    }

    /** The ratings files in {@code dir}, named with {@code prefix}; anything but a folder counts (and is checked when read). */
    private static List<String> ratingsFilesIn(Path dir, String prefix) {
        List<String> found = new ArrayList<>();
        for (Layout layout : Layout.values()) {
            Path file = dir.resolve(layout.ratingsFile);
            if (Files.exists(file) && !Files.isDirectory(file)) {
                found.add(prefix + layout.ratingsFile);
            }
        }
        return found;
    }

    private static List<String> listing(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                names.add(child.getFileName().toString() + (Files.isDirectory(child) ? "/" : ""));
            }
        }
        names.sort(Comparator.naturalOrder());
        return names;
    }

    private static DataFormatException unknownLayout(String where, List<String> found) {
        String shown = found.isEmpty() ? "nothing" : firstNames(found);
        return new DataFormatException(where, 0, "unknown layout: no ratings file (ratings.csv, ratings.dat or u.data) "
                + "here or in one sub-folder; found " + shown);
    }

    /** The first twelve names, then ", ..." when there are more: enough to show what a wrong folder holds. */
    private static String firstNames(List<String> names) {
        return String.join(", ", names.subList(0, Math.min(names.size(), 12))) + (names.size() > 12 ? ", ..." : "");
    }

    private static SourceFiles openZip(Path file) throws IOException, DataFormatException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            DataFormatException unreadable = ZipEntryCheck.unreadableEntry(file);
            if (unreadable != null) {
                throw unreadable;
            }
            throw new DataFormatException(file.toString(), 0,
                    "not a readable zip archive (truncated or corrupt download?): " + e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file.toString(), 0, "no such file", e);
        }
        try {
            Map<String, ZipEntry> entries = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                if (!entry.isDirectory() && entries.put(entry.getName(), entry) != null) {
                    throw new DataFormatException(file + "!/" + entry.getName(), 0,
                            "the zip holds two entries of this name; a folder could not, so which one is meant is unclear");
                }
            }
            List<String> found = new ArrayList<>();
            for (String name : entries.keySet()) {
                if (depth(name) <= 1 && layoutOfFile(name) != null) {
                    found.add(name);
                }
            }
            if (found.isEmpty()) {
                List<String> names = entries.keySet().stream().sorted().toList();
                String shown = names.isEmpty() ? "no files" : firstNames(names);
                throw new DataFormatException(file.toString(), 0, "the zip holds no ratings file (ratings.csv, "
                        + "ratings.dat or u.data); it holds " + shown);
            }
            String chosen = chooseRelease(found, file.toString(), List.of());
            Layout bestLayout = layoutOfFile(chosen);
            String bestPrefix = chosen.substring(0, chosen.length() - bestLayout.ratingsFile.length());
            Map<String, ZipEntry> inFolder = new LinkedHashMap<>();
            for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
                String name = e.getKey();
                if (name.startsWith(bestPrefix) && name.indexOf('/', bestPrefix.length()) < 0) {
                    inFolder.put(name.substring(bestPrefix.length()), e.getValue());
                }
            }
            String container = bestPrefix.isEmpty() ? stripZip(file.getFileName().toString())
                    : bestPrefix.substring(0, bestPrefix.length() - 1);
            return new SourceFiles(file, null, zip, bestPrefix, inFolder, bestLayout, container);
        } catch (DataFormatException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static String stripZip(String name) {
        return name.toLowerCase().endsWith(".zip") ? name.substring(0, name.length() - 4) : name;
    }

    private static int depth(String prefix) {
        return (int) prefix.chars().filter(c -> c == '/').count();
    }

    Path source() {
        return source;
    }

    Layout layout() {
        return layout;
    }

    boolean isZip() {
        return zip != null;
    }

    /** The folder's name, or the zip's top folder (or file) name: "ml-latest-small", "ml-10M100K" ... */
    String containerName() {
        return containerName;
    }

    /** Whether the release has this file; anything but a folder counts, and is refused when read if not regular. */
    boolean has(String name) {
        if (zip != null) {
            return zipEntries.containsKey(name);
        }
        Path file = folder.resolve(name);
        return Files.exists(file) && !Files.isDirectory(file);
    }

    /** The file as a path, or null inside a zip. */
    Path path(String name) {
        return zip != null ? null : folder.resolve(name);
    }

    /** How messages name a file: its path, or "archive.zip!/top/name" inside a zip. */
    String displayName(String name) {
        return zip != null ? source + "!/" + zipPrefix + name : folder.resolve(name).toString();
    }

    long size(String name) throws IOException {
        if (zip != null) {
            return Math.max(0, zipEntries.get(name).getSize());
        }
        return RegularFiles.size(folder.resolve(name));
    }

    InputStream open(String name) throws IOException {
        if (zip != null) {
            return ZipEntryCheck.open(zip, zipEntries.get(name));
        }
        return RegularFiles.newInputStream(folder.resolve(name));
    }

    byte[] readAll(String name) throws IOException, DataFormatException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        } catch (ZipException | java.io.EOFException e) {
            throw corruptEntry(name, e);
        }
    }

    DataFormatException corruptEntry(String name, IOException cause) {
        if (cause instanceof ZipEntryCheck.EntryException) {
            return new DataFormatException(displayName(name), 0, cause.getMessage(), cause);
        }
        return new DataFormatException(displayName(name), 0,
                "the zip entry is truncated or corrupt (incomplete download?): " + cause.getMessage(), cause);
    }

    /** The files whose identity keys the cache: the zip itself, or the files of the layout in the folder. */
    List<Path> identityFiles() {
        if (zip != null) {
            return List.of(source);
        }
        List<Path> files = new ArrayList<>();
        for (String name : List.of(layout.ratingsFile, layout.moviesFile, "u.genre")) {
            if (has(name)) {
                files.add(folder.resolve(name));
            }
        }
        return files;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
