package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.Dataset;
import org.encore.data.Movie;
import org.encore.data.MovieLensLoader;
import org.encore.inspect.Colouring;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPoint;
import org.encore.inspect.MovieNeighbours;
import org.encore.inspect.NeighbourAgreement;
import org.encore.inspect.UserActivations;
import org.encore.training.Engine;
import org.encore.training.TrainedModel;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code encore latent}: the latent map of a trained run (DESIGN.md section 9): every user's activations of a layer
 * ("coding" by default), or with {@code --movies} the decoder's movie vectors, on their first two principal axes,
 * with the explained variance, labels, how often map neighbours share a label, and optionally a PNG.
 */
public final class LatentCommand implements Command {
    private final Engine engine;

    public LatentCommand(Engine engine) {
        this.engine = engine;
    }
    /** Neighbours per point for the agreement figure. */
    static final int NEIGHBOURS = 10;
    private static final int SHUFFLES = 10;

    @Override
    public String name() {
        return "latent";
    }

    @Override
    public String usage() {
        return "latent --data PATH --model RUN_DIR [--layer NAME] [--color " + Colouring.choices() + "] [--movies [--near MOVIE_ID]] "
                + "[--unit-length] [--top N] [--max-users N] [--seed S] [--json] [--png FILE [--overwrite]]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("data", "model", "layer", "color", "near", "top", "max-users", "seed", "png"),
                List.of("json", "movies", "unit-length", Args.OVERWRITE));
        Path data = a.path("data");
        Path runDir = a.path("model");
        Colouring colouring = Colouring.fromId(a.string("color", Colouring.GENRE.id()));
        if (colouring == null) {
            throw new UsageException("--color expects " + Colouring.choices() + ", got '" + a.string("color", "") + "'");
        }
        boolean movies = a.flag("movies");
        if (movies && a.has("layer")) {
            throw new UsageException("--movies maps the output layer's movie vectors; --layer is for the users' map");
        }
        boolean unitLength = a.flag("unit-length");
        if (movies && unitLength) {
            throw new UsageException("--unit-length scales the users' vectors; --movies maps the movie vectors as they are");
        }
        if (a.has("near") && !movies) {
            throw new UsageException("--near needs --movies");
        }
        int top = a.integer("top", 10);
        int maxUsers = a.integer("max-users", LatentMap.MAX_USERS);
        if (top < 1 || maxUsers < 2) {
            throw new UsageException("--top must be at least 1 and --max-users at least 2, got " + top + " and " + maxUsers);
        }
        long seed = a.longValue("seed", 42);
        Path png = a.outputFile("png");
        if (!Files.isDirectory(runDir)) {
            err.println("encore latent: " + runDir + " is not a run folder");
            return Main.ERROR;
        }

