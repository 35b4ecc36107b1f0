package org.encore.app;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/** Binding of view-model data to charts, shared by the views. */
public final class Charts {
    private Charts() {
    }

    /** Shows {@code bars} as the only series of {@code chart}, following every change of the list. */
    public static void bindBars(BarChart<String, Number> chart, ObservableList<Bar> bars, String seriesName) {
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        Runnable refresh = () -> {
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

    /** Shows several named bar lists side by side as the series of {@code chart}. */
    public static void setGroupedBars(BarChart<String, Number> chart, List<String> names, List<List<Bar>> groups) {
        chart.setAnimated(false);
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(names.get(i));
            for (Bar bar : groups.get(i)) {
                series.getData().add(new XYChart.Data<>(bar.label(), bar.value()));
            }
            all.add(series);
        }
        chart.getData().setAll(all);
    }
}
