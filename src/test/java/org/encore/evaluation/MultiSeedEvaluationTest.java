package org.encore.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.model.Presets;
import org.encore.testutil.TinyData;
import org.encore.training.DenseSolver;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultiSeedEvaluationTest {
    private static final DenseSolver SOLVER = new Dl4jEngine().solver();
    private final Dataset dataset = TinyData.groups(400, 60, 21);

    /** Trains nothing: predicts each movie's mean rating among the plan's training users. */
    private static final Evaluator.ModelTrainer ITEM_MEAN = (spec, matrix, plan, cancel) ->
            TinyData.itemMean(spec.name(), matrix, plan.trainRows(), spec.valueScale());

    private static EvaluationRequest request(String modelName) {
        return new EvaluationRequest(List.of(Presets.model4().toBuilder().name(modelName).build()), List.of(), true, true,
                new double[] {10, 100}, false, 2, false);
    }

    private MultiSeedReport run(List<Long> seeds, String modelName) throws Exception {
        return new MultiSeedEvaluation(dataset, SplitSettings.defaults(0), seeds)
                .run(request(modelName), ITEM_MEAN, SOLVER, line -> { }, CancellationToken.none());
    }

    @Test
    void eachSeedIsTheSingleSeedEvaluationAndTheIntervalIsOverTheSeedMeans() throws Exception {
        MultiSeedReport report = run(List.of(1L, 2L, 3L), "item-mean");
        assertEquals(3, report.perSeed().size());
        List<String> names = report.candidates().stream().map(CandidateRuns::name).toList();
        assertEquals(List.of("item-mean", "popular"), names.subList(0, 2));
        assertTrue(names.get(2).startsWith("ease"), names.get(2));
        double[] seedMeans = new double[3];
        for (int s = 0; s < 3; s++) {
            EvaluationReport alone = new Evaluator(dataset, SplitSettings.defaults(s + 1))
                    .run(request("item-mean"), ITEM_MEAN, SOLVER, line -> { }, CancellationToken.none());
            seedMeans[s] = alone.test().get(0).metric("ndcg100").mean();
            assertEquals(seedMeans[s], report.perSeed().get(s).test().get(0).metric("ndcg100").mean(), 1e-12);
        }
        CandidateRuns first = report.candidates().get(0);
        ConfidenceInterval expected = ConfidenceInterval.of95(seedMeans);
        assertEquals(expected, first.interval(ReportColumn.NDCG_100));
        assertEquals("seeds", first.intervalOver(ReportColumn.NDCG_100));
        int users = report.perSeed().stream().mapToInt(r -> r.split().test().size()).sum();
        assertEquals(users, first.pooledUserValues("ndcg100").length);
    }

    @Test
    void everyPairIsComparedOverTheSeedUserPairsByBothTests() throws Exception {
        MultiSeedReport report = run(List.of(1L, 2L), "item-mean");
        int n = report.candidates().size();
        assertEquals(n * (n - 1) / 2, report.comparisons().size());
        assertEquals(n * (n - 1) / 2, report.wilcoxon().size());
        Comparison c = report.comparisons().get(0);
        double[] a = report.candidates().get(0).pooledUserValues("ndcg100");
        double[] b = report.candidates().get(1).pooledUserValues("ndcg100");
        assertEquals(Comparison.meanDifference(a, b), c.meanDifference(), 1e-12);
        assertEquals(Significance.PAIRED_T.pValue(a, b), c.pValue(), 1e-12);
        assertTrue(c.pValueHolm() >= c.pValue());
        assertEquals(Significance.WILCOXON, report.wilcoxon().get(0).test());
        assertEquals(report.candidates().size(), report.sentences().size() == 3 ? 3 : -1);
        assertTrue(report.sentences().get(0).contains("2 seeds × "), report.sentences().get(0));
    }

    @Test
    void theJsonHasMeansIntervalsSeedsAndComparisons() throws Exception {
        MultiSeedReport report = run(List.of(1L, 2L), "item-mean");
        ObjectNode json = report.toJson();
        assertEquals(2, json.get("seeds").size());
        for (JsonNode row : json.get("rows")) {
            for (ReportColumn column : ReportColumn.all()) {
                assertTrue(row.has(column.key()) && row.has(column.key() + "Ci95"), column.key() + " in " + row);
            }
            assertEquals(2, row.get("ndcg100Ci95").size());
            assertTrue(row.get("ndcg100Ci95").get(0).asDouble() <= row.get("ndcg100").asDouble());
            assertEquals(2, row.get("perSeed").size());
        }
        assertTrue(json.get("rows").get(1).get("rmse").isNull(), "popular predicts no ratings");
        assertTrue(json.get("rows").get(1).get("rmseCi95").isNull());
        assertEquals(3, json.get("comparisons").size());
        for (JsonNode c : json.get("comparisons")) {
            for (String key : List.of("a", "b", "metric", "meanDifference", "pValue", "pValueHolm", "test")) {
                assertTrue(c.has(key), key);
            }
        }
        assertTrue(json.get("protocolCard").get("text").has("checkpoint"));
    }

    @Test
    void oneSeedKeepsTheSingleSeedJsonAndAddsTheNewKeys() throws Exception {
        MultiSeedReport report = run(List.of(7L), "item-mean");
        ObjectNode before = report.perSeed().get(0).toJson();
        ObjectNode after = report.toJson();
        for (Iterator<String> keys = before.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.equals("rows")) {
                assertEquals(before.get(key), after.get(key), key);
            }
        }
        for (int i = 0; i < before.get("rows").size(); i++) {
            JsonNode old = before.get("rows").get(i);
            JsonNode now = after.get("rows").get(i);
            for (Iterator<String> keys = old.fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                assertEquals(old.get(key), now.get(key), key);
            }
        }
        assertEquals(7, after.get("seed").asInt());
        assertEquals("test users", after.get("rows").get(0).get("ciOver").asText());
        assertEquals(2, after.get("rows").get(0).get("ndcg100Ci95").size());
        assertEquals(3, after.get("comparisons").size());
    }

    @Test
    void theHtmlReportIsSelfContainedAndEscapesNames() throws Exception {
        MultiSeedReport report = run(List.of(1L, 2L), "a<b>&\"c");
        String html = HtmlReport.of(report);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("id=\"protocol-card\""));
        for (String label : report.card().entries().keySet()) {
            assertTrue(html.contains("<dt>" + label + "</dt>"), label);
        }
        assertTrue(html.contains("a&lt;b&gt;&amp;&quot;c"));
        assertFalse(html.contains("a<b>"));
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//").matcher(html).find(), "external reference");
        assertFalse(html.contains("http://") || html.contains("https://"));
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("<svg") && html.contains("class=\"best\""));
        assertTrue(html.contains("Seed 1") && html.contains("Seed 2"));
    }

    @Test
    void theCsvHasTheCardAHeaderAndOneQuotedLinePerCandidate() throws Exception {
        MultiSeedReport report = run(List.of(1L, 2L), "item, mean");
        List<String> lines = ReportCsv.of(report).lines().toList();
        List<String> data = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertTrue(lines.get(0).startsWith("# dataset: "));
        assertTrue(data.get(0).startsWith("model,ndcg100,ndcg100_ci95_low,ndcg100_ci95_high,recall20"));
        assertEquals(1 + report.candidates().size(), data.size());
        assertTrue(data.get(1).startsWith("\"item, mean\","), data.get(1));
        assertEquals("\"say \"\"hi\"\"\"", ReportCsv.quote("say \"hi\""));
    }

    @Test
    void aCandidateWhoseNameDiffersBetweenSeedsIsNamedByItsCommonStem() {
        EvaluationRow l100 = new EvaluationRow("ease(l=100)", Map.of(), 0, 1, 0, "");
        EvaluationRow l500 = new EvaluationRow("ease(l=500)", Map.of(), 0, 1, 0, "");
        assertEquals("ease", CandidateRuns.commonName(List.of(l100, l500)));
        assertEquals("ease(l=100)", CandidateRuns.commonName(List.of(l100, l100)));
    }

    @Test
    void repeatedOrMissingSeedsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MultiSeedEvaluation(dataset, SplitSettings.defaults(0), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new MultiSeedEvaluation(dataset, SplitSettings.defaults(0), List.of(1L, 1L)));
    }
}
