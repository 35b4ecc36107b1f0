package org.encore.app.designer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.encore.app.Bar;

import java.util.List;

/**
 * A small drawing of an autoencoder's layer widths, input to output: one bar per dense layer, its height
 * proportional to the square root of the width, so that a 64-unit coding layer and a 9,742-wide output both
 * show and the bottleneck still reads as one.
 */
public final class LayerWidthsView extends Region {
    private final Canvas canvas = new Canvas();
    private List<Bar> widths = List.of();
    private List<Bar> dropouts = List.of();
    private Color labelColor;

    public LayerWidthsView() {
        getChildren().add(canvas);
        getStyleClass().add("layer-widths");
        setMinHeight(110);
        setPrefHeight(140);
        // the label colours follow the theme: switching it changes the scene's stylesheets, not this region's size
        ListChangeListener<String> themeChanged = change -> draw();
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.getStylesheets().removeListener(themeChanged);
            }
            if (scene != null) {
                scene.getStylesheets().addListener(themeChanged);
            }
            draw();
        });
    }

    /** The colour the labels were last drawn in (null before the first drawing). */
    public Color labelColor() {
        return labelColor;
    }

    /** Follows the dense widths and the dropouts between them (value = index of the bar a dropout follows). */
    public void bind(ObservableList<Bar> source, ObservableList<Bar> dropoutSource) {
        dropouts = List.copyOf(dropoutSource);
        dropoutSource.addListener((ListChangeListener<Bar>) change -> {
            dropouts = List.copyOf(dropoutSource);
            draw();
        });
        widths = List.copyOf(source);
        source.addListener((ListChangeListener<Bar>) change -> {
            widths = List.copyOf(source);
            draw();
        });
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        if (widths.isEmpty() || w <= 0 || h <= 0) {
            return;
        }
        double max = widths.stream().mapToDouble(Bar::value).max().orElse(1);
        double labelSpace = 30;
        double usable = h - labelSpace - 6;
        double slot = w / widths.size();
        double barWidth = Math.min(46, slot * 0.55);
        boolean dark = getScene() != null && getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"));
        Color text = dark ? Color.web("#d8dee9") : Color.web("#2e3440");
        Color muted = dark ? Color.web("#9aa5b4") : Color.web("#5b6573");
        labelColor = text;
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < widths.size(); i++) {
            double units = Math.max(1, widths.get(i).value());
            double barHeight = Math.max(3, usable * Math.sqrt(units / max));
            double x = slot * i + (slot - barWidth) / 2;
            double y = 4 + (usable - barHeight) / 2;
            boolean edge = i == 0 || i == widths.size() - 1;
            g.setFill(edge ? Color.web("#88c0d0") : Color.web("#5e81ac"));
            g.fillRoundRect(x, y, barWidth, barHeight, 6, 6);
            g.setFill(text);
            g.setFont(Font.font(11));
            g.fillText(String.format("%,d", (long) units), slot * i + slot / 2, h - 18);
            g.setFill(muted);
            g.setFont(Font.font(10));
            g.fillText(widths.get(i).label(), slot * i + slot / 2, h - 5);
        }
        // dropouts: a dashed line between the bar they follow and the next, with the rate
        g.setStroke(muted);
        g.setLineWidth(1.5);
        g.setLineDashes(4, 4);
        for (Bar dropout : dropouts) {
            double x = slot * (dropout.value() + 1);
            g.strokeLine(x, 18, x, usable);
            g.setFill(muted);
            g.setFont(Font.font(10));
            g.fillText(dropout.label().replace("dropout ", "drop "), x, 12);
        }
        g.setLineDashes();
    }
}
