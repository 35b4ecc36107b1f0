import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.EpochMetrics;
import org.encore.training.LayerStatistics;
import org.encore.training.RunControl;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.encore.training.dl4j.Dl4jEngine;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where an epoch of Model 1 goes, phase by phase, through Encore's real Trainer (the engine's own per-epoch debug
 * line: the training steps, the training metrics, the validation metric pass, the validation ranking pass, the layer
 * statistics), with the process CPU time of the whole epoch and of its steps and the 1-minute load average. One JSON
 * line per epoch. At ml-latest-small's width with all users the epoch is one step of 488 rows, so per-epoch overhead
 * is most of it.
 * Usage: java -Xmx4g -cp CLASSPATH bench/EpochPhases.java DATA_DIR [EPOCHS=6] [USERS_FRACTION=1] [RUNS=1]
 */
public class EpochPhases {
    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        double fraction = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<String> phases = new ArrayList<>();
        Logger trainer = (Logger) LoggerFactory.getLogger("org.encore.training.dl4j.Trainer");
        trainer.setLevel(Level.DEBUG);
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (event.getFormattedMessage().contains("phases")) {
                    phases.add(event.getFormattedMessage());
                }
            }
        };
        capture.setContext(trainer.getLoggerContext());
        capture.start();
        trainer.addAppender(capture);
        trainer.setAdditive(false);

        Dataset dataset = MovieLensLoader.load(data);
        ModelSpec base = Presets.model1();
        ModelSpec spec = base.toBuilder().training(base.training().toBuilder().epochs(epochs).usersFraction(fraction).build()).build();
        TrainingPlan plan = TrainingPlan.reference(spec, dataset.ratings());
        System.out.printf(Locale.ROOT, "# width %d, %d train / %d validation users, %d cores, load %s%n",
                dataset.ratings().movieCount(), plan.trainRows().length, plan.validationRows().length,
                Runtime.getRuntime().availableProcessors(), load());
        for (int run = 1; run <= runs; run++) {
            int runNumber = run;
            long[] marks = {OS.getProcessCpuTime(), 0, 0};
            new Dl4jEngine().train(spec, dataset.ratings(), plan, new TrainingListener() {
                @Override
                public void batchFinished(int epoch, int batch, int batches) {
                    if (batch == batches) {
                        marks[1] = OS.getProcessCpuTime();
                    }
                }

                @Override
                public void epochFinished(EpochMetrics metrics) {
                    marks[2] = OS.getProcessCpuTime();
                }

                @Override
                public void layerStatistics(int epoch, List<LayerStatistics> layers) {
                    long now = OS.getProcessCpuTime();
                    String line = phases.isEmpty() ? "" : phases.remove(0);
                    System.out.printf(Locale.ROOT, "{\"run\": %d, \"epoch\": %d, \"cpu_s\": %.3f, \"cpu_steps_s\": %.3f, "
                                    + "\"cpu_after_metrics_s\": %.3f, \"load\": %s, \"phases\": \"%s\"}%n", runNumber, epoch,
                            (now - marks[0]) / 1e9, (marks[1] - marks[0]) / 1e9, (now - marks[2]) / 1e9, load(), line);
                    marks[0] = OS.getProcessCpuTime();
                }
            }, new RunControl());
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "null";
        }
    }
}
