import org.encore.data.AtomicFiles;
import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.evaluation.HeldOutUsers;
import org.encore.evaluation.SplitSettings;
import org.encore.evaluation.StrongGeneralizationSplit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes Encore's strong-generalisation split (evaluation.StrongGeneralizationSplit with Liang's defaults: 10%
 * validation and 10% test users, 80% of each held-out user's ratings fed in, users with at least 5 ratings) as CSV,
 * so that a peer implementation (bench/mult_vae.py) trains and is scored on exactly the users and ratings Encore uses.
 *
 * Usage: java -cp CLASSPATH bench/ExportSplit.java DATA_DIR OUT_DIR [SEED]
 * Files (header line first, movie columns are Encore's dense column indices 0 .. width-1):
 *   train.csv                      user,column,rating   (user = 0-based index among the training users)
 *   validation_tr.csv / _te.csv    user,column,rating   (fed-in / hidden ratings; user = index among validation users)
 *   test_tr.csv / test_te.csv      the same for the test users
 *   split.json                     width, seed, user counts, dropped counts
 */
public class ExportSplit {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExportSplit DATA_DIR OUT_DIR [SEED]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Files.createDirectories(out);
        RatingMatrix matrix = MovieLensLoader.load(data).ratings();
        StrongGeneralizationSplit split = StrongGeneralizationSplit.create(matrix, SplitSettings.defaults(seed));

        StringBuilder train = new StringBuilder("user,column,rating\n");
        int[] trainRows = split.trainRows();
        for (int u = 0; u < trainRows.length; u++) {
            for (int p = matrix.rowStart(trainRows[u]); p < matrix.rowEnd(trainRows[u]); p++) {
                line(train, u, matrix.columnAt(p), matrix.ratingAt(p));
            }
        }
        AtomicFiles.writeString(out.resolve("train.csv"), train.toString());
        writeHeldOut(split.validation(), out, "validation");
        writeHeldOut(split.test(), out, "test");
        AtomicFiles.writeString(out.resolve("split.json"), String.format(Locale.ROOT,
                "{\"data\": \"%s\", \"width\": %d, \"seed\": %d, \"trainUsers\": %d, \"validationUsers\": %d, \"testUsers\": %d,"
                        + " \"usersBelowMinimum\": %d, \"droppedUnseenRatings\": %d, \"droppedHeldOutUsers\": %d}\n",
                data.toAbsolutePath().normalize(), matrix.movieCount(), seed, trainRows.length, split.validation().size(),
                split.test().size(), split.usersBelowMinimum(), split.droppedUnseenRatings(), split.droppedHeldOutUsers()));
        System.out.printf(Locale.ROOT, "wrote %s: %d train, %d validation, %d test users, width %d%n", out,
                trainRows.length, split.validation().size(), split.test().size(), matrix.movieCount());
    }

    private static void writeHeldOut(HeldOutUsers users, Path out, String name) throws Exception {
        StringBuilder fed = new StringBuilder("user,column,rating\n");
        StringBuilder hidden = new StringBuilder("user,column,rating\n");
        RatingMatrix foldIn = users.foldIn();
        for (int u = 0; u < users.size(); u++) {
            for (int p = foldIn.rowStart(u); p < foldIn.rowEnd(u); p++) {
                line(fed, u, foldIn.columnAt(p), foldIn.ratingAt(p));
            }
            for (int h = users.hiddenPointers()[u]; h < users.hiddenPointers()[u + 1]; h++) {
                line(hidden, u, users.hiddenColumns()[h], users.hiddenRatings()[h]);
            }
        }
        AtomicFiles.writeString(out.resolve(name + "_tr.csv"), fed.toString());
        AtomicFiles.writeString(out.resolve(name + "_te.csv"), hidden.toString());
    }

    private static void line(StringBuilder sb, int user, int column, float rating) {
        sb.append(user).append(',').append(column).append(',').append(rating).append('\n');
    }
}
