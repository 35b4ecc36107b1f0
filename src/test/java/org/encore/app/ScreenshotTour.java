package org.encore.app;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.encore.data.AtomicFiles;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.dl4j.Dl4jEngine;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.prefs.Preferences;

/**
 * Not a test: a tour that opens the workbench on sample-data, trains the four presets, and writes a screenshot
 * of every view in that trained state to assets/screenshots. Run it under Xvfb (see assets/screenshots/README.md).
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        // all of sample-data's users (80/20 split): the reference's 10% is only 100 users here, too few for the
        // planted taste groups to show in the per-user panel
        double usersFraction = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
        Files.createDirectories(out);
        Path runs = Files.createTempDirectory("encore-tour-runs");
        AppPreferences preferences = new AppPreferences(Preferences.userRoot().node("org/encore/workbench-tour"));
        preferences.clear();
        preferences.setWindowSize(1440, 900);
        long launched = System.nanoTime();
        WorkbenchWindow window = openOnSample(preferences, runs, false);
        System.out.printf(Locale.ROOT, "sample-data shown %.2f s after the tour started the window%n", (System.nanoTime() - launched) / 1e9);

        // how smoothly the FX thread keeps rendering: idle first, then while the four presets train
        PulseGaps idle = new PulseGaps();
        onFx(() -> {
            window.workbench().viewProperty().set(Workbench.TRAINING_VIEW);
            idle.start();
        });
        Thread.sleep(5000);
        onFx(idle::stop);
        System.out.println("FX pulses, idle:           " + idle);
        PulseGaps training = new PulseGaps();

        onFx(() -> {
            for (ModelSpec preset : Presets.all()) {
                window.trainingViewModel().enqueue(preset.withTraining(t -> t.epochs(epochs)).withTraining(t -> t.usersFraction(usersFraction)));
            }
            window.trainingViewModel().trainQueue();
            training.start();
        });
        long trainingStarted = System.nanoTime();
        waitUntil(() -> !window.trainingViewModel().runningProperty().get()
                && window.workbench().runs().stream().allMatch(r -> r.model() != null), 900);
        onFx(training::stop);
        System.out.printf(Locale.ROOT, "trained 4 presets x %d epochs in %.1f s%n", epochs, (System.nanoTime() - trainingStarted) / 1e9);
        System.out.println("FX pulses, while training: " + training);

        onFx(() -> {
            window.workbench().viewProperty().set(Workbench.DATASET_VIEW);
            TableView<?> movies = (TableView<?>) window.scene().lookup("#moviesTable");
            movies.getSelectionModel().select(0);
        });
        shoot(window, out.resolve("dataset.png"));
        onFx(() -> {
            window.workbench().viewProperty().set(Workbench.DESIGNER_VIEW);
            window.designerViewModel().selectedProperty().set(3);
            window.designerViewModel().selectedLayerProperty().set(2);
        });
        shoot(window, out.resolve("designer.png"));
        onFx(() -> window.workbench().viewProperty().set(Workbench.TRAINING_VIEW));
        shoot(window, out.resolve("training.png"));
        onFx(() -> window.workbench().showUser(window.workbench().dataset().ratings().users().idAt(7)));
        shoot(window, out.resolve("per-user.png"));
        onFx(() -> {
            window.mainViewModel().darkThemeProperty().set(true);
            window.workbench().viewProperty().set(Workbench.TRAINING_VIEW);
        });
        shoot(window, out.resolve("training-dark.png"));
        onFx(() -> window.workbench().viewProperty().set(Workbench.USER_VIEW));
        shoot(window, out.resolve("per-user-dark.png"));
        onFx(() -> {
            window.mainViewModel().darkThemeProperty().set(false);
            window.close();
        });
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }

    /** Gaps between FX pulses: a blocked FX thread shows as a long gap. */
    private static final class PulseGaps extends AnimationTimer {
        private long last;
        private long pulses;
        private long longest;
        private final List<Long> gaps = new ArrayList<>();

        @Override
        public void handle(long now) {
            if (last != 0) {
                long gap = now - last;
                longest = Math.max(longest, gap);
                gaps.add(gap);
            }
            last = now;
            pulses++;
        }

        @Override
        public String toString() {
            List<Long> sorted = new ArrayList<>(gaps);
            Collections.sort(sorted);
            long p99 = sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * 0.99)));
            return String.format(Locale.ROOT, "%d pulses, gap p99 %.0f ms, longest %.0f ms", pulses, p99 / 1e6, longest / 1e6);
        }
    }

    /**
     * The workbench window for a tour on sample-data: the engine's libraries first (Engine.loadNativeLibraries), then
     * JavaFX, the window shown in the theme asked for, and the sample open. Returns once the sample is loaded.
     */
    static WorkbenchWindow openOnSample(AppPreferences preferences, Path runs, boolean dark) throws Exception {
        CompletableFuture<WorkbenchWindow> started = new CompletableFuture<>();
        new Dl4jEngine().loadNativeLibraries();
        Platform.startup(() -> {
            WorkbenchWindow window = new WorkbenchWindow(new Stage(), preferences, DatasetOpener.MOVIELENS, runs, new Dl4jEngine());
            window.show();
            window.mainViewModel().darkThemeProperty().set(dark);
            window.mainViewModel().open(AppDirs.sampleData());
            started.complete(window);
        });
        WorkbenchWindow window = started.get(60, TimeUnit.SECONDS);
        waitUntil(() -> window.workbench().dataset() != null, 60);
        return window;
    }

    static void shoot(WorkbenchWindow window, Path file) throws Exception {
        Thread.sleep(700);
        CompletableFuture<WritableImage> image = new CompletableFuture<>();
        Platform.runLater(() -> image.complete(window.scene().snapshot(null)));
        WritableImage shot = image.get(30, TimeUnit.SECONDS);
        AtomicFiles.write(file, stream -> ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", stream));
        System.out.println("wrote " + file);
    }

    static void onFx(Runnable action) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(60, TimeUnit.SECONDS);
    }

    static void waitUntil(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> check = new CompletableFuture<>();
            Platform.runLater(() -> check.complete(condition.getAsBoolean()));
            if (check.get(30, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out after " + seconds + " s");
    }
}
