package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.data.LoadReport;
import org.encore.data.MovieLensLoader;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code encore stats}: loads a dataset and prints its summary, or one JSON object with {@code --json}. */
public final class StatsCommand implements Command {
    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String usage() {
        return "stats --data PATH [--json]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("data"), List.of("json"));
        // a missing path is the loader's own "no such file or folder" error, which Main prints with exit 1
        Dataset dataset = MovieLensLoader.load(a.path("data"));
        DatasetStatistics stats = DatasetStatistics.of(dataset);
        if (a.flag("json")) {
            out.println(new ObjectMapper().writeValueAsString(toJson(dataset, stats)));
        } else {
            printSummary(dataset, stats, out);
        }
        return Main.OK;
    }

    /** The JSON object's fields, in print order. */
    static Map<String, Object> toJson(Dataset dataset, DatasetStatistics stats) {
        LoadReport report = dataset.report();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("release", dataset.release());
        json.put("source", dataset.source().toString());
        json.put("ratings", stats.ratings());
        json.put("users", stats.users());
        json.put("movies", stats.movies());
        json.put("ratedMovies", stats.ratedMovies());
        json.put("density", stats.density());
        json.put("minRating", stats.minRating());
        json.put("maxRating", stats.maxRating());
        json.put("meanRating", stats.meanRating());
        Map<String, Long> histogram = new LinkedHashMap<>();
        stats.ratingHistogram().forEach((value, count) -> histogram.put(ratingText(value), count));
        json.put("histogram", histogram);
        json.put("ratingsPerUser", spread(DatasetStatistics.spread(stats.ratingsPerUser())));
        json.put("ratingsPerMovie", spread(DatasetStatistics.spread(stats.ratingsPerMovie())));
        json.put("moviesPerGenre", stats.moviesPerGenre());
        json.put("moviesWithoutGenres", stats.moviesWithoutGenres());
        json.put("moviesPerDecade", stats.moviesPerDecade());
        json.put("moviesWithoutYear", stats.moviesWithoutYear());
        json.put("skippedLines", report.skippedLines());
        json.put("duplicates", report.duplicates());
        json.put("loadMillis", report.loadMillis());
        json.put("fromCache", report.fromCache());
        json.put("warnings", report.warnings());
        return json;
    }

    private static Map<String, Object> spread(DatasetStatistics.Spread s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", s.min());
        m.put("median", s.median());
        m.put("max", s.max());
        m.put("mean", s.mean());
        return m;
    }

    private static void printSummary(Dataset dataset, DatasetStatistics stats, PrintStream out) {
        LoadReport report = dataset.report();
        out.printf(Locale.ROOT, "release      %s (%s)%n", dataset.release(), dataset.source());
        out.printf(Locale.ROOT, "ratings      %,d%n", stats.ratings());
        out.printf(Locale.ROOT, "users        %,d%n", stats.users());
        out.printf(Locale.ROOT, "movies       %,d (%,d rated)%n", stats.movies(), stats.ratedMovies());
        out.printf(Locale.ROOT, "density      %.4f%% of users x rated movies%n", stats.density() * 100);
        out.printf(Locale.ROOT, "rating       %s .. %s, mean %.3f%n", ratingText(stats.minRating()),
                ratingText(stats.maxRating()), stats.meanRating());
        out.println("histogram    " + stats.ratingHistogram().entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s: %,d", ratingText(e.getKey()), e.getValue()))
                .collect(Collectors.joining("  ")));
        printSpread(out, "per user", DatasetStatistics.spread(stats.ratingsPerUser()));
        printSpread(out, "per movie", DatasetStatistics.spread(stats.ratingsPerMovie()));
        out.println("genres       " + movieCounts(stats.moviesPerGenre(), "%s %,d", "no genres", stats.moviesWithoutGenres()));
        out.println("decades      " + movieCounts(stats.moviesPerDecade(), "%ds %,d", "no year", stats.moviesWithoutYear()));
        out.printf(Locale.ROOT, "load         %,d ms%s; %,d lines skipped, %,d duplicates%n", report.loadMillis(),
                report.fromCache() ? " (from cache)" : "", report.skippedLines(), report.duplicates());
        for (String warning : report.warnings()) {
            out.println("warning      " + TerminalText.escape(warning));
        }
    }

    /** "key count, key count" with each entry as {@code entryFormat}, then "; {@code noneLabel} n" when n > 0. */
    private static <K> String movieCounts(Map<K, Integer> counts, String entryFormat, String noneLabel, int none) {
        return counts.entrySet().stream()
                .map(e -> TerminalText.escape(String.format(Locale.ROOT, entryFormat, e.getKey(), e.getValue())))
                .collect(Collectors.joining(", "))
                + (none > 0 ? String.format(Locale.ROOT, "; %s %,d", noneLabel, none) : "");
    }

    private static void printSpread(PrintStream out, String label, DatasetStatistics.Spread s) {
        out.printf(Locale.ROOT, "%-12s min %,d, median %s, max %,d, mean %.1f ratings%n", label, s.min(),
                s.median() == Math.rint(s.median()) ? String.format(Locale.ROOT, "%,d", (long) s.median()) : String.valueOf(s.median()),
                s.max(), s.mean());
    }

    private static String ratingText(float value) {
        return value * 2 == Math.rint(value * 2) ? String.format(Locale.ROOT, "%.1f", value) : Float.toString(value);
    }
}
