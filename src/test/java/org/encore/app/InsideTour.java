package org.encore.app;

import javafx.application.Platform;
import javafx.scene.control.TabPane;
import org.encore.inspect.Colouring;
import org.encore.model.Presets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;

import static org.encore.app.ScreenshotTour.onFx;
import static org.encore.app.ScreenshotTour.openOnSample;
import static org.encore.app.ScreenshotTour.shoot;
import static org.encore.app.ScreenshotTour.waitUntil;

/**
 * Not a test: trains model4 on all of sample-data's users and writes latent-map-live.png (the map of the run
 * training now, a third of the way through), latent-map.png (both coloured by genre, at unit length), reconstruction.png (user 8) and
 * layers.png to the folder given, at the window size given (default 1280x800),
 * light or dark. Run it under Xvfb as assets/screenshots/README.md says for {@link ScreenshotTour}.
 */
public final class InsideTour {
    private InsideTour() {
    }

    /** The epoch of the live map shown, 0 when none. */
    private static int liveEpochShown(WorkbenchWindow window) {
        String label = window.latentMapViewModel().epochLabelProperty().get();
        return label.startsWith("epoch ") ? Integer.parseInt(label.split(" ")[1]) : 0;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1280;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 800;
        boolean dark = args.length > 4 && args[4].equals("dark");
        Files.createDirectories(out);
        Path runs = Files.createTempDirectory("encore-inside-runs");
        AppPreferences preferences = new AppPreferences(Preferences.userRoot().node("org/encore/workbench-inside-tour"));
        preferences.clear();
        preferences.setWindowSize(width, height);
        WorkbenchWindow window = openOnSample(preferences, runs, dark);
        long t0 = System.nanoTime();
        onFx(() -> {
            window.latentMapViewModel().colouringProperty().set(Colouring.GENRE);
            window.latentMapViewModel().unitLengthProperty().set(true);
            window.workbench().viewProperty().set(Workbench.LATENT_VIEW);
            window.trainingViewModel().enqueue(Presets.model4().withTraining(t -> t.epochs(epochs).usersFraction(1.0)));
            window.trainingViewModel().trainQueue();
        });
        // the live map part-way through (paused for the picture): the run training now, its epoch shown
        int liveEpoch = Math.max(1, epochs / 3);
        waitUntil(() -> liveEpochShown(window) >= liveEpoch, 900);
        onFx(() -> window.trainingViewModel().pause());
        shoot(window, out.resolve("latent-map-live.png"));
        onFx(() -> {
            window.trainingViewModel().resume();
            window.workbench().viewProperty().set(Workbench.TRAINING_VIEW);
        });
        waitUntil(() -> !window.trainingViewModel().runningProperty().get()
                && window.workbench().runs().stream().allMatch(r -> r.model() != null), 900);
        System.out.printf(Locale.ROOT, "trained model4 x %d epochs in %.1f s%n", epochs, (System.nanoTime() - t0) / 1e9);

        onFx(() -> {
            ((TabPane) window.scene().lookup("#trainingTabs")).getSelectionModel().select(1);
        });
        shoot(window, out.resolve("layers.png"));
        onFx(() -> {
            window.latentMapViewModel().colouringProperty().set(Colouring.GENRE);
            window.workbench().viewProperty().set(Workbench.LATENT_VIEW);
        });
        waitUntil(() -> window.latentMapViewModel().mapProperty().get() != null, 120);
        shoot(window, out.resolve("latent-map.png"));
        onFx(() -> {
            window.workbench().showUser(window.workbench().dataset().ratings().users().idAt(7));
            ((TabPane) window.scene().lookup("#userTabs")).getSelectionModel().select(1);
        });
        waitUntil(() -> !window.reconstructionViewModel().rated().isEmpty(), 60);
        shoot(window, out.resolve("reconstruction.png"));
        if (args.length > 5 && args[5].equals("more")) {
            // for looking at, not for the README: the Dataset view's movie neighbours
            onFx(() -> {
                window.workbench().viewProperty().set(Workbench.DATASET_VIEW);
                ((javafx.scene.control.TableView<?>) window.scene().lookup("#moviesTable")).getSelectionModel().select(0);
            });
            shoot(window, out.resolve("dataset-neighbours.png"));
        }
        onFx(window::close);
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }
}
