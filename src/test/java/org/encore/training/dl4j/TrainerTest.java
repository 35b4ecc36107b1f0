package org.encore.training.dl4j;

import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.testutil.TinyData;
import org.encore.training.EpochMetrics;
import org.encore.training.RegressionMetrics;
import org.encore.training.RunControl;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainMetricsKind;
import org.encore.training.TrainingPlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(120, 40, 3);

    private static List<EpochMetrics> train(ModelSpec spec) throws TrainingException {
        return train(spec, TrainMetricsKind.RUNNING);
    }

    private static List<EpochMetrics> train(ModelSpec spec, TrainMetricsKind kind) throws TrainingException {
        List<EpochMetrics> seen = new ArrayList<>();
        TrainedModel model = new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX)).trainMetrics(kind).train(new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics metrics) {
                seen.add(metrics);
            }
        }, new RunControl());
        assertEquals(seen, model.history());
        return seen;
    }

    @Test
    void aFewEpochsLowerTheValidationMse() throws TrainingException {
        List<EpochMetrics> history = train(TinyData.smallSpec());
        assertEquals(6, history.size());
        EpochMetrics first = history.get(0);
        EpochMetrics last = history.get(history.size() - 1);
        assertTrue(last.validation().mse() < first.validation().mse(),
                "validation MSE " + first.validation().mse() + " -> " + last.validation().mse());
        assertTrue(last.train().mse() < first.train().mse());
        assertTrue(last.validation().r2Flat() > first.validation().r2Flat());
        for (EpochMetrics m : history) {
            assertTrue(m.seconds() > 0 && m.samplesPerSecond() > 0);
            assertTrue(m.validation().ratedRmse() > 0 && m.validation().ratedMae() > 0);
        }
    }

    @Test
    void theSameSeedGivesTheSameHistory() throws TrainingException {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(2));
        List<EpochMetrics> a = train(spec);
        List<EpochMetrics> b = train(spec);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).train(), b.get(i).train());
            assertEquals(a.get(i).validation(), b.get(i).validation());
            assertEquals(a.get(i).loss(), b.get(i).loss());
        }
        List<EpochMetrics> other = train(spec.withTraining(t -> t.seed(99)));
        assertFalse(other.get(1).validation().equals(a.get(1).validation()), "another seed should train differently");
    }

    @Test
    void cancelStopsWithinOneBatchAndReturnsTheModelSoFar() throws TrainingException {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(50));
        RunControl token = new RunControl();
        AtomicInteger batchesAfterCancel = new AtomicInteger();
        AtomicReference<String> finished = new AtomicReference<>();
        TrainedModel model = new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX)).train(new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, int batchesPerEpoch) {
                if (token.isCancelled()) {
                    batchesAfterCancel.incrementAndGet();
                }
                if (epoch == 2 && batch == 2) {
                    token.cancel();
                }
            }

            @Override
            public void runFinished(String message) {
                finished.set(message);
            }
        }, token);
        assertEquals(0, batchesAfterCancel.get());
        assertEquals(1, model.history().size());
        assertTrue(finished.get().startsWith("cancelled in epoch 2 after batch 2"), finished.get());
        float[] out = new float[MATRIX.movieCount()];
        model.score(new float[MATRIX.movieCount()], 1, out);
    }

    @Test
    void pauseBlocksBetweenBatchesUntilResume() throws Exception {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(3));
        Trainer trainer = new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX));
        RunControl control = new RunControl();
        CountDownLatch pausedAtBatch = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        Thread worker = new Thread(() -> {
            try {
                trainer.train(new TrainingListener() {
                    @Override
                    public void batchFinished(int epoch, int batch, int batchesPerEpoch) {
                        if (batches.incrementAndGet() == 2) {
                            control.pause();
                            pausedAtBatch.countDown();
                        }
                    }
                }, control);
            } catch (TrainingException e) {
                throw new IllegalStateException(e);
            }
        });
        worker.start();
        assertTrue(pausedAtBatch.await(60, TimeUnit.SECONDS));
        assertTrue(control.isPaused());
        Thread.sleep(300);
        assertEquals(2, batches.get(), "no batch may run while paused");
        control.resume();
        worker.join(120_000);
        assertFalse(worker.isAlive());
        assertTrue(batches.get() > 2);
    }

    @Test
    void earlyStoppingFromTheSpecStopsAfterPatienceAndRestoresTheBestWeights() throws TrainingException {
        // a learning rate this high overfits and oscillates quickly on 96 training users
        ModelSpec spec = TinyData.smallSpec()
                .withTraining(t -> t.epochs(40).patience(2).optimizer(org.encore.model.OptimizerSpec.adam(3e-2)));
        AtomicReference<String> finished = new AtomicReference<>();
        Trainer trainer = new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX));
        TrainedModel model = trainer.train(new TrainingListener() {
            @Override
            public void runFinished(String message) {
                finished.set(message);
            }
        }, new RunControl());
        List<EpochMetrics> history = model.history();
        int best = 0;
        for (int i = 1; i < history.size(); i++) {
            if (history.get(i).validation().mse() < history.get(best).validation().mse()) {
                best = i;
            }
        }
        assertTrue(history.size() < 40, "should stop early: " + finished.get());
        assertEquals(history.size() - 1 - best, 2, "stops exactly `patience` epochs after the best");
        assertTrue(finished.get().contains("restored the weights of epoch " + (best + 1)), finished.get());
        // the restored weights reproduce the best epoch's validation MSE
        RegressionMetrics check = new RegressionMetrics(MATRIX.movieCount());
        int[] rows = model.plan().validationRows();
        float[] in = new float[rows.length * MATRIX.movieCount()];
        float[] out = new float[in.length];
        MATRIX.densify(rows, (float) spec.valueScale(), in);
        model.score(in, rows.length, out);
        check.add(in, out, rows.length);
        assertEquals(history.get(best).validation().mse(), check.result(spec.valueScale()).mse(), 1e-9);
    }

    @Test
    void aDivergingRunStopsWithAMessageSuggestingALowerLearningRate() {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.optimizer(new org.encore.model.OptimizerSpec(
                org.encore.model.OptimizerSpec.Type.SGD, 1e6, 0.9)));
        TrainingException e = assertThrows(TrainingException.class,
                () -> new Trainer(spec, MATRIX, TrainingPlan.reference(spec, MATRIX)).train(null, null));
        assertTrue(e.getMessage().contains("lower learning rate"), e.getMessage());
    }

    /** No dropout and one batch per epoch: the next epoch's DL4J loss is the loss of this epoch's final weights. */
    private static ModelSpec deterministicOneBatchSpec(org.encore.model.LossType loss) {
        return ModelSpec.builder().name("one-batch")
                .layers(List.of(org.encore.model.LayerSpec.dense(24, org.encore.model.Activation.SELU),
                        org.encore.model.LayerSpec.dense(24, org.encore.model.Activation.TANH)))
                .loss(loss)
                .training(org.encore.model.TrainingSettings.builder().optimizer(org.encore.model.OptimizerSpec.adam(3e-3))
                        .batchSize(1000).epochs(4).usersFraction(1.0).validationFraction(0.2).seed(11).build())
                .build();
    }

    @Test
    void theExactMetricPassAgreesWithTheNextEpochsTrainingLoss() throws TrainingException {
        List<EpochMetrics> history = train(deterministicOneBatchSpec(org.encore.model.LossType.MSE), TrainMetricsKind.EXACT);
        for (int i = 0; i + 1 < history.size(); i++) {
            assertEquals(TrainMetricsKind.EXACT, history.get(i).trainKind());
            assertEquals(history.get(i).train().mse(), history.get(i + 1).loss(), 1e-6 * history.get(i).train().mse() + 1e-9);
        }
    }

    @Test
    void runningTrainMetricsAreAccumulatedFromTheStepsOwnOutputs() throws TrainingException {
        // one batch an epoch, no dropout: the running MSE is the loss of that epoch's single step
        List<EpochMetrics> history = train(deterministicOneBatchSpec(org.encore.model.LossType.MSE), TrainMetricsKind.RUNNING);
        for (EpochMetrics m : history) {
            assertEquals(TrainMetricsKind.RUNNING, m.trainKind());
            assertEquals(m.loss(), m.train().mse(), 1e-6 * m.loss() + 1e-9);
            assertTrue(Double.isFinite(m.train().r2()) && Double.isFinite(m.train().ratedRmse()));
        }
        List<EpochMetrics> exact = train(deterministicOneBatchSpec(org.encore.model.LossType.MSE), TrainMetricsKind.EXACT);
        assertEquals(exact.get(0).validation(), history.get(0).validation());
        assertEquals(exact.get(0).loss(), history.get(0).loss(), 1e-9);
    }

    @Test
    void maskedMseTrainsOnRatedCellsOnly() throws TrainingException {
        ModelSpec spec = deterministicOneBatchSpec(org.encore.model.LossType.MASKED_MSE);
        List<EpochMetrics> history = train(spec, TrainMetricsKind.EXACT);
        TrainingPlan plan = TrainingPlan.reference(spec, MATRIX);
        long rated = 0;
        for (int row : plan.trainRows()) {
            rated += MATRIX.rowLength(row);
        }
        double cells = (double) plan.trainRows().length * MATRIX.movieCount();
        for (int i = 0; i + 1 < history.size(); i++) {
            // DL4J's masked MSE: squared error summed over rated cells, divided by all cells
            double ratedSquaredError = Math.pow(history.get(i).train().ratedRmse() * spec.valueScale(), 2) * rated;
            assertEquals(ratedSquaredError / cells, history.get(i + 1).loss(), 1e-5 * history.get(i + 1).loss());
        }
        assertTrue(history.get(3).train().ratedRmse() < history.get(0).train().ratedRmse());
        List<EpochMetrics> running = train(spec, TrainMetricsKind.RUNNING);
        for (EpochMetrics m : running) {
            double ratedSquaredError = Math.pow(m.train().ratedRmse() * spec.valueScale(), 2) * rated;
            assertEquals(ratedSquaredError / cells, m.loss(), 1e-5 * m.loss());
        }
    }

    @Test
    void aRunThatDoesNotFitInMemoryIsRefusedWithTheFigures() {
        int width = 2_000_000;
        int[] movieIds = java.util.stream.IntStream.range(1, width + 1).toArray();
        RatingMatrix huge = new RatingMatrix(new int[]{0, 1, 2}, new int[]{0, width - 1}, new float[]{4f, 3f}, new long[2],
                new org.encore.data.IdIndex(new int[]{1, 2}), new org.encore.data.IdIndex(movieIds));
        ModelSpec spec = org.encore.model.Presets.model1().withTraining(t -> t.usersFraction(1.0));
        AtomicReference<String> finished = new AtomicReference<>();
        TrainingException e = assertThrows(TrainingException.class, () -> new Trainer(spec, huge, TrainingPlan.reference(spec, huge))
                .train(new TrainingListener() {
                    @Override
                    public void runFinished(String message) {
                        finished.set(message);
                    }
                }, null));
        assertTrue(e.getMessage().startsWith("not enough memory to train at width 2000000 and batch 512"), e.getMessage());
        assertTrue(e.getMessage().contains("3,075,051,136 parameters"), "names the parameter count: " + e.getMessage());
        assertTrue(e.getMessage().contains("GB"), e.getMessage());
        assertTrue(finished.get().startsWith("failed: not enough memory"));
        assertThrows(TrainingException.class, () -> Trainer.checkFits(spec, width));
        assertDoesNotThrow(() -> Trainer.checkFits(spec, 9_742), "model1 on ml-latest-small fits the test JVM");
    }

    @Test
    void garbageFillingTheHeapIsCollectedBeforeARunIsRefusedForHeap() {
        Runtime runtime = Runtime.getRuntime();
        long max = runtime.maxMemory();
        int width = 9_999;
        // batch buffers (five batch x (width + 1) float arrays) of about 40% of the heap
        int batch = (int) (0.4 * max / (5L * (width + 1) * Float.BYTES));
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.batchSize(batch));
        List<byte[]> garbage = new ArrayList<>();
        while (runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory()) > 0.3 * max) {
            garbage.add(new byte[16 << 20]);
        }
        assertFalse(garbage.isEmpty());
        garbage = null;
        // less than 40% of the heap is free until the garbage is collected
        assertDoesNotThrow(() -> Trainer.checkFits(spec, width));
    }

    @Test
    void anInvalidSpecIsRefusedBeforeTraining() {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.batchSize(0));
        TrainingException e = assertThrows(TrainingException.class,
                () -> new Trainer(spec, MATRIX, new TrainingPlan(new int[]{0, 1}, new int[]{2})).train(null, null));
        assertTrue(e.getMessage().contains("batchSize: must be >= 1"), e.getMessage());
        TrainingException outside = assertThrows(TrainingException.class, () -> new Trainer(TinyData.smallSpec(), MATRIX,
                new TrainingPlan(new int[]{0, 1}, new int[]{MATRIX.userCount()})).train(null, null));
        assertTrue(outside.getMessage().contains("user row 120"), outside.getMessage());
    }
}
