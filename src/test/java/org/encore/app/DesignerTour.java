package org.encore.app;

import javafx.application.Platform;
import org.encore.model.Presets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;

import static org.encore.app.ScreenshotTour.onFx;
import static org.encore.app.ScreenshotTour.openOnSample;
import static org.encore.app.ScreenshotTour.shoot;
import static org.encore.app.ScreenshotTour.waitUntil;

/**
 * Not a test: opens the workbench on sample-data, shows the designer with one preset selected (and one of its
 * layers) and writes a screenshot of it; nothing is trained. Run it under Xvfb as assets/screenshots/README.md says
 * for {@link ScreenshotTour}. Arguments: the PNG, the preset, the window's width and height, the layer to select
 * (-1: none), light or dark.
 */
public final class DesignerTour {
    private DesignerTour() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "assets/screenshots/designer.png");
        String preset = args.length > 1 ? args[1] : "model4";
        int width = args.length > 2 ? Integer.parseInt(args[2]) : 1440;
        int height = args.length > 3 ? Integer.parseInt(args[3]) : 900;
        int layer = args.length > 4 ? Integer.parseInt(args[4]) : -1;
        boolean dark = args.length > 5 && args[5].equals("dark");
        int index = Presets.NAMES.indexOf(preset);
        if (index < 0) {
            throw new IllegalArgumentException("no preset " + preset + ", expected one of " + Presets.NAMES);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path runs = Files.createTempDirectory("encore-designer-tour-runs");
        AppPreferences preferences = new AppPreferences(Preferences.userRoot().node("org/encore/workbench-designer-tour"));
        preferences.clear();
        preferences.setWindowSize(width, height);
        WorkbenchWindow window = openOnSample(preferences, runs, dark);
        // the estimate's memory check needs the backend, which loads in the background
        waitUntil(() -> window.workbench().backendReadyProperty().get(), 180);
        onFx(() -> {
            window.workbench().viewProperty().set(Workbench.DESIGNER_VIEW);
            window.designerViewModel().selectedProperty().set(index);
            window.designerViewModel().selectedLayerProperty().set(layer);
        });
        shoot(window, file);
        onFx(window::close);
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }
}
