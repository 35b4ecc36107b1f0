package org.encore.evaluation;

import org.encore.training.EpochMetrics;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainMetricsKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingChartSvgTest {
    private static List<EpochMetrics> history(double... validationMse) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < validationMse.length; i++) {
            SplitMetrics v = new SplitMetrics(validationMse[i], 0, 0, 0, 0, 0);
            epochs.add(new EpochMetrics(i + 1, v, v, validationMse[i], 1, 1, TrainMetricsKind.RUNNING));
        }
        return epochs;
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void eachRunIsALineWithItsNameInTheLegendAndTheAxisRunsToTheLongestHistory() {
        Map<String, List<EpochMetrics>> runs = new LinkedHashMap<>();
        runs.put("model4 (seed 1)", history(0.09, 0.07, 0.06));
        runs.put("a<b & \"c\"", history(0.08, 0.075, 0.07, 0.068, 0.066));
        String svg = TrainingChartSvg.of(runs);
        assertEquals(2, count(svg, "<polyline"));
        assertTrue(svg.contains("<title>model4 (seed 1)</title>"));
        assertTrue(svg.contains("a&lt;b &amp; &quot;c&quot;"), "names are escaped");
        assertFalse(svg.contains("a<b"));
        assertTrue(svg.contains(">5</text>") && !svg.contains(">6</text>"), "epochs 1 to 5 on the x axis");
        assertTrue(svg.contains(TrainingChartSvg.COLOURS.get(0)) && svg.contains(TrainingChartSvg.COLOURS.get(1)));
        assertFalse(svg.contains("stroke-dasharray"), "two runs need no dashes");
    }

    @Test
    void theThirteenthRunRepeatsAColourWithADashAndNoHistoryDrawsNothing() {
        Map<String, List<EpochMetrics>> runs = new LinkedHashMap<>();
        for (int i = 0; i < 13; i++) {
            runs.put("run " + i, history(0.1 - i * 0.001, 0.09 - i * 0.001));
        }
        String svg = TrainingChartSvg.of(runs);
        assertEquals(13, count(svg, "<polyline"));
        assertEquals(2, count(svg, "stroke-dasharray"), "the thirteenth run's line and legend swatch are dashed");
        assertEquals("", TrainingChartSvg.of(Map.of()));
        assertEquals("", TrainingChartSvg.of(Map.of("empty", List.of())));
    }
}
