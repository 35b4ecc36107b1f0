package org.encore.app;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import org.encore.evaluation.TrainingChartSvg;

import java.util.ArrayList;
import java.util.List;

/** Binding of view-model data to charts, shared by the views. */
public final class Charts {
    private Charts() {
    }

    /**
     * Shows {@code bars} as the only series of {@code chart}, following every change of the list. Bars with the
     * labels already shown (a selected movie's ten half stars) change their heights in place: rebuilding the
     * series and its nodes costs the FX thread tens of milliseconds.
     */
    public static void bindBars(BarChart<String, Number> chart, ObservableList<Bar> bars, String seriesName) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        Runnable refresh = () -> {
            if (chart.getData().size() == 1 && sameLabels(chart.getData().get(0).getData(), bars)) {
                List<XYChart.Data<String, Number>> shown = chart.getData().get(0).getData();
                for (int i = 0; i < bars.size(); i++) {
                    shown.get(i).setYValue(bars.get(i).value());
                }
                return;
            }
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(seriesName);
            List<XYChart.Data<String, Number>> points = new ArrayList<>(bars.size());
            for (Bar bar : bars) {
                points.add(new XYChart.Data<>(bar.label(), bar.value()));
            }
            series.getData().setAll(points);
            // the category axis keeps the order of categories it has seen: a new dataset's genres would be
            // appended after the old ones instead of sorted by their own counts
            if (chart.getXAxis() instanceof CategoryAxis axis) {
                axis.setAutoRanging(false);
                axis.getCategories().setAll(bars.stream().map(Bar::label).distinct().toList());
            }
            chart.getData().setAll(List.of(series));
        };
        bars.addListener((ListChangeListener<Bar>) change -> refresh.run());
        refresh.run();
    }

    private static boolean sameLabels(List<XYChart.Data<String, Number>> shown, List<Bar> bars) {
        if (shown.size() != bars.size() || bars.isEmpty()) {
            return false;
        }
        for (int i = 0; i < bars.size(); i++) {
            if (!shown.get(i).getXValue().equals(bars.get(i).label())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Shows several named bar lists side by side as the series of {@code chart}, in the categories' order of the
     * first list. When the chart already shows series of these names over the same categories (the per-user
     * panel's charts from one user to the next), the bars change their heights in place: new series cost the FX
     * thread their nodes' CSS and layout, tens of milliseconds per chart.
     */
    public static void setGroupedBars(BarChart<String, Number> chart, List<String> names, List<List<Bar>> groups) {
        chart.setAnimated(false);
        if (sameGroups(chart.getData(), names, groups)) {
            for (int i = 0; i < groups.size(); i++) {
                List<XYChart.Data<String, Number>> shown = chart.getData().get(i).getData();
                List<Bar> bars = groups.get(i);
                for (int j = 0; j < bars.size(); j++) {
                    shown.get(j).setYValue(bars.get(j).value());
                }
            }
            return;
        }
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(names.get(i));
            List<XYChart.Data<String, Number>> points = new ArrayList<>(groups.get(i).size());
            for (Bar bar : groups.get(i)) {
                points.add(new XYChart.Data<>(bar.label(), bar.value()));
            }
            series.getData().setAll(points);
            all.add(series);
        }
        // as in bindBars: the axis would keep the previous categories' order and append the new ones after them
        if (chart.getXAxis() instanceof CategoryAxis axis) {
            axis.setAutoRanging(false);
            axis.getCategories().setAll(groups.stream().flatMap(List::stream).map(Bar::label).distinct().toList());
        }
        chart.getData().setAll(all);
    }

    /** Whether {@code shown} are series named {@code names} with the labels of {@code groups}, in order. */
    private static boolean sameGroups(List<XYChart.Series<String, Number>> shown, List<String> names, List<List<Bar>> groups) {
        if (shown.size() != names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals(shown.get(i).getName()) || !sameLabels(shown.get(i).getData(), groups.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The runs' twelve colours, the same as the HTML report's training chart ({@link TrainingChartSvg#COLOURS}). */
    public static final List<String> RUN_COLOURS = TrainingChartSvg.COLOURS;

    /** The colour of the run at {@code index} (0-based); after twelve the colours repeat with {@link #runDash}. */
    public static String runColour(int index) {
        return RUN_COLOURS.get(Math.floorMod(index, RUN_COLOURS.size()));
    }

    /**
     * The dash pattern (a CSS {@code -fx-stroke-dash-array}, empty for solid) of the run at {@code index}: the
     * first twelve runs draw training solid and validation dashed; later runs, whose colours repeat, draw
     * training dotted and validation dash-dotted, so no two of the first 24 runs look alike.
     */
    public static String runDash(int index, boolean validation) {
        boolean second = Math.floorMod(index, 2 * RUN_COLOURS.size()) >= RUN_COLOURS.size();
        if (!second) {
            return validation ? "7 5" : "";
        }
        return validation ? "10 4 2 4" : "2 3";
    }

    /** The CSS style of a run's line: its colour and dash pattern. */
    public static String runLineStyle(int index, boolean validation) {
        String dash = runDash(index, validation);
        return "-fx-stroke: " + runColour(index) + ";" + (dash.isEmpty() ? "" : " -fx-stroke-dash-array: " + dash + ";");
    }
}
