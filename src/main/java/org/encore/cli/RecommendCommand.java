package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.data.MovieLensLoader;
import org.encore.model.RowScorer;
import org.encore.recommend.Blend;
import org.encore.recommend.RatedMovie;
import org.encore.recommend.Recommendation;
import org.encore.recommend.Recommender;

import org.encore.training.Engine;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * {@code encore recommend}: a user's own top-rated movies beside each model's top N (and the blend's when several
 * models are given).
 */
public final class RecommendCommand implements Command {
    private final Engine engine;

    public RecommendCommand(Engine engine) {
        this.engine = engine;
    }
    private static final int COLUMN_WIDTH = 38;

    @Override
    public String name() {
        return "recommend";
    }

    @Override
    public String usage() {
        return "recommend --data PATH --model RUN_DIR|popular|bias|ease[:LAMBDA][,...] [--weights w1,w2...] [--mode score|rank] --user ID [--top N] [--json]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("data", "model", "weights", "user", "top", "mode"), List.of("json"));
        // every option is checked before any data is read
        List<String> modelItems = ModelArguments.items(a.required("model"));
        if (modelItems.isEmpty()) {
            throw new UsageException("--model needs at least one run folder");
        }
        ModelArguments.checkBaselineItems(modelItems);
        int userId = a.requiredInteger("user");
        int top = a.integer("top", 10, Range.atLeast(1));
        Blend.Mode mode = switch (a.string("mode", "score")) {
            case "score" -> Blend.Mode.SCORE;
            case "rank" -> Blend.Mode.RANK;
            default -> throw new UsageException("--mode expects score or rank, got '" + a.string("mode", "") + "'");
        };
        double[] weights = a.has("weights") ? ModelArguments.numbers("weights", a.required("weights"), Range.atLeast(0)) : null;
        if (weights != null && weights.length != modelItems.size()) {
            throw new UsageException("--weights has " + weights.length + " numbers for " + modelItems.size() + " models");
        }
        if (weights != null && Arrays.stream(weights).allMatch(w -> w == 0)) {
            throw new UsageException("--weights needs at least one weight above 0");
        }
        Path data = a.path("data");

        Dataset dataset = MovieLensLoader.load(data);
        int row = dataset.ratings().users().indexOf(userId);
        if (row < 0) {
            err.println("encore recommend: user " + userId + " is not in " + data + " ("
                    + dataset.ratings().userCount() + " users, ids " + dataset.ratings().users().idAt(0) + ".."
                    + dataset.ratings().users().idAt(dataset.ratings().userCount() - 1) + ")");
            return Main.ERROR;
        }
        List<RowScorer> models = ModelArguments.scorers(modelItems, dataset, engine);
        List<RowScorer> lists = new ArrayList<>(models);
        Blend blend = null;
        if (models.size() > 1) {
            blend = blendOf(models, weights, mode);
            lists.add(blend);
        }
        List<RatedMovie> rated = Recommender.ratedByUser(dataset.ratings(), row, top);
        List<List<Recommendation>> recommendations = new ArrayList<>();
        for (RowScorer scorer : lists) {
            recommendations.add(Recommender.top(scorer, dataset.ratings(), row, top));
        }
        if (a.flag("json")) {
            out.println(json(dataset, userId, row, rated, lists, recommendations, blend));
        } else {
            printSideBySide(out, dataset, userId, row, rated, lists, recommendations, blend);
        }
        return Main.OK;
    }

    /** The given weights, otherwise each model's {@link Blend#referenceWeight(String) reference weight}. */
    static Blend blendOf(List<RowScorer> models, double[] weights, Blend.Mode mode) {
        String name = mode == Blend.Mode.SCORE ? "blend" : "blend-rrf";
        return weights == null ? Blend.withReferenceWeights(name, models, mode) : new Blend(name, models, weights, mode);
    }

    private static String json(Dataset dataset, int userId, int row, List<RatedMovie> rated, List<RowScorer> scorers,
                               List<List<Recommendation>> lists, Blend blend) throws Exception {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("user", userId);
        root.put("ratings", dataset.ratings().rowLength(row));
        ArrayNode ratedArray = root.putArray("rated");
        for (RatedMovie r : rated) {
            ObjectNode o = movie(ratedArray.addObject(), dataset.movie(r.movieId()), r.movieId());
            o.put("rank", r.rank());
            o.put("rating", r.rating());
        }
        ArrayNode models = root.putArray("models");
        for (int i = 0; i < scorers.size(); i++) {
            RowScorer scorer = scorers.get(i);
            ObjectNode m = models.addObject();
            m.put("name", scorer.name());
            m.put("blend", scorer == blend);
            if (scorer == blend) {
                ArrayNode w = m.putArray("weights");
                for (double x : blend.weights()) {
                    w.add(x);
                }
                m.put("mode", blend.mode().name().toLowerCase(Locale.ROOT));
            }
            ArrayNode items = m.putArray("recommendations");
            for (Recommendation r : lists.get(i)) {
                ObjectNode o = movie(items.addObject(), dataset.movie(r.movieId()), r.movieId());
                o.put("rank", r.rank());
                o.put("column", r.column());
                o.put("score", r.score());
                if (scorer.predictsRatings()) {
                    o.put("percent", Recommender.percentOfFiveStars(r.score(), scorer.valueScale()));
                } else {
                    o.put("relativeScore", Recommender.relativeScore(r, lists.get(i)));
                }
            }
        }
        return mapper.writeValueAsString(root);
    }

