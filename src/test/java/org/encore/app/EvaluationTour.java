package org.encore.app;

import javafx.application.Platform;
import org.encore.app.evaluation.EvaluationCandidate;
import org.encore.app.evaluation.EvaluationViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

import static org.encore.app.ScreenshotTour.onFx;
import static org.encore.app.ScreenshotTour.openOnSample;
import static org.encore.app.ScreenshotTour.shoot;
import static org.encore.app.ScreenshotTour.waitUntil;

/**
 * Not a test: opens the workbench on sample-data at a given size, evaluates two presets and both baselines under
 * two seeds in the Evaluation view, and writes evaluation.png and evaluation-dark.png (see
 * assets/screenshots/README.md; arguments: folder, epochs, width, height).
 */
public final class EvaluationTour {
    private EvaluationTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1280;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 800;
        Files.createDirectories(out);
        Path runs = Files.createTempDirectory("encore-tour-runs");
        AppPreferences preferences = new AppPreferences(Preferences.userRoot().node("org/encore/evaluation-tour"));
        preferences.clear();
        preferences.setWindowSize(width, height);
        WorkbenchWindow window = openOnSample(preferences, runs, false);
        EvaluationViewModel evaluation = window.evaluationViewModel();
        onFx(() -> {
            window.workbench().viewProperty().set(Workbench.EVALUATION_VIEW);
            for (EvaluationCandidate c : evaluation.candidates()) {
                c.setSelected(List.of("model3", "model4", "popular", "ease").contains(c.name()));
            }
            evaluation.seedsProperty().set(2);
            evaluation.epochsProperty().set(epochs);
            if (args.length > 4) {
                // fewer training users, for a quick look: a larger share of users held out
                evaluation.validationFractionProperty().set(Double.parseDouble(args[4]));
                evaluation.testFractionProperty().set(Double.parseDouble(args[4]));
            }
            evaluation.run();
        });
        long start = System.nanoTime();
        shoot(window, out.resolve("evaluation-running.png"));
        waitUntil(() -> !evaluation.runningProperty().get(), 900);
        System.out.printf(Locale.ROOT, "evaluated in %.1f s: %s%n", (System.nanoTime() - start) / 1e9,
                evaluation.progressTextProperty().get());
        shoot(window, out.resolve("evaluation.png"));
        onFx(() -> window.mainViewModel().darkThemeProperty().set(true));
        shoot(window, out.resolve("evaluation-dark.png"));
        onFx(() -> {
            window.mainViewModel().darkThemeProperty().set(false);
            window.close();
        });
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }
}
