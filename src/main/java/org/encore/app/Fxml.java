package org.encore.app;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;

/**
 * The one place that loads FXML. Views sit beside their controller's package under resources; controllers are
 * built beforehand (with their view models) and handed to the loader, so that nested {@code fx:include}s get
 * theirs too.
 */
public final class Fxml {
    private Fxml() {
    }

    /** A loaded view and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    /**
     * Loads {@code fxmlName} (resolved beside {@code controllerType}) with controllers taken from
     * {@code controllers} by type.
     */
    public static <C> Loaded<C> load(Class<C> controllerType, String fxmlName, Map<Class<?>, Object> controllers) {
        URL url = controllerType.getResource(fxmlName);
        if (url == null) {
            throw new IllegalStateException("view " + fxmlName + " not found beside " + controllerType.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            Object controller = controllers.get(type);
            if (controller == null) {
                throw new IllegalStateException("no controller instance for " + type.getName());
            }
            return controller;
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, controllerType.cast(loader.getController()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load view " + url, e);
        }
    }
}