        Dataset dataset = MovieLensLoader.load(data);
        TrainedModel model = engine.load(runDir, dataset);
        String layer = a.string("layer", LatentMap.defaultLayer(model));
        if (!model.layerNames().contains(layer)) {
            err.println("encore latent: '" + layer + "' is not a layer of " + runDir + "; its layers are "
                    + String.join(", ", model.layerNames()));
            return Main.ERROR;
        }
        LatentMap map = movies ? LatentMap.ofMovies(model, dataset, colouring)
                : LatentMap.ofUsers(unitLength ? UserActivations.of(model, dataset.ratings(), layer, maxUsers, seed).unitLength()
                : UserActivations.of(model, dataset.ratings(), layer, maxUsers, seed), dataset, colouring);
        int[] labels = map.legendIndices();
        NeighbourAgreement neighbours = NeighbourAgreement.of(map.coordinates(), 2, Math.min(NEIGHBOURS, map.points().size() - 1));
        double agreement = neighbours.agreement(labels);
        double shuffled = neighbours.shuffledAgreement(labels, SHUFFLES, seed);
        List<MovieNeighbours.Neighbour> near = List.of();
        int nearId = 0;
        if (a.has("near")) {
            nearId = a.integer("near", 0);
            int column = dataset.ratings().movies().indexOf(nearId);
            if (column < 0) {
                err.println("encore latent: movie " + nearId + " is not one of the " + dataset.ratings().movieCount()
                        + " rated movies of " + data);
                return Main.ERROR;
            }
            near = MovieNeighbours.of(model.movieVectors(), model.movieVectorWidth(), dataset.ratings().movies()).nearest(column, top);
        }
        String title = String.format(Locale.ROOT, "%s on %s: %s%s", model.name(), dataset.release(), describe(map, movies),
                unitLength ? ", each user's vector at unit length" : "");
        if (png != null) {
            LatentMapImage.write(map, title, movies ? "movies" : "users", png);
        }
        if (a.flag("json")) {
            out.println(json(map, movies, unitLength, agreement, shuffled, dataset, nearId, near));
        } else {
            printSummary(out, map, title, movies, agreement, shuffled, dataset, nearId, near, png);
        }
        return Main.OK;
    }

    private static String describe(LatentMap map, boolean movies) {
        String what = movies ? "movies' output-layer vectors" : "users' " + map.layer() + " layer";
        String count = map.sampled()
                ? String.format(Locale.ROOT, "a sample of %,d of %,d users", map.points().size(), map.total())
                : String.format(Locale.ROOT, "%,d %s", map.points().size(), movies ? "movies" : "users");
        return String.format(Locale.ROOT, "%s (%d wide), %s, coloured by %s", what, map.layerWidth(), count,
                label(map.colouring(), movies));
    }

    private static String label(Colouring colouring, boolean movies) {
        return switch (colouring) {
            case GENRE -> movies ? "genre" : "dominant genre";
            case DECADE -> movies ? "release decade" : "dominant release decade";
            case ACTIVITY -> "number of ratings";
            case RATING -> "mean rating";
        };
    }

    private static void printSummary(PrintStream out, LatentMap map, String title, boolean movies, double agreement,
                                     double shuffled, Dataset dataset, int nearId, List<MovieNeighbours.Neighbour> near, Path png) {
        double[] ev = map.explainedVariance();
        out.println(title);
        out.printf(Locale.ROOT, "  x = PC1: %.1f%% of the variance, y = PC2: %.1f%%%n", 100 * ev[0], 100 * ev[1]);
        out.printf(Locale.ROOT, "  %d nearest neighbours on the map share the label %.1f%% of the time (%.1f%% with the labels shuffled)%n",
                NEIGHBOURS, 100 * agreement, 100 * shuffled);
        int[] labels = map.legendIndices();
        for (int l = 0; l < map.legend().size(); l++) {
            double x = 0;
            double y = 0;
            int count = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == l) {
                    x += map.points().get(i).x();
                    y += map.points().get(i).y();
                    count++;
                }
            }
            out.printf(Locale.ROOT, "  %-28s %,7d %s, centre (%8.3f, %8.3f)%n", map.legend().get(l), count,
                    movies ? "movies" : "users", x / count, y / count);
        }
        if (!near.isEmpty()) {
            out.println("movies nearest to " + title(dataset, nearId) + " (cosine of the output-layer vectors):");
            for (MovieNeighbours.Neighbour n : near) {
                out.printf(Locale.ROOT, "  %6.3f  %s%n", n.cosine(), title(dataset, n.movieId()));
            }
        }
        if (png != null) {
            out.println("map written to " + png);
        }
    }

    private static String title(Dataset dataset, int movieId) {
        Movie m = dataset.movie(movieId);
        return m == null ? "Movie " + movieId : m.displayTitle();
    }

    private static String json(LatentMap map, boolean movies, boolean unitLength, double agreement, double shuffled, Dataset dataset,
                               int nearId, List<MovieNeighbours.Neighbour> near) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("layer", map.layer());
        root.put("layerWidth", map.layerWidth());
        root.put("unitLength", unitLength);
        ArrayNode ev = root.putArray("explainedVariance");
        for (double v : map.explainedVariance()) {
            ev.add(v);
        }
        root.put("color", map.colouring().id());
        root.put("sampled", map.sampled());
        root.put("total", map.total());
        ArrayNode legend = root.putArray("legend");
        map.legend().forEach(legend::add);
        ObjectNode nn = root.putObject("neighbourAgreement");
        nn.put("k", NEIGHBOURS);
        nn.put("agreement", agreement);
        nn.put("shuffled", shuffled);
        ArrayNode points = root.putArray(movies ? "movies" : "users");
        for (MapPoint p : map.points()) {
            ObjectNode o = points.addObject();
            o.put("id", p.id());
            o.put("x", p.x());
            o.put("y", p.y());
            o.put("label", p.label());
            if (Double.isFinite(p.value())) {
                o.put("value", p.value());
            }
        }
        if (!near.isEmpty()) {
            ObjectNode n = root.putObject("near");
            n.put("movieId", nearId);
            n.put("title", title(dataset, nearId));
            ArrayNode list = n.putArray("neighbours");
            for (MovieNeighbours.Neighbour x : near) {
                ObjectNode o = list.addObject();
                o.put("movieId", x.movieId());
                o.put("title", title(dataset, x.movieId()));
                o.put("cosine", x.cosine());
            }
        }
        return mapper.writeValueAsString(root);
    }
}
