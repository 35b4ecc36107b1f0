package org.encore.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * {@code --smoke}: loads a dataset, shows each of the six views and renders it once, then reports success (0)
 * or failure (1) with the reason on standard error. Used to check that an installed app image really starts.
 */
final class SmokeCheck {
    private static final Duration TIMEOUT = Duration.minutes(3);
    private final WorkbenchWindow window;
    private final IntConsumer finish;
    private boolean done;

    SmokeCheck(WorkbenchWindow window, IntConsumer finish) {
        this.window = window;
        this.finish = finish;
    }

    void start(Path data) {
        MainViewModel main = window.mainViewModel();
        main.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                fail("cannot open " + data + ": " + message);
            }
        });
        main.loadingProperty().addListener((obs, was, loading) -> {
            if (was && !loading && window.workbench().dataset() != null) {
                Platform.runLater(() -> renderView(0));
            }
        });
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(e -> fail("timed out after " + TIMEOUT.toSeconds() + " s"));
        timeout.play();
        main.open(data);
    }

    private void renderView(int view) {
        if (done) {
            return;
        }
        if (view > Workbench.LATENT_VIEW) {
            System.out.println("smoke: ok — " + main().datasetSummaryProperty().get() + "; rendered " + (Workbench.LATENT_VIEW + 1) + " views");
            done = true;
            finish.accept(0);
            return;
        }
        try {
            window.workbench().viewProperty().set(view);
            Parent root = window.scene().getRoot();
            root.applyCss();
            root.layout();
            WritableImage image = root.snapshot(null, null);
            if (image.getWidth() < 1 || image.getHeight() < 1) {
                fail("view " + view + " rendered empty");
                return;
            }
            System.out.println("smoke: view " + (view + 1) + " rendered " + (int) image.getWidth() + "x" + (int) image.getHeight());
            Platform.runLater(() -> renderView(view + 1));
        } catch (RuntimeException e) {
            fail("view " + view + " failed to render: " + e);
        }
    }

    private MainViewModel main() {
        return window.mainViewModel();
    }

    private void fail(String reason) {
        if (done) {
            return;
        }
        done = true;
        System.err.println("smoke: FAILED — " + reason);
        finish.accept(1);
    }
}
