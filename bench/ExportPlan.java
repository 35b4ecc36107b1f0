import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.TrainingPlan;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the training and validation users of the reference protocol (Model 1's seed and validation fraction,
 * the given users fraction), exactly as `encore train` picks them, for bench/epoch_torch.py: OUT/train.bin and
 * OUT/validation.bin, each little-endian int32 rows, int32 width, int32 nnz, then int32 row pointers (rows + 1),
 * int32 columns, float32 ratings (unscaled).
 * Usage: java -cp CLASSPATH bench/ExportPlan.java DATA OUT USERS_FRACTION
 */
public class ExportPlan {
    public static void main(String[] args) throws Exception {
        RatingMatrix m = MovieLensLoader.load(Path.of(args[0])).ratings();
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        ModelSpec spec = Presets.model1().withTraining(t -> t.usersFraction(Double.parseDouble(args[2])));
        TrainingPlan plan = TrainingPlan.reference(spec, m);
        write(m, plan.trainRows(), out.resolve("train.bin"));
        write(m, plan.validationRows(), out.resolve("validation.bin"));
        System.out.printf("exported %d train and %d validation users, width %d%n", plan.trainRows().length,
                plan.validationRows().length, m.movieCount());
    }

    static void write(RatingMatrix m, int[] rows, Path file) throws Exception {
        int nnz = 0;
        for (int r : rows) {
            nnz += m.rowLength(r);
        }
        ByteBuffer b = ByteBuffer.allocate(12 + 4 * (rows.length + 1) + 8 * nnz).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(rows.length).putInt(m.movieCount()).putInt(nnz);
        int p = 0;
        b.putInt(0);
        for (int r : rows) {
            p += m.rowLength(r);
            b.putInt(p);
        }
        for (int r : rows) {
            for (int q = m.rowStart(r); q < m.rowEnd(r); q++) {
                b.putInt(m.columnAt(q));
            }
        }
        for (int r : rows) {
            for (int q = m.rowStart(r); q < m.rowEnd(r); q++) {
                b.putFloat(m.ratingAt(q));
            }
        }
        Files.write(file, b.array());
    }
}
