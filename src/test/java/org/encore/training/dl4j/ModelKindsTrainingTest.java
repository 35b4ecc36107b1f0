package org.encore.training.dl4j;

import org.encore.testutil.TinyData;
import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.Architecture;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.TrainingSettings;
import org.encore.training.EpochMetrics;
import org.encore.training.RunControl;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.encore.training.ValidationRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The field's autoencoders (mult-dae, mult-vae, autorec, cdae) trained end to end on tiny synthetic data. */
class ModelKindsTrainingTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(150, 60, 11);
    private static final Dataset DATASET = TinyData.dataset(MATRIX, "synthetic-kinds");

    @TempDir
    Path temp;

    /** The preset at test size: 2 epochs (unless said), small batches, every user. */
    private static ModelSpec tiny(String preset, int epochs) {
        return Presets.byName(preset).withTraining(t -> t.epochs(epochs).batchSize(32).usersFraction(1.0)
                .validationFraction(0.3).seed(5));
    }

    private static TrainedModel train(ModelSpec spec, List<EpochMetrics> seen) throws TrainingException {
        return new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX)).train(new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics metrics) {
                seen.add(metrics);
            }
        }, new RunControl());
    }

    private static float[] scoreAll(TrainedModel model) {
        int rows = MATRIX.userCount();
        float[] inputs = new float[rows * MATRIX.movieCount()];
        int[] all = new int[rows];
        for (int i = 0; i < rows; i++) {
            all[i] = i;
        }
        MATRIX.densify(all, (float) model.valueScale(), inputs);
        float[] scores = new float[inputs.length];
        model.score(inputs, rows, scores);
        return scores;
    }

    @ParameterizedTest
    @ValueSource(strings = {"mult-dae", "mult-vae", "autorec", "cdae"})
    void eachPresetTrainsTwoEpochsReportsRankingMetricsAndScores(String preset) throws Exception {
        ModelSpec spec = tiny(preset, 2);
        List<EpochMetrics> seen = new ArrayList<>();
        TrainedModel model = train(spec, seen);

        assertEquals(2, seen.size());
        assertEquals(seen, model.history());
        for (EpochMetrics m : seen) {
            assertNotNull(m.ranking(), "ranking metrics in epoch " + m.epoch());
            assertTrue(m.validationNdcg100() >= 0 && m.validationNdcg100() <= 1, "ndcg " + m.validationNdcg100());
            assertTrue(m.validationRecall20() >= 0 && m.validationRecall20() <= 1, "recall " + m.validationRecall20());
            assertTrue(m.ranking().users() > 0);
            assertTrue(Double.isFinite(m.loss()));
            if (spec.architecture() instanceof Architecture.Vae) {
                assertNotNull(m.coding(), "a VAE reports its KL term and beta");
                assertTrue(m.coding().kl() >= 0 && m.coding().beta() > 0 && m.coding().beta() <= 0.2, m.coding().toString());
            } else {
                assertNull(m.coding());
            }
        }
        assertEquals(spec.loss().predictsRatings(), model.predictsRatings());
        assertTrue(model.layerNames().contains("coding"), model.layerNames().toString());
        int coding = model.layerWidth("coding");
        float[] activations = new float[3 * coding];
        float[] rows = new float[3 * MATRIX.movieCount()];
        MATRIX.densify(new int[]{0, 1, 2}, (float) model.valueScale(), rows);
        model.activations("coding", rows, 3, activations);
        for (float scores : scoreAll(model)) {
            assertTrue(Float.isFinite(scores));
        }
        for (float a : activations) {
            assertTrue(Float.isFinite(a));
        }

        // saved and reloaded, it scores the same (CDAE rebuilds its user nodes from the saved split)
        Path run = temp.resolve(preset);
        model.save(run, DATASET);
        TrainedModel loaded = new Dl4jEngine().load(run, DATASET);
        assertArrayEquals(scoreAll(model), scoreAll(loaded));
        assertEquals(model.history(), loaded.history());
        String csv = Files.readString(run.resolve("history.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith("validation_ndcg100,validation_recall20,kl,beta,train_metrics"), csv);
    }

    @Test
    void selectingOnNdcgKeepsTheEpochWithTheBestValidationNdcg() throws TrainingException {
        ModelSpec spec = tiny("mult-dae", 5).withTraining(t -> t.optimizer(org.encore.model.OptimizerSpec.adam(0.05))
                .selection(TrainingSettings.Selection.NDCG100));
        List<EpochMetrics> seen = new ArrayList<>();
        TrainedModel model = train(spec, seen);
        double best = seen.stream().mapToDouble(EpochMetrics::validationNdcg100).max().orElseThrow();
        int bestEpoch = seen.stream().filter(m -> m.validationNdcg100() == best).findFirst().orElseThrow().epoch();
        assertTrue(bestEpoch < seen.size(), "the run should pass its best epoch to test the restore: "
                + seen.stream().map(EpochMetrics::validationNdcg100).toList());

        // recompute the kept weights' validation NDCG@100 through the scoring path recommend and evaluate use
        TrainingPlan plan = TrainingPlan.reference(spec, MATRIX);
        ValidationRanking ranking = new ValidationRanking(MATRIX, plan.validationRows(), spec.training().seed());
        int width = MATRIX.movieCount();
        float[] inputs = new float[ranking.users() * width];
        float[] scores = new float[inputs.length];
        ranking.foldIn(0, ranking.users(), (float) spec.valueScale(), inputs);
        model.score(inputs, ranking.users(), scores);
        for (int u = 0; u < ranking.users(); u++) {
            ranking.add(u, scores, u * width);
        }
        assertEquals(best, ranking.finish().ndcg100(), 1e-5, "history " + seen.stream().map(EpochMetrics::validationNdcg100).toList());
    }

    @Test
    void patienceStopsWhenValidationNdcgStopsImproving() throws TrainingException {
        ModelSpec spec = tiny("mult-dae", 40).withTraining(t -> t.optimizer(org.encore.model.OptimizerSpec.adam(0.05))
                .patience(2));
        List<EpochMetrics> seen = new ArrayList<>();
        train(spec, seen);
        assertTrue(seen.size() < 40, "stopped after " + seen.size() + " epochs");
        int bestEpoch = 0;
        for (EpochMetrics m : seen) {
            if (bestEpoch == 0 || m.validationNdcg100() > seen.get(bestEpoch - 1).validationNdcg100()) {
                bestEpoch = m.epoch();
            }
        }
        assertEquals(bestEpoch + 2, seen.size());
    }
}
