package org.encore.cli;

import org.encore.data.CancellationToken;
import org.encore.data.GeneratorSettings;
import org.encore.data.OutputPaths;
import org.encore.data.ProgressListener;
import org.encore.data.SyntheticGenerator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code encore generate}: writes a synthetic MovieLens-format dataset with planted taste groups, as one folder moved
 * into place complete; a non-empty folder is replaced (as a whole) only with {@code --overwrite}.
 */
public final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String usage() {
        return "generate --out DIR [--users U --movies M --ratings R --seed S] [--shape sample|ml-32m] [--overwrite]";
    }

    @Override
    public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, List.of("out", "users", "movies", "ratings", "seed", "shape"), List.of(Args.OVERWRITE));
        Path dir = a.outputFolder("out");
        GeneratorSettings settings;
        try {
            GeneratorSettings base = GeneratorSettings.shape(a.string("shape", GeneratorSettings.SAMPLE));
            settings = base.with(
                    a.has("users") ? a.integer("users", 0) : null,
                    a.has("movies") ? a.integer("movies", 0) : null,
                    a.has("ratings") ? a.longValue("ratings", 0) : null,
                    a.has("seed") ? a.longValue("seed", 0) : null);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        SyntheticGenerator generator = new SyntheticGenerator(settings);
        SyntheticGenerator.Result result = OutputPaths.writeFolder(dir, a.overwrite(),
                folder -> generator.writeTo(folder, ProgressListener.NONE, CancellationToken.none()));
        out.printf(Locale.ROOT, "wrote %,d ratings of %,d users on %,d movies (ids up to %,d, seed %d) to %s: "
                        + "ratings.csv %.1f MB, movies.csv %.1f MB in %.1f s%n",
                result.ratings(), result.users(), result.movies(), settings.maxMovieId(), settings.seed(), dir,
                result.ratingsBytes() / 1e6, result.moviesBytes() / 1e6, result.millis() / 1000.0);
        return Main.OK;
    }
}
