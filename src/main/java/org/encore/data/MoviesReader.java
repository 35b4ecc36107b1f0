package org.encore.data;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the movies file of each layout: {@code movies.csv} (quoted CSV), {@code movies.dat} ({@code ::}) and
 * ml-100k's {@code u.item} (pipes, 19 genre flags). Movies files are small, so they are decoded whole: as UTF-8
 * when the bytes are valid UTF-8, otherwise as ISO-8859-1 (ml-1m and ml-100k are Latin-1).
 */
final class MoviesReader {
    /** ml-100k's genres in flag order, used when there is no u.genre. */
    static final List<String> ML100K_GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
            "Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
            "Romance", "Sci-Fi", "Thriller", "War", "Western");
    private static final Pattern RELEASE_DATE_YEAR = Pattern.compile("\\d{1,2}-[A-Za-z]{3}-(\\d{4})");

    /** The movies read, and the lines skipped when skipping was asked for. */
    record Result(List<Movie> movies, long skipped, List<String> warnings) {
    }

    private MoviesReader() {
    }

    /** Decodes as UTF-8 when valid (dropping a byte-order mark), else as ISO-8859-1. */
    static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** ml-100k genre names in flag order from u.genre ("name|index" lines). */
    static List<String> readGenreNames(byte[] bytes, String displayName) throws DataFormatException {
        TextHead.check(bytes, displayName);
        List<String> names = new ArrayList<>();
        String[] lines = decode(bytes).split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            int index;
            try {
                index = bar < 0 ? -1 : Integer.parseInt(line.substring(bar + 1));
            } catch (NumberFormatException e) {
                index = -1;
            }
            if (index != names.size()) {
                throw new DataFormatException(displayName, i + 1, "expected 'genre|" + names.size() + "' but found "
                        + RatingsParser.quote(line));
            }
            names.add(line.substring(0, bar));
        }
        return names;
    }

    static Result read(byte[] bytes, SourceFiles.Layout layout, String displayName, List<String> genreNames,
                       boolean skipBadLines) throws DataFormatException {
        TextHead head = TextHead.check(bytes, displayName);
        int[] order = layout == SourceFiles.Layout.CSV
                ? CsvHeader.columnOrder(head.firstLine(), CsvHeader.MOVIES, displayName) : null;
        int[] columns = order == null ? new int[] {0, 1, 2} : order;
        String[] lines = decode(bytes).split("\n", -1);
        List<Movie> movies = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        // a few thousand distinct genre strings at most: parse each once and share the set
        java.util.Map<String, Set<String>> genreSets = new java.util.HashMap<>();
        List<String> warnings = new ArrayList<>();
        long skipped = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            if (i == 0 && order != null) {
                continue; // the header, checked above
            }
            Movie movie;
            try {
                movie = switch (layout) {
                    case CSV -> csvMovie(line, columns, genreSets);
                    case DAT -> datMovie(line, genreSets);
                    case ML100K -> itemMovie(line, genreNames);
                };
            } catch (IllegalArgumentException e) {
                if (!skipBadLines) {
                    throw new DataFormatException(displayName, i + 1, e.getMessage());
                }
                skipped++;
                if (warnings.size() < RatingsParser.MAX_REMEMBERED_BAD_LINES) {
                    warnings.add("skipped " + displayName + ":" + (i + 1) + ": " + e.getMessage());
                }
                continue;
            }
            if (!seen.add(movie.id())) {
                if (warnings.size() < RatingsParser.MAX_REMEMBERED_BAD_LINES) {
                    warnings.add(displayName + ":" + (i + 1) + ": movie " + movie.id()
                            + " is listed again; the first listing is kept");
                }
                continue;
            }
            movies.add(movie);
        }
        return new Result(movies, skipped, warnings);
    }

    /** {@code columns[k]}: where field k of movieId, title, genres is on the line (the header's order). */
    private static Movie csvMovie(String line, int[] columns, java.util.Map<String, Set<String>> genreSets) {
        List<String> fields = splitCsv(line);
        if (fields.size() != 3) {
            throw new IllegalArgumentException("expected 3 fields (movieId,title,genres) but found " + fields.size()
                    + " in " + RatingsParser.quote(line));
        }
        return MovieLensLoader.parseMovie(movieId(fields.get(columns[0]), "movieId", line), fields.get(columns[1]),
                genreSets.computeIfAbsent(fields.get(columns[2]), MovieLensLoader::parseGenres));
    }

    private static Movie datMovie(String line, java.util.Map<String, Set<String>> genreSets) {
        String[] fields = line.split("::", -1);
        if (fields.length != 3) {
            throw new IllegalArgumentException("expected 3 fields (MovieID::Title::Genres) but found " + fields.length
                    + " in " + RatingsParser.quote(line));
        }
        return MovieLensLoader.parseMovie(movieId(fields[0], "MovieID", line), fields[1],
                genreSets.computeIfAbsent(fields[2], MovieLensLoader::parseGenres));
    }

    private static Movie itemMovie(String line, List<String> genreNames) {
        String[] fields = line.split("\\|", -1);
        int expected = 5 + genreNames.size();
        if (fields.length != expected) {
            throw new IllegalArgumentException("expected " + expected + " fields (movie id|title|release date|video "
                    + "release date|IMDb URL|" + genreNames.size() + " genre flags) but found " + fields.length
                    + " in " + RatingsParser.quote(line));
        }
        int id = movieId(fields[0], "movie id", line);
        Set<String> genres = new LinkedHashSet<>();
        for (int g = 0; g < genreNames.size(); g++) {
            String flag = fields[5 + g].strip();
            if (flag.equals("1")) {
                if (!genreNames.get(g).equalsIgnoreCase("unknown")) {
                    genres.add(genreNames.get(g));
                }
            } else if (!flag.equals("0")) {
                throw new IllegalArgumentException("genre flag " + (g + 1) + " (" + genreNames.get(g) + ") is "
                        + RatingsParser.quote(flag) + ", expected 0 or 1, in " + RatingsParser.quote(line));
            }
        }
        Movie parsed = MovieLensLoader.parseMovie(id, fields[1], Set.of());
        int year = parsed.year();
        if (year == Movie.NO_YEAR) {
            Matcher date = RELEASE_DATE_YEAR.matcher(fields[2].strip());
            if (date.matches()) {
                year = Integer.parseInt(date.group(1));
            }
        }
        return new Movie(id, parsed.title(), year, genres);
    }

    private static int movieId(String field, String name, String line) {
        String text = field.strip();
        if (!RatingsParser.isId(text)) {
            throw new IllegalArgumentException(name + " " + RatingsParser.quote(field) + " is not a whole number in "
                    + RatingsParser.quote(line));
        }
        return Integer.parseInt(text);
    }

    /** Splits one CSV line: fields may be quoted, and {@code ""} inside quotes is one quote. */
    static List<String> splitCsv(String line) {
        if (line.indexOf('"') < 0) {
            List<String> plain = new ArrayList<>(4);
            int start = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
                plain.add(line.substring(start, comma));
                start = comma + 1;
            }
            plain.add(line.substring(start));
            return plain;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("a quoted field is not closed in " + RatingsParser.quote(line));
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("unexpected text after a closing quote in "
                            + RatingsParser.quote(line));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }
}
