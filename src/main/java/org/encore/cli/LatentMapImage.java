package org.encore.cli;

import org.encore.data.AtomicFiles;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPalette;
import org.encore.inspect.MapPoint;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LatentMap} as a PNG with AWT (headless; the workbench draws its own with JavaFX): a scatter of
 * the points on the first two principal axes, axis labels with the explained variance, a title and a legend with
 * the count of each label. Genres get a categorical palette, ordered labels (decades, bins) a sequential one.
 */
final class LatentMapImage {
    static final int WIDTH = 1200;
    static final int HEIGHT = 800;
    private static final int LEFT = 80;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;
    private static final int LEGEND = 280;
    /** Tableau 20, reordered so that the first ten are the saturated ones. */
    private LatentMapImage() {
    }

    /** Writes the map to {@code target} atomically. */
    static void write(LatentMap map, String title, String noun, Path target) throws IOException {
        BufferedImage image = draw(map, title, noun);
        AtomicFiles.write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }

    static BufferedImage draw(LatentMap map, String title, String noun) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int plotWidth = WIDTH - LEFT - LEGEND;
            int plotHeight = HEIGHT - TOP - BOTTOM;
            double[] range = range(map.points());
            drawAxes(g, map, range, plotWidth, plotHeight);
            Color[] colours = colours(map);
            int[] labels = map.legendIndices();
            double radius = map.points().size() > 5000 ? 1.6 : map.points().size() > 1000 ? 2.4 : 3.2;
            for (int i = 0; i < labels.length; i++) {
                MapPoint p = map.points().get(i);
                double x = LEFT + (p.x() - range[0]) / (range[1] - range[0]) * plotWidth;
                double y = TOP + plotHeight - (p.y() - range[2]) / (range[3] - range[2]) * plotHeight;
                g.setColor(colours[labels[i]]);
                g.fill(new Ellipse2D.Double(x - radius, y - radius, 2 * radius, 2 * radius));
            }
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, TOP - 25);
            drawLegend(g, map, colours, labels, noun);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** x min, x max, y min, y max with 4% margins (a unit range around a constant coordinate). */
    private static double[] range(List<MapPoint> points) {
        double[] r = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (MapPoint p : points) {
            r[0] = Math.min(r[0], p.x());
            r[1] = Math.max(r[1], p.x());
            r[2] = Math.min(r[2], p.y());
            r[3] = Math.max(r[3], p.y());
        }
        for (int axis = 0; axis < 4; axis += 2) {
            double span = r[axis + 1] - r[axis];
            double margin = span > 0 ? 0.04 * span : 0.5;
            r[axis] -= margin;
            r[axis + 1] += margin;
        }
        return r;
    }

    private static void drawAxes(Graphics2D g, LatentMap map, double[] range, int plotWidth, int plotHeight) {
        g.setColor(new Color(0xf4f4f4));
        g.fillRect(LEFT, TOP, plotWidth, plotHeight);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics metrics = g.getFontMetrics();
        for (int t = 0; t <= 4; t++) {
            double fx = t / 4.0;
            int x = LEFT + (int) Math.round(fx * plotWidth);
            int y = TOP + plotHeight - (int) Math.round(fx * plotHeight);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x, TOP, x, TOP + plotHeight);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            String xs = tick(range[0] + fx * (range[1] - range[0]));
            g.drawString(xs, x - metrics.stringWidth(xs) / 2, TOP + plotHeight + 16);
            String ys = tick(range[2] + fx * (range[3] - range[2]));
            g.drawString(ys, LEFT - 6 - metrics.stringWidth(ys), y + 4);
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        double[] ev = map.explainedVariance();
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        metrics = g.getFontMetrics();
        String xLabel = String.format(Locale.ROOT, "PC1 (%.1f%% of the variance)", 100 * ev[0]);
        g.drawString(xLabel, LEFT + (plotWidth - metrics.stringWidth(xLabel)) / 2, HEIGHT - 25);
        String yLabel = String.format(Locale.ROOT, "PC2 (%.1f%% of the variance)", 100 * ev[1]);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + (plotHeight + metrics.stringWidth(yLabel)) / 2), 22);
        g.setTransform(saved);
    }

    private static String tick(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.1f" : "%.2f", value);
    }

    private static Color[] colours(LatentMap map) {
        int[] rgb = MapPalette.legendColours(map);
        Color[] colours = new Color[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            Color c = new Color(rgb[i]);
            colours[i] = new Color(c.getRed(), c.getGreen(), c.getBlue(), 200);
        }
        return colours;
    }

    private static void drawLegend(Graphics2D g, LatentMap map, Color[] colours, int[] labels, String noun) {
        int[] counts = new int[map.legend().size()];
        for (int l : labels) {
            counts[l]++;
        }
        int x = WIDTH - LEGEND + 20;
        int y = TOP + 10;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int line = Math.min(18, (HEIGHT - TOP - BOTTOM) / Math.max(1, map.legend().size()));
        for (int i = 0; i < map.legend().size(); i++) {
            g.setColor(colours[i]);
            g.fillOval(x, y + i * line - 9, 10, 10);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s (%,d %s)", map.legend().get(i), counts[i], noun), x + 16, y + i * line);
        }
    }
}
