package org.encore.evaluation;

import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.Presets;
import org.encore.model.RowScorer;
import org.encore.testutil.TinyData;
import org.encore.training.DenseSolver;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluatorTest {
    private static final DenseSolver SOLVER = new Dl4jEngine().solver();
    private final Dataset dataset = TinyData.groups(400, 60, 21);

    /** Trains nothing: predicts each movie's mean rating among the plan's training users. */
    private static final Evaluator.ModelTrainer ITEM_MEAN = (spec, matrix, plan, cancel) ->
            TinyData.itemMean(spec.name(), matrix, plan.trainRows(), spec.valueScale());

    @Test
    void anOracleThatKnowsTheHiddenMoviesScoresRecallAndNdcgOfOne() {
        Evaluator evaluator = new Evaluator(dataset, SplitSettings.defaults(4));
        HeldOutUsers test = evaluator.split().test();
        EvaluationRow row = evaluator.evaluate(new Oracle(test, 0.2), test);
        assertEquals(1.0, row.metric("recall20").mean(), 1e-12);
        assertEquals(1.0, row.metric("recall50").mean(), 1e-12);
        assertEquals(1.0, row.metric("ndcg100").mean(), 1e-12);
        assertEquals(0.0, row.metric("rmse").mean(), 1e-6); // it predicts the hidden ratings exactly
        assertEquals(0.0, row.metric("mae").mean(), 1e-6);
        assertTrue(row.metric("ndcg100").users() > 10 && row.metric("ndcg100").users() <= test.size());
    }

    @Test
    void theSameSeedGivesTheSameTableAndAnotherSeedAnotherOne() throws Exception {
        String first = withoutTimings(report(7));
        assertEquals(first, withoutTimings(report(7)));
        assertNotEquals(first, withoutTimings(report(8)));
        assertEquals(report(7).table(), report(7).table());
    }

    /** The JSON without wall-clock fields, which differ from run to run. */
    private String withoutTimings(EvaluationReport report) {
        var json = report.toJson();
        for (String rows : List.of("rows", "validationRows")) {
            json.get(rows).forEach(row -> ((com.fasterxml.jackson.databind.node.ObjectNode) row).remove("fitSeconds"));
        }
        return json.toString();
    }

    @Test
    void theReportHasEveryModelBlendAndBaselineWithTheRequiredFields() throws Exception {
        EvaluationReport report = report(7);
        List<String> names = report.test().stream().map(EvaluationRow::name).toList();
        assertEquals(List.of("model1", "model2", "model3", "model4", "blend(1,4 up)", "blend-rrf(1,4 up)", "popular", "ease(l=10)"),
                names.stream().map(n -> n.startsWith("ease") ? "ease(l=10)" : n).toList());
        var json = report.toJson();
        for (var row : json.get("rows")) {
            for (String field : List.of("name", "ndcg100", "recall20", "recall50", "rmse", "mae", "coverage20", "meanPopularity",
                    "ndcg100Se", "genreDistance", "decadeDistance")) {
                assertTrue(row.has(field), field + " missing in " + row);
            }
        }
        // ranking-only scorers have no rating error; the rating predictors do
        var popular = json.get("rows").get(6);
        assertTrue(popular.get("rmse").isNull());
        assertFalse(json.get("rows").get(0).get("rmse").isNull());
        assertEquals(7, json.get("seed").asInt());
        assertEquals(3, json.get("epochs").asInt());
        assertTrue(report.table().contains("popular"));
    }

    @Test
    void easeLearnsThePlantedTasteGroupsBetterThanPopularity() throws Exception {
        EvaluationReport report = report(7);
        double popular = row(report, "popular").metric("ndcg100").mean();
        double ease = report.test().get(7).metric("ndcg100").mean();
        assertTrue(ease > popular + 0.05, "EASE " + ease + " vs popular " + popular);
        // the chosen lambda was picked on validation users and the test row says which
        assertTrue(report.test().get(7).note().contains("chosen by validation NDCG@100"));
    }

    @Test
    void modelsAreTrainedOnTrainingUsersOnlyAndValidatedOnValidationUsers() throws Exception {
        Evaluator evaluator = new Evaluator(dataset, SplitSettings.defaults(3));
        Set<Integer> heldOut = new HashSet<>();
        Arrays.stream(evaluator.split().test().rows()).forEach(heldOut::add);
        List<String> seen = new ArrayList<>();
        Evaluator.ModelTrainer checking = (spec, matrix, plan, cancel) -> {
            assertTrue(Arrays.stream(plan.trainRows()).noneMatch(heldOut::contains), "a test user trains");
            assertTrue(Arrays.stream(plan.validationRows()).noneMatch(heldOut::contains), "a test user validates");
            assertEquals(evaluator.split().validation().size(), plan.validationRows().length);
            seen.add(spec.name() + ":" + spec.training().epochs() + ":" + spec.training().seed());
            return ITEM_MEAN.train(spec, matrix, plan, cancel);
        };
        evaluator.run(new EvaluationRequest(List.of(Presets.model2()), List.of(), false, false, null, false, 2, true),
                checking, SOLVER, line -> { }, CancellationToken.none());
        assertEquals(List.of("model2:2:3"), seen);
    }

    private EvaluationReport report(long seed) throws Exception {
        Evaluator evaluator = new Evaluator(dataset, SplitSettings.defaults(seed));
        EvaluationRequest request = new EvaluationRequest(Presets.reference(), List.of(), true, true, new double[]{10, 100},
                false, 3, true);
        return evaluator.run(request, ITEM_MEAN, SOLVER, line -> { }, CancellationToken.none());
    }

    private static EvaluationRow row(EvaluationReport report, String name) {
        return report.test().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** Knows each test user's hidden ratings (recognising the user by the fed-in row) and scores exactly those. */
    private static final class Oracle implements RowScorer {
        private final Map<String, float[]> answers = new HashMap<>();
        private final int width;
        private final double scale;

        Oracle(HeldOutUsers users, double scale) {
            RatingMatrix foldIn = users.foldIn();
            this.width = foldIn.movieCount();
            this.scale = scale;
            float[] row = new float[width];
            for (int i = 0; i < users.size(); i++) {
                foldIn.densify(new int[]{i}, (float) scale, row);
                float[] answer = new float[width];
                int[] columns = users.hiddenColumnsOf(i);
                float[] ratings = users.hiddenRatingsOf(i);
                for (int h = 0; h < columns.length; h++) {
                    answer[columns[h]] = (float) (ratings[h] * scale);
                }
                answers.put(Arrays.toString(row), answer);
            }
        }

        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public int width() {
            return width;
        }

        @Override
        public double valueScale() {
            return scale;
        }

        @Override
        public void score(float[] inputs, int rows, float[] outputs) {
            for (int r = 0; r < rows; r++) {
                float[] answer = answers.get(Arrays.toString(Arrays.copyOfRange(inputs, r * width, (r + 1) * width)));
                System.arraycopy(answer, 0, outputs, r * width, width);
            }
        }
    }
}
