package org.encore.data;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Reads a MovieLens release into a {@link Dataset}: every layout (CSV releases, the {@code ::} releases, ml-100k),
 * from a folder or straight from the downloaded {@code .zip}. A load is a pure function: it returns a new dataset
 * or throws, and never touches one loaded before. A binary cache (see {@link DatasetCache}) makes a second open
 * of the same unchanged source near instant.
 */
public final class MovieLensLoader {
    private static final Logger LOG = LoggerFactory.getLogger(MovieLensLoader.class);
    private static final Pattern README_RELEASE = Pattern.compile("\\((ml-[0-9a-z-]+)\\)");
    /** Release names from the most specific; a folder or zip named with one of them is that release. */
    private static final List<String> KNOWN_RELEASES = List.of("ml-latest-small", "ml-latest", "ml-32m", "ml-25m",
            "ml-20m", "ml-10m", "ml-100k", "ml-1m");
    /** CSV releases recognised by their exact rating count when neither name nor README says. */
    private static final Map<Long, String> CSV_RELEASE_BY_COUNT = Map.of(100_836L, "ml-latest-small",
            32_000_204L, "ml-32m", 25_000_095L, "ml-25m", 20_000_263L, "ml-20m");

    private MovieLensLoader() {
    }

    public static Dataset load(Path source) throws IOException, DataFormatException {
        return load(source, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.none());
    }

    /**
     * Loads {@code source} (a release folder, a folder holding one, a {@code .zip}, or a ratings file).
     *
     * @param progress receives bytes of the ratings file read so far out of its size
     * @param cancel   checked between buffers; a cancelled load throws {@link java.util.concurrent.CancellationException}
     * @throws DataFormatException bad input, naming the file, the line and the offending text
     */
    public static Dataset load(Path source, LoadOptions options, ProgressListener progress, CancellationToken cancel)
            throws IOException, DataFormatException {
        long start = System.nanoTime();
        cancel.throwIfCancelled();
        try (SourceFiles files = SourceFiles.open(source)) {
            String cacheKey = null;
            Path cacheFile = null;
            if (options.useCache()) {
                cacheKey = SourceFingerprint.key(files);
                cacheFile = DatasetCache.fileFor(source);
                Dataset cached = DatasetCache.read(cacheFile, cacheKey, source, start);
                // a cache written by a load that skipped bad lines must not let a strict load succeed
                if (cached != null && (options.skipBadLines() || cached.report().skippedLines() == 0)) {
                    progress.progress(1, 1);
                    return cached;
                }
            }
            Dataset dataset = parse(files, source, options, progress, cancel, start);
            if (cacheFile != null) {
                try {
                    DatasetCache.write(cacheFile, cacheKey, dataset);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Could not write the dataset cache {}: {}", cacheFile, e.toString());
                }
            }
            return dataset;
        }
    }

    private static Dataset parse(SourceFiles files, Path source, LoadOptions options, ProgressListener progress,
                                 CancellationToken cancel, long start) throws IOException, DataFormatException {
        SourceFiles.Layout layout = files.layout();
        List<String> warnings = new ArrayList<>();
        long skipped = 0;

        List<Movie> movies = new ArrayList<>();
        boolean hasMoviesFile = files.has(layout.moviesFile);
        if (hasMoviesFile) {
            List<String> genreNames = MoviesReader.ML100K_GENRES;
            if (layout == SourceFiles.Layout.ML100K && files.has("u.genre")) {
                genreNames = MoviesReader.readGenreNames(files.readAll("u.genre"), files.displayName("u.genre"));
            }
            MoviesReader.Result read = MoviesReader.read(files.readAll(layout.moviesFile), layout,
                    files.displayName(layout.moviesFile), genreNames, options.skipBadLines());
            movies.addAll(read.movies());
            skipped += read.skipped();
            warnings.addAll(read.warnings());
        } else {
            warnings.add("no movies file (" + layout.moviesFile + "); titles are shown as 'Movie <id>'");
        }
        cancel.throwIfCancelled();

        RatingsReader.Result ratings = readRatings(files, layout, options, progress, cancel);
        skipped += ratings.skipped();
        if (ratings.skipped() > 0) {
            warnings.add(ratings.skipped() + " bad lines skipped in " + files.displayName(layout.ratingsFile));
        }
        warnings.addAll(ratings.warnings());
        if (ratings.size() == 0) {
            throw new DataFormatException(files.displayName(layout.ratingsFile), 0,
                    ratings.skipped() > 0 ? "no valid ratings: every line was bad"
                            : "no ratings in the file (only a header or blank lines)");
        }
        CsrBuilder.Built built = CsrBuilder.build(ratings.parts(), cancel);
        RatingMatrix matrix = built.matrix();
        if (built.duplicates() > 0) {
            warnings.add(built.duplicates() + " repeated (user, movie) ratings; the later one was kept");
        }

        Set<Integer> listed = new HashSet<>(movies.size() * 2);
        for (Movie movie : movies) {
            listed.add(movie.id());
        }
        int placeholders = 0;
        for (int id : matrix.movies().ids()) {
            if (!listed.contains(id)) {
                movies.add(new Movie(id, "Movie " + id, Movie.NO_YEAR, Set.of()));
                placeholders++;
            }
        }
        if (hasMoviesFile && placeholders > 0) {
            warnings.add(placeholders + " rated movies are missing from " + layout.moviesFile
                    + "; their titles are shown as 'Movie <id>'");
        }
        String release = recognise(files, ratings.size());
        long millis = (System.nanoTime() - start) / 1_000_000;
        LoadReport report = new LoadReport(skipped, built.duplicates(), millis, false, warnings);
        LOG.debug("Loaded {} ({}) in {} ms: {} ratings, {} users, {} movies", source, release, millis,
                matrix.ratingCount(), matrix.userCount(), matrix.movieCount());
        return new Dataset(release, source, matrix, movies, report);
    }

