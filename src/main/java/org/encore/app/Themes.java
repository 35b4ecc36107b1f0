package org.encore.app;

import javafx.scene.Scene;

import java.net.URL;

/** Light and dark themes: a shared base sheet plus one colour sheet, all from assets/themes. */
public final class Themes {
    private Themes() {
    }

    public static void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(sheet("base.css"), sheet(dark ? "dark.css" : "light.css"));
    }

    private static String sheet(String name) {
        URL url = Themes.class.getResource("/assets/themes/" + name);
        if (url == null) {
            throw new IllegalStateException("theme sheet missing from the class path: /assets/themes/" + name);
        }
        return url.toExternalForm();
    }
}
