package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.inspect.Reconstruction;
import org.encore.model.RowScorer;
import org.encore.recommend.Recommendation;
import org.encore.training.Engine;
import org.encore.training.Histogram;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code encore reconstruct}: the per-user panel's Reconstruction tab headless ({@link Reconstruction}, the reference's
 * {@code predict(x) * (x == 0)} made visible): a user's rated movies with their rating beside the model's output (in
 * stars and the error for a rating predictor, the rank for a ranking model), then the unrated movies with the highest
 * outputs, which are the recommendations, and a histogram of all the user's outputs.
 */
final class ReconstructCommand implements Command {
    private static final int BAR = 40;
    private final Engine engine;

    ReconstructCommand(Engine engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return "reconstruct";
    }

    @Override
    public String usage() {
        return "reconstruct --data PATH --model RUN_DIR|popular|bias|ease --user ID [--top N] [--rated N] [--json]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("data", "model", "user", "top", "rated"), List.of("json"));
        List<String> items = ModelArguments.items(a.required("model"));
        if (items.size() != 1) {
            throw new UsageException("--model takes one run folder or baseline, got " + items.size());
        }
        ModelArguments.checkBaselineItems(items);
        int userId = a.requiredInteger("user");
        int top = a.integer("top", 10, Range.atLeast(1));
        int ratedShown = a.integer("rated", 20, Range.atLeast(1));
        Path data = a.path("data");

        Dataset dataset = MovieLensLoader.load(data);
        int row = dataset.ratings().users().indexOf(userId);
        if (row < 0) {
            err.println("encore reconstruct: user " + userId + " is not in " + data + " ("
                    + dataset.ratings().userCount() + " users)");
            return Main.ERROR;
        }
        RowScorer scorer = ModelArguments.scorers(items, dataset, engine).get(0);
        Reconstruction r = Reconstruction.of(scorer, dataset.ratings(), row, top);
        if (a.flag("json")) {
            out.println(json(dataset, scorer, r));
        } else {
            print(out, dataset, scorer, r, ratedShown);
        }
        return Main.OK;
    }

    private static void print(PrintStream out, Dataset dataset, RowScorer scorer, Reconstruction r, int ratedShown) {
        out.printf(Locale.ROOT, "user %d, %d rated movies, reconstructed by %s%n", r.userId(), r.rated().size(),
                TerminalText.escape(scorer.name()));
        if (r.predictsRatings()) {
            out.printf(Locale.ROOT, "on the rated movies: RMSE %.3f, MAE %.3f stars (what the model reproduces of its own input)%n",
                    r.ratedRmse(), r.ratedMae());
            out.printf(Locale.ROOT, "%n%-46s %6s %9s %7s %6s%n", "rated (best first)", "stars", "output", "error", "rank");
        } else {
            out.printf(Locale.ROOT, "a ranking model: its outputs are scores, so the rated movies show their rank%n");
            out.printf(Locale.ROOT, "%n%-46s %6s %9s %6s%n", "rated (best first)", "stars", "score", "rank");
        }
        for (Reconstruction.RatedRow m : r.rated().subList(0, Math.min(ratedShown, r.rated().size()))) {
            String title = fit(title(dataset, m.movieId()), 46);
            if (r.predictsRatings()) {
                out.printf(Locale.ROOT, "%-46s %6.1f %9.2f %+7.2f %6d%n", title, m.rating(), m.predicted(), m.error(), m.rank());
            } else {
                out.printf(Locale.ROOT, "%-46s %6.1f %9.4f %6d%n", title, m.rating(), m.score(), m.rank());
            }
        }
        if (r.rated().size() > ratedShown) {
            out.printf(Locale.ROOT, "... %d more (--rated N shows more)%n", r.rated().size() - ratedShown);
        }
        out.printf(Locale.ROOT, "%nunrated with the highest outputs (the recommendations)%n");
        for (Recommendation m : r.recommendations()) {
            out.printf(Locale.ROOT, "#%-3d %-46s %9s%n", m.rank(), fit(title(dataset, m.movieId()), 46),
                    r.predictsRatings() ? String.format(Locale.ROOT, "%.2f", m.score() / scorer.valueScale())
                            : String.format(Locale.ROOT, "%.4f", m.score()));
        }
        Histogram h = r.outputs();
        long most = 1;
        for (long c : h.counts()) {
            most = Math.max(most, c);
        }
        out.printf(Locale.ROOT, "%nall outputs for this user (%s), a histogram%n", r.predictsRatings() ? "stars" : "raw scores");
        double step = (h.max() - h.min()) / h.counts().length;
        for (int b = 0; b < h.counts().length; b++) {
            long c = h.counts()[b];
            if (c == 0) {
                continue;
            }
            out.printf(Locale.ROOT, "%9.3f %7d %s%n", h.min() + (b + 0.5) * step, c, "#".repeat((int) Math.max(1, c * BAR / most)));
        }
    }

    private static String json(Dataset dataset, RowScorer scorer, Reconstruction r) throws Exception {
        ObjectMapper mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("user", r.userId());
        root.put("model", scorer.name());
        root.put("predictsRatings", r.predictsRatings());
        if (r.predictsRatings()) {
            root.put("ratedRmse", r.ratedRmse());
            root.put("ratedMae", r.ratedMae());
        }
        ArrayNode rated = root.putArray("rated");
        for (Reconstruction.RatedRow m : r.rated()) {
            ObjectNode o = RecommendCommand.movie(rated.addObject(), dataset.movie(m.movieId()), m.movieId());
            o.put("rating", m.rating());
            o.put("score", m.score());
            if (r.predictsRatings()) {
                o.put("predicted", m.predicted());
                o.put("error", m.error());
            }
            o.put("rank", m.rank());
        }
        ArrayNode recommendations = root.putArray("recommendations");
        for (Recommendation m : r.recommendations()) {
            ObjectNode o = RecommendCommand.movie(recommendations.addObject(), dataset.movie(m.movieId()), m.movieId());
            o.put("rank", m.rank());
            o.put("score", m.score());
        }
        ObjectNode histogram = root.putObject("outputs");
        histogram.put("min", r.outputs().min());
        histogram.put("max", r.outputs().max());
        ArrayNode counts = histogram.putArray("counts");
        for (long c : r.outputs().counts()) {
            counts.add(c);
        }
        return mapper.writeValueAsString(root);
    }

    private static String title(Dataset dataset, int movieId) {
        return TerminalText.movieTitle(dataset.movie(movieId), movieId);
    }

    private static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
