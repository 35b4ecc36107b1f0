package org.encore.evaluation;

import org.encore.training.EpochMetrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training curves of the evaluated runs as one inline SVG line chart: validation MSE per epoch, one line per
 * run, with a legend; the x axis runs from epoch 1 to the longest history shown. Twelve colours tell up to twelve
 * runs apart, later runs repeat them with a dash pattern. Text goes through {@link HtmlReport#escape}.
 */
public final class TrainingChartSvg {
    /** Twelve colours readable on light and dark backgrounds and told apart (Tableau 10 and two more). */
    public static final List<String> COLOURS = List.of("#e4572e", "#2e86ab", "#3bb273", "#a259c4", "#f3a712",
            "#17becf", "#d62728", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#1f4e99");
    private static final int WIDTH = 760;
    private static final int PLOT_HEIGHT = 240;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int LEGEND_LINE = 18;

    private TrainingChartSvg() {
    }

    /** The chart of {@code histories} (run name to its epochs, in order); empty when no run has an epoch. */
    public static String of(Map<String, List<EpochMetrics>> histories) {
        int epochs = 1;
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (List<EpochMetrics> history : histories.values()) {
            for (EpochMetrics m : history) {
                epochs = Math.max(epochs, m.epoch());
                double v = m.validation().mse();
                if (Double.isFinite(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        if (!Double.isFinite(low)) {
            return "";
        }
        if (high - low < 1e-12) {
            high = low + Math.max(1e-6, Math.abs(low) * 0.05);
        }
        int height = TOP + PLOT_HEIGHT + 40 + LEGEND_LINE * ((histories.size() + 2) / 3);
        double plotWidth = WIDTH - LEFT - RIGHT;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"validation MSE per epoch\" font-size=\"11\">%n",
                WIDTH, height, WIDTH, height));
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.0f\" height=\"%d\" fill=\"none\" stroke=\"#c9ced6\"/>%n",
                LEFT, TOP, plotWidth, PLOT_HEIGHT));
        for (int t = 0; t <= 4; t++) {
            double value = low + (high - low) * t / 4;
            double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * t / 4.0;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.4f</text>%n", LEFT - 4, y + 4, value));
        }
        int tick = Math.max(1, (int) Math.ceil(epochs / 10.0));
        for (int e = 1; e <= epochs; e += tick) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x(e, epochs, plotWidth), TOP + PLOT_HEIGHT + 14, e));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">epoch</text>%n",
                LEFT + plotWidth / 2, TOP + PLOT_HEIGHT + 28));
        s.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" text-anchor=\"middle\">"
                + "validation MSE</text>%n", TOP + PLOT_HEIGHT / 2, TOP + PLOT_HEIGHT / 2));
        int index = 0;
        for (Map.Entry<String, List<EpochMetrics>> run : histories.entrySet()) {
            String style = String.format(Locale.ROOT, "stroke=\"%s\"%s", COLOURS.get(index % COLOURS.size()),
                    index >= COLOURS.size() ? " stroke-dasharray=\"6 3\"" : "");
            StringBuilder points = new StringBuilder();
            for (EpochMetrics m : run.getValue()) {
                double v = m.validation().mse();
                if (Double.isFinite(v)) {
                    double y = TOP + PLOT_HEIGHT - PLOT_HEIGHT * (v - low) / (high - low);
                    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(m.epoch(), epochs, plotWidth), y));
                }
            }
            s.append("<polyline fill=\"none\" stroke-width=\"2\" ").append(style).append(" points=\"")
                    .append(points.toString().trim()).append("\"><title>").append(HtmlReport.escape(run.getKey()))
                    .append("</title></polyline>\n");
            int legendX = LEFT + (index % 3) * 240;
            int legendY = TOP + PLOT_HEIGHT + 46 + LEGEND_LINE * (index / 3);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke-width=\"3\" %s/>",
                    legendX, legendY - 4, legendX + 20, legendY - 4, style));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">", legendX + 26, legendY))
                    .append(HtmlReport.escape(run.getKey())).append("</text>\n");
            index++;
        }
        return s.append("</svg>\n").toString();
    }

    private static double x(int epoch, int epochs, double plotWidth) {
        return LEFT + (epochs <= 1 ? plotWidth / 2 : plotWidth * (epoch - 1) / (epochs - 1));
    }
}
