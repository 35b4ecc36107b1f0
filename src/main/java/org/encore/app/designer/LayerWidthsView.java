package org.encore.app.designer;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * A small drawing of an autoencoder's layer widths, input to output: one bar per dense layer, its height on a
 * log scale so that a 64-unit coding layer and a 9,742-wide output both show.
 */
public final class LayerWidthsView extends Region {
    private final Canvas canvas = new Canvas();
    private List<Integer> widths = List.of();

    public LayerWidthsView() {
        getChildren().add(canvas);
        getStyleClass().add("layer-widths");
        setMinHeight(110);
        setPrefHeight(140);
    }

    /** Follows {@code source}. */
    public void bind(ObservableList<Integer> source) {
        widths = List.copyOf(source);
        source.addListener((ListChangeListener<Integer>) change -> {
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
        int max = widths.stream().mapToInt(Integer::intValue).max().orElse(1);
        double labelSpace = 16;
        double usable = h - labelSpace - 4;
        double slot = w / widths.size();
        double barWidth = Math.min(42, slot * 0.6);
        boolean dark = getScene() != null && getScene().getStylesheets().stream().anyMatch(s -> s.endsWith("dark.css"));
        Color text = dark ? Color.web("#d8dee9") : Color.web("#2e3440");
        g.setFont(Font.font(10));
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i < widths.size(); i++) {
            int units = Math.max(1, widths.get(i));
            double fraction = Math.log1p(units) / Math.log1p(max);
            double barHeight = Math.max(3, usable * fraction);
            double x = slot * i + (slot - barWidth) / 2;
            double y = 2 + (usable - barHeight) / 2;
            boolean edge = i == 0 || i == widths.size() - 1;
            g.setFill(edge ? Color.web("#88c0d0") : Color.web("#5e81ac"));
            g.fillRoundRect(x, y, barWidth, barHeight, 6, 6);
            g.setFill(text);
            g.fillText(String.format("%,d", units), slot * i + slot / 2, h - 4);
        }
    }
}
