package org.encore.app;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The grouped bar charts (the per-user panel's), on the FX thread of a headless toolkit, with no stage shown. */
class ChartsTest {
    private static final List<String> SIDES = List.of("rated", "recommended");

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(30, TimeUnit.SECONDS);
    }

    private static List<Bar> bars(List<String> labels, double... values) {
        return java.util.stream.IntStream.range(0, labels.size()).mapToObj(i -> new Bar(labels.get(i), values[i])).toList();
    }

    private static List<Number> heights(XYChart.Series<String, Number> series) {
        return series.getData().stream().map(XYChart.Data::getYValue).toList();
    }

    @Test
    void groupedBarsOverTheSameCategoriesKeepTheirSeriesAndBarsAndShowTheNewHeights() throws Exception {
        List<String> genres = List.of("Drama", "Comedy", "Action");
        BarChart<String, Number> chart = onFx(() -> new BarChart<>(new CategoryAxis(), new NumberAxis()));
        onFx(() -> {
            Charts.setGroupedBars(chart, SIDES, List.of(bars(genres, 50, 30, 20), bars(genres, 10, 0, 90)));
            return null;
        });
        List<XYChart.Series<String, Number>> before = List.copyOf(chart.getData());
        XYChart.Data<String, Number> firstBar = before.get(0).getData().get(0);

        onFx(() -> {
            Charts.setGroupedBars(chart, SIDES, List.of(bars(genres, 0, 25, 75), bars(genres, 60, 40, 0)));
            return null;
        });
        assertEquals(before, List.copyOf(chart.getData()));
        assertSame(before.get(0), chart.getData().get(0), "the same series object");
        assertSame(before.get(1), chart.getData().get(1));
        assertSame(firstBar, chart.getData().get(0).getData().get(0), "the same bar, its height changed");
        assertEquals(List.of(0.0, 25.0, 75.0), heights(chart.getData().get(0)));
        assertEquals(List.of(60.0, 40.0, 0.0), heights(chart.getData().get(1)));
    }

    @Test
    void groupedBarsOverOtherCategoriesAreRebuiltInTheNewOrder() throws Exception {
        BarChart<String, Number> chart = onFx(() -> new BarChart<>(new CategoryAxis(), new NumberAxis()));
        List<String> first = List.of("Drama", "Comedy");
        List<String> second = List.of("Horror", "Drama", "Western");
        onFx(() -> {
            Charts.setGroupedBars(chart, SIDES, List.of(bars(first, 60, 40), bars(first, 50, 50)));
            return null;
        });
        XYChart.Series<String, Number> before = chart.getData().get(0);
        onFx(() -> {
            Charts.setGroupedBars(chart, SIDES, List.of(bars(second, 10, 20, 70), bars(second, 0, 0, 100)));
            return null;
        });
        assertNotSame(before, chart.getData().get(0));
        assertEquals(second, ((CategoryAxis) chart.getXAxis()).getCategories(), "the new dataset's order, not appended");
        assertEquals(List.of(10.0, 20.0, 70.0), heights(chart.getData().get(0)));
        assertEquals(SIDES, chart.getData().stream().map(XYChart.Series::getName).toList());
    }
}