    /** A movie's JSON fields ({@code movieId}, {@code title}, {@code year}, {@code genres}), as every command writes them. */
    static ObjectNode movie(ObjectNode o, Movie movie, int movieId) {
        o.put("movieId", movieId);
        o.put("title", movie == null ? "Movie " + movieId : movie.title());
        if (movie != null && movie.hasYear()) {
            o.put("year", movie.year());
        } else {
            o.putNull("year");
        }
        ArrayNode genres = o.putArray("genres");
        if (movie != null) {
            new TreeSet<>(movie.genres()).forEach(genres::add);
        }
        return o;
    }

    private static void printSideBySide(PrintStream out, Dataset dataset, int userId, int row, List<RatedMovie> rated,
                                        List<RowScorer> scorers, List<List<Recommendation>> lists, Blend blend) {
        out.printf(Locale.ROOT, "user %d: %d ratings%s%n", userId, dataset.ratings().rowLength(row),
                blend == null ? "" : "; " + blend.name() + " = " + blendDescription(blend));
        List<String> headers = new ArrayList<>();
        headers.add("rated by the user");
        for (RowScorer s : scorers) {
            headers.add(s.name() + (s.predictsRatings() ? " (% of 5 stars)" : " (rank, relative score)"));
        }
        StringBuilder line = new StringBuilder("    ");
        for (String h : headers) {
            line.append(cell(h));
        }
        out.println(line.toString().stripTrailing());
        int rows = rated.size();
        for (List<Recommendation> l : lists) {
            rows = Math.max(rows, l.size());
        }
        for (int i = 0; i < rows; i++) {
            StringBuilder titles = new StringBuilder(String.format(Locale.ROOT, "%2d. ", i + 1));
            StringBuilder details = new StringBuilder("    ");
            if (i < rated.size()) {
                Movie m = dataset.movie(rated.get(i).movieId());
                titles.append(cell(TerminalText.movieTitle(m, rated.get(i).movieId())));
                details.append(cell(String.format(Locale.ROOT, "%.1f stars  %s", rated.get(i).rating(), genres(m))));
            } else {
                titles.append(cell(""));
                details.append(cell(""));
            }
            for (int s = 0; s < scorers.size(); s++) {
                List<Recommendation> l = lists.get(s);
                if (i < l.size()) {
                    Recommendation r = l.get(i);
                    Movie m = dataset.movie(r.movieId());
                    titles.append(cell(TerminalText.movieTitle(m, r.movieId())));
                    String score = scorers.get(s).predictsRatings()
                            ? String.format(Locale.ROOT, "%.0f%%", Recommender.percentOfFiveStars(r.score(), scorers.get(s).valueScale()))
                            : String.format(Locale.ROOT, "#%d %.2f", r.rank(), Recommender.relativeScore(r, l));
                    details.append(cell(score + "  " + genres(m)));
                } else {
                    titles.append(cell(""));
                    details.append(cell(""));
                }
            }
            out.println(titles.toString().stripTrailing());
            out.println(details.toString().stripTrailing());
        }
    }

    private static String blendDescription(Blend blend) {
        StringBuilder sb = new StringBuilder();
        double[] w = blend.weights();
        for (int i = 0; i < w.length; i++) {
            sb.append(i == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.2f x %s", w[i], blend.members().get(i).name()));
        }
        return sb.append(blend.mode() == Blend.Mode.SCORE ? " (z-scored per user)" : " (reciprocal rank fusion)").toString();
    }

    private static String genres(Movie m) {
        return m == null || m.genres().isEmpty() ? "-" : TerminalText.escape(String.join("|", new TreeSet<>(m.genres())));
    }

    private static String cell(String text) {
        String t = text.length() > COLUMN_WIDTH - 2 ? text.substring(0, COLUMN_WIDTH - 3) + "…" : text;
        return String.format("%-" + COLUMN_WIDTH + "s", t);
    }
}
