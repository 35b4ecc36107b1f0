package org.encore.training.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.testutil.TinyData;
import org.encore.training.Histogram;
import org.encore.training.RankingMetrics;
import org.encore.training.RegressionMetrics;
import org.encore.training.RunControl;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainingPlan;
import org.encore.training.ValidationRanking;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidationPassTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(120, 40, 3);
    private static final ModelSpec SPEC = TinyData.smallSpec();

    /** The regression metrics and the ranking as two separate passes of their own compute them (the way before). */
    private record Separate(SplitMetrics metrics, RankingMetrics ranking) {
    }

    private static Separate separatePasses(MultiLayerNetwork network, int[] rows, int batch) {
        int width = MATRIX.movieCount();
        float scale = (float) SPEC.valueScale();
        RegressionMetrics metrics = new RegressionMetrics(width);
        float[] dense = new float[batch * width];
        float[] predictions = new float[batch * width];
        for (int from = 0; from < rows.length; from += batch) {
            int count = Math.min(batch, rows.length - from);
            MATRIX.densify(Arrays.copyOfRange(rows, from, from + count), scale, dense);
            Dl4jTrainedModel.predictInto(network, HostArrays.load(dense, 0, HostArrays.matrix(count, width)), predictions, 0);
            metrics.add(dense, predictions, count);
        }
        ValidationRanking ranking = new ValidationRanking(MATRIX, rows, SPEC.training().seed());
        for (int from = 0; from < ranking.users(); from += batch) {
            int count = Math.min(batch, ranking.users() - from);
            ranking.foldIn(from, count, scale, dense);
            Dl4jTrainedModel.predictInto(network, HostArrays.load(dense, 0, HostArrays.matrix(count, width)), predictions, 0);
            for (int i = 0; i < count; i++) {
                ranking.add(from + i, predictions, i * width);
            }
        }
        return new Separate(metrics.result(SPEC.valueScale()), ranking.finish());
    }

    private static ValidationPass.Result onePass(MultiLayerNetwork network, int[] rows, int capacity) {
        ValidationPass pass = new ValidationPass(MATRIX, rows, new ValidationRanking(MATRIX, rows, SPEC.training().seed()),
                SPEC.valueScale());
        return pass.run(network, new Trainer.BatchBuffers(MATRIX.movieCount(), new NetworkInput(SPEC, MATRIX.movieCount()),
                capacity), new RunControl());
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), what);
    }

    @Test
    void stackingFullAndFoldInRowsInOneForwardPassGivesTheMetricsOfSeparatePasses() {
        MultiLayerNetwork network = NetworkFactory.build(SPEC, MATRIX.movieCount());
        int[] rows = TrainingPlan.reference(SPEC, MATRIX).validationRows();
        assertTrue(rows.length > 4, "needs a few validation users, has " + rows.length);
        Separate expected = separatePasses(network, rows, 512);
        // one batch holding everything; batches of 3 rows, one of them mixing full and fold-in rows; one row a batch
        for (int capacity : new int[]{2 * rows.length, 3, 1}) {
            ValidationPass.Result result = onePass(network, rows, capacity);
            SplitMetrics a = expected.metrics();
            SplitMetrics b = result.metrics();
            String at = "capacity " + capacity + ": ";
            assertClose(a.mse(), b.mse(), at + "mse");
            assertClose(a.mae(), b.mae(), at + "mae");
            assertClose(a.r2(), b.r2(), at + "r2");
            assertClose(a.r2Flat(), b.r2Flat(), at + "r2Flat");
            assertClose(a.ratedRmse(), b.ratedRmse(), at + "ratedRmse");
            assertClose(a.ratedMae(), b.ratedMae(), at + "ratedMae");
            assertEquals(expected.ranking().users(), result.ranking().users(), at + "ranked users");
            assertClose(expected.ranking().ndcg100(), result.ranking().ndcg100(), at + "ndcg@100");
            assertClose(expected.ranking().recall20(), result.ranking().recall20(), at + "recall@20");
        }
    }

    @Test
    void theActivationHistogramsAreEveryLayersOutputOnTheFirstBatchsValidationRows() {
        MultiLayerNetwork network = NetworkFactory.build(SPEC, MATRIX.movieCount());
        int[] rows = TrainingPlan.reference(SPEC, MATRIX).validationRows();
        int capacity = 2 * rows.length; // one batch: every full row, then every fold-in row
        ValidationPass.Result result = onePass(network, rows, capacity);
        float[] dense = new float[rows.length * MATRIX.movieCount()];
        MATRIX.densify(rows, (float) SPEC.valueScale(), dense);
        List<INDArray> layers = network.feedForward(HostArrays.load(dense, 0, HostArrays.matrix(rows.length, MATRIX.movieCount())), false);
        assertEquals(network.getnLayers(), result.activations().size());
        for (int i = 0; i < network.getnLayers(); i++) {
            Histogram expected = Histogram.of(HostArrays.readOnlyValues(layers.get(i + 1).dup('c')), LayerStatisticsCollector.BINS);
            Histogram actual = result.activations().get(i);
            assertEquals(rows.length * layers.get(i + 1).size(1), actual.total(), "layer " + i + " counts the full rows only");
            assertArrayEquals(expected.counts(), actual.counts(), "layer " + i);
            assertEquals(expected.min(), actual.min(), 1e-6);
            assertEquals(expected.max(), actual.max(), 1e-6);
        }
    }

    @Test
    void aCancelledPassReturnsNothing() {
        MultiLayerNetwork network = NetworkFactory.build(SPEC, MATRIX.movieCount());
        int[] rows = TrainingPlan.reference(SPEC, MATRIX).validationRows();
        RunControl cancelled = new RunControl();
        cancelled.cancel();
        ValidationPass pass = new ValidationPass(MATRIX, rows, new ValidationRanking(MATRIX, rows, SPEC.training().seed()),
                SPEC.valueScale());
        assertNull(pass.run(network, new Trainer.BatchBuffers(MATRIX.movieCount(), new NetworkInput(SPEC, MATRIX.movieCount()),
                8), cancelled));
    }
}
