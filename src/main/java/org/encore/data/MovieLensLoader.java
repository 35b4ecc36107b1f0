package org.encore.data;

import com.opencsv.CSVParser;
import com.opencsv.CSVParserBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MovieLens release into a {@link Dataset}.
 * <p>
 * FIRST CUT (skeleton): only CSV releases in a folder, no cache, no zip. The data layer owner replaces this
 * with the full reader; the public {@code load} signature stays.
 */
public final class MovieLensLoader {
    private static final Pattern YEAR = Pattern.compile("^(.*?)\\s*\\((\\d{4})(?:[-–]\\d{0,4})?\\)\\s*$");

    private MovieLensLoader() {
    }

    public static Dataset load(Path source) throws IOException, DataFormatException {
        return load(source, LoadOptions.defaults(), ProgressListener.NONE, CancellationToken.none());
    }

    public static Dataset load(Path source, LoadOptions options, ProgressListener progress, CancellationToken cancel)
            throws IOException, DataFormatException {
        long start = System.currentTimeMillis();
        Path ratingsFile = source.resolve("ratings.csv");
        Path moviesFile = source.resolve("movies.csv");
        if (!Files.isRegularFile(ratingsFile)) {
            throw new DataFormatException(source.toString(), 0, "no ratings file (expected ratings.csv, ratings.dat or u.data)");
        }
        List<Movie> movies = Files.isRegularFile(moviesFile) ? readMovies(moviesFile) : new ArrayList<>();

        int n = 0;
        int[] users = new int[1 << 16];
        int[] items = new int[1 << 16];
        float[] values = new float[1 << 16];
        long[] times = new long[1 << 16];
        try (BufferedReader in = Files.newBufferedReader(ratingsFile, StandardCharsets.UTF_8)) {
            String line = in.readLine(); // header
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length != 4) {
                    throw new DataFormatException(ratingsFile.toString(), lineNo, "expected 4 fields userId,movieId,rating,timestamp but got: " + line);
                }
                if (n == users.length) {
                    users = Arrays.copyOf(users, n * 2);
                    items = Arrays.copyOf(items, n * 2);
                    values = Arrays.copyOf(values, n * 2);
                    times = Arrays.copyOf(times, n * 2);
                }
                try {
                    users[n] = Integer.parseInt(f[0]);
                    items[n] = Integer.parseInt(f[1]);
                    values[n] = Float.parseFloat(f[2]);
                    times[n] = Long.parseLong(f[3].trim());
                } catch (NumberFormatException e) {
                    throw new DataFormatException(ratingsFile.toString(), lineNo, "expected numbers but got: " + line);
                }
                n++;
            }
        }
        RatingMatrix matrix = CsrBuilder.build(users, items, values, times, n);
        List<Movie> all = new ArrayList<>(movies);
        Set<Integer> known = new java.util.HashSet<>();
        for (Movie m : movies) {
            known.add(m.id());
        }
        for (int id : matrix.movies().ids()) {
            if (!known.contains(id)) {
                all.add(new Movie(id, "Movie " + id, Movie.NO_YEAR, Set.of()));
            }
        }
        LoadReport report = new LoadReport(0, 0, System.currentTimeMillis() - start, false, List.of());
        return new Dataset(source.getFileName().toString(), source, matrix, all, report);
    }

    static List<Movie> readMovies(Path file) throws IOException, DataFormatException {
        CSVParser parser = new CSVParserBuilder().build();
        List<Movie> movies = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            long lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = parser.parseLine(line);
                if (f.length != 3) {
                    throw new DataFormatException(file.toString(), lineNo, "expected 3 fields movieId,title,genres but got: " + line);
                }
                movies.add(parseMovie(Integer.parseInt(f[0]), f[1], f[2]));
            }
        }
        return movies;
    }

    /** Splits "Title (1999)" into title and year and "A|B" into genres. */
    public static Movie parseMovie(int id, String rawTitle, String rawGenres) {
        String title = rawTitle.trim();
        int year = Movie.NO_YEAR;
        Matcher m = YEAR.matcher(title);
        if (m.matches()) {
            title = m.group(1);
            year = Integer.parseInt(m.group(2));
        }
        Set<String> genres = new LinkedHashSet<>();
        if (!rawGenres.isBlank() && !rawGenres.equals("(no genres listed)")) {
            genres.addAll(Arrays.asList(rawGenres.split("\\|")));
        }
        return new Movie(id, title, year, genres);
    }
}