    private static RatingsReader.Result readRatings(SourceFiles files, SourceFiles.Layout layout, LoadOptions options,
                                                    ProgressListener progress, CancellationToken cancel)
            throws IOException, DataFormatException {
        String name = layout.ratingsFile;
        String display = files.displayName(name);
        if (!files.isZip()) {
            return RatingsReader.readFile(files.path(name), display, layout.delimiter, options.skipBadLines(),
                    progress, cancel);
        }
        long size = files.size(name);
        try (InputStream in = files.open(name)) {
            if (size == 0) {
                throw new DataFormatException(display, 0, "the ratings file is empty");
            }
            return RatingsReader.readStream(in, size, display, layout.delimiter, options.skipBadLines(), progress,
                    cancel);
        } catch (ZipException | EOFException e) {
            throw files.corruptEntry(name, e);
        }
    }

    /** The release: from the folder or zip name, else its README, else its files and rating count. */
    private static String recognise(SourceFiles files, long ratingCount) {
        SourceFiles.Layout layout = files.layout();
        String container = files.containerName().toLowerCase(Locale.ROOT);
        for (String release : KNOWN_RELEASES) {
            if (container.startsWith(release) && layoutOf(release) == layout) {
                return release;
            }
        }
        for (String readme : List.of("README.txt", "README", "README.md")) {
            if (files.has(readme)) {
                try {
                    byte[] bytes = files.readAll(readme);
                    String text = new String(bytes, 0, Math.min(bytes.length, 8192), StandardCharsets.ISO_8859_1);
                    if (text.toLowerCase(Locale.ROOT).contains("synthetic")) {
                        return "synthetic";
                    }
                    Matcher m = README_RELEASE.matcher(text);
                    while (m.find()) {
                        if (KNOWN_RELEASES.contains(m.group(1)) && layoutOf(m.group(1)) == layout) {
                            return m.group(1);
                        }
                    }
                } catch (IOException | DataFormatException e) {
                    LOG.debug("Could not read {}: {}", readme, e.toString());
                }
                break;
            }
        }
        return switch (layout) {
            case ML100K -> "ml-100k";
            case DAT -> files.has("users.dat") ? "ml-1m" : files.has("tags.dat") ? "ml-10m" : "movielens-dat";
            case CSV -> CSV_RELEASE_BY_COUNT.getOrDefault(ratingCount, "movielens-csv");
        };
    }

    private static SourceFiles.Layout layoutOf(String release) {
        return switch (release) {
            case "ml-10m", "ml-1m" -> SourceFiles.Layout.DAT;
            case "ml-100k" -> SourceFiles.Layout.ML100K;
            default -> SourceFiles.Layout.CSV;
        };
    }

    /**
     * Splits "Title (1999)" into title and year and "A|B" into genres. A year range "(1975–1979)" gives its first
     * year; a title with no trailing four-digit year keeps its parentheses and has no year. Written by hand rather
     * than with a regular expression: a backtracking pattern cost about 8 µs a title, 0.7 s for ml-32m's movies.
     */
    public static Movie parseMovie(int id, String rawTitle, String rawGenres) {
        return parseMovie(id, rawTitle, parseGenres(rawGenres));
    }

    /** "A|B" as a set of genre names; "(no genres listed)" and blank give the empty set. */
    static Set<String> parseGenres(String rawGenres) {
        Set<String> genres = new LinkedHashSet<>();
        String genreText = rawGenres.strip();
        if (!genreText.isEmpty() && !genreText.equals("(no genres listed)")) {
            for (String genre : genreText.split("\\|")) {
                if (!genre.isBlank()) {
                    genres.add(genre.strip());
                }
            }
        }
        return Set.copyOf(genres);
    }

    /** As {@link #parseMovie(int, String, String)} with the genres already parsed. */
    static Movie parseMovie(int id, String rawTitle, Set<String> genres) {
        String title = rawTitle.strip();
        int year = Movie.NO_YEAR;
        int open = title.lastIndexOf('(');
        if (open > 0 && title.endsWith(")")) {
            int parsed = yearInParentheses(title, open + 1, title.length() - 1);
            String before = title.substring(0, open).strip();
            if (parsed != Movie.NO_YEAR && !before.isEmpty()) {
                title = before;
                year = parsed;
            }
        }
        return new Movie(id, title, year, genres);
    }

    /** The year of "1999", "1999 ", "1975-1979", "2006– " between {@code from} and {@code to}; else NO_YEAR. */
    private static int yearInParentheses(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        if (to - from < 4) {
            return Movie.NO_YEAR;
        }
        int year = 0;
        for (int i = from; i < from + 4; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Movie.NO_YEAR;
            }
            year = year * 10 + (c - '0');
        }
        int i = from + 4;
        while (i < to && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        if (i < to && (text.charAt(i) == '-' || text.charAt(i) == '\u2013')) {
            i++;
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int digits = 0;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9' && digits < 4) {
                i++;
                digits++;
            }
            while (i < to && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
        }
        return i == to ? year : Movie.NO_YEAR;
    }
}
