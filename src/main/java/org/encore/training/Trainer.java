package org.encore.training;

import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.CancellationToken;
import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.SpecError;
import org.encore.model.SpecValidator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Trains one spec on one plan. One instance per run; {@link #pause()} and {@link #resume()} may be called from
 * any thread, cancellation goes through the token.
 * <p>
 * Mini-batches are densified from the sparse matrix one at a time into a reused buffer and shuffled each epoch
 * (seeded). The training users' {@link SplitMetrics} are accumulated from the training steps' outputs (as Keras
 * reports them) or, with {@link #trainMetrics} EXACT, from a pass after the epoch; the validation users' from a
 * batched inference pass after every epoch. No dense users x movies array is ever built.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final ModelSpec spec;
    private final RatingMatrix matrix;
    private final TrainingPlan plan;
    private final Object pauseLock = new Object();
    private volatile boolean paused;
    private int patience;
    private boolean restoreBest = true;
    private TrainMetricsKind trainKind = TrainMetricsKind.RUNNING;

    public Trainer(ModelSpec spec, RatingMatrix matrix, TrainingPlan plan) {
        this.spec = java.util.Objects.requireNonNull(spec, "spec");
        this.matrix = java.util.Objects.requireNonNull(matrix, "matrix");
        this.plan = java.util.Objects.requireNonNull(plan, "plan");
    }

    /**
     * Early stopping on the validation MSE: stop after {@code patience} epochs without improvement (0 = off) and,
     * when {@code restoreBestWeights}, return the weights of the best epoch. The history keeps every epoch run.
     */
    public Trainer earlyStopping(int patience, boolean restoreBestWeights) {
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        this.patience = patience;
        this.restoreBest = restoreBestWeights;
        return this;
    }

    /**
     * How the training users' metrics are computed each epoch: {@link TrainMetricsKind#RUNNING} (the default, as
     * Keras reports them) or {@link TrainMetricsKind#EXACT} (a separate pass after the epoch).
     */
    public Trainer trainMetrics(TrainMetricsKind kind) {
        this.trainKind = java.util.Objects.requireNonNull(kind, "kind");
        return this;
    }

    /** Runs every epoch (or until cancelled / stopped early) and returns the trained model with its history. */
    public TrainedModel train(TrainingListener listener, CancellationToken cancel) throws TrainingException {
        TrainingListener events = listener == null ? new TrainingListener() { } : listener;
        CancellationToken token = cancel == null ? CancellationToken.none() : cancel;
        try {
            checkRunnable();
            return run(NetworkFactory.build(spec, matrix.movieCount()), events, token);
        } catch (TrainingException e) {
            events.runFinished("failed: " + e.getMessage());
            throw e;
        }
    }

    /** Refuses an invalid spec, an empty side of the plan, a plan row outside the matrix, or a run that does not fit. */
    private void checkRunnable() throws TrainingException {
        List<SpecError> errors = SpecValidator.validate(spec);
        if (!errors.isEmpty()) {
            throw new TrainingException("invalid spec: " + String.join("; ", errors.stream().map(SpecError::toString).toList()));
        }
        if (plan.trainRows().length == 0 || plan.validationRows().length == 0) {
            throw new TrainingException("the plan needs at least one training and one validation user (has "
                    + plan.trainRows().length + " and " + plan.validationRows().length + ")");
        }
        int users = matrix.userCount();
        for (int[] rows : new int[][]{plan.trainRows(), plan.validationRows()}) {
            for (int row : rows) {
                if (row < 0 || row >= users) {
                    throw new TrainingException("the plan names user row " + row + " but the matrix has rows 0.." + (users - 1));
                }
            }
        }
        checkFits(spec, matrix.movieCount());
    }

    private TrainedModel run(MultiLayerNetwork network, TrainingListener events, CancellationToken token) throws TrainingException {
        int width = matrix.movieCount();
        int batchSize = spec.batchSize();
        float scale = (float) spec.valueScale();
        boolean masked = spec.loss() == LossType.MASKED_MSE;
        // DL4J may apply input dropout in place on the first layer's input, which must not touch the labels
        boolean separateLabels = !spec.layers().isEmpty() && spec.layers().get(0) instanceof LayerSpec.Dropout;
        int[] order = plan.trainRows().clone();
        int batches = (order.length + batchSize - 1) / batchSize;
        Random shuffle = new Random(spec.seed() ^ 0x5DEECE66DL);
        BatchBuffers buffers = new BatchBuffers(width, Math.min(batchSize, Math.max(order.length, plan.validationRows().length)));

        List<EpochMetrics> history = new ArrayList<>();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        String outcome = null;
        RunningTrainMetrics running = trainKind == TrainMetricsKind.RUNNING
                ? RunningTrainMetrics.attach(network, width, buffers.dense(), buffers.predictions()) : null;
        TrainMetricsKind kind = running == null ? TrainMetricsKind.EXACT : TrainMetricsKind.RUNNING;

        epochs:
        for (int epoch = 1; epoch <= spec.epochs(); epoch++) {
            long started = System.nanoTime();
            Shuffle.inPlace(order, shuffle);
            double lossSum = 0;
            if (running != null) {
                running.startEpoch();
            }
            for (int b = 0; b < batches; b++) {
                waitWhilePaused(token);
                if (token.isCancelled()) {
                    outcome = String.format(Locale.ROOT, "cancelled in epoch %d after batch %d of %d (%d epochs complete)",
                            epoch, b, batches, epoch - 1);
                    break epochs;
                }
                int from = b * batchSize;
                int rows = Math.min(batchSize, order.length - from);
                int[] batchRows = java.util.Arrays.copyOfRange(order, from, from + rows);
                INDArray features = buffers.features(matrix, batchRows, scale);
                INDArray labels = separateLabels ? features.dup() : features;
                INDArray labelMask = masked ? buffers.mask(features) : null;
                network.fit(features, labels, null, labelMask);
                double loss = network.score();
                if (!Double.isFinite(loss)) {
                    throw new TrainingException(String.format(Locale.ROOT,
                            "the loss became %s in epoch %d, batch %d: training diverged; try a lower learning rate than %s",
                            loss, epoch, b + 1, spec.optimizer().learningRate()));
                }
                lossSum += loss;
                events.batchFinished(epoch, b + 1, batches);
            }
            network.incrementEpochCount();
            double trainSeconds = (System.nanoTime() - started) / 1e9;
            SplitMetrics train = running != null ? running.result(spec.valueScale()) : evaluate(network, plan.trainRows(), buffers, token);
            SplitMetrics validation = evaluate(network, plan.validationRows(), buffers, token);
            if (train == null || validation == null) {
                outcome = String.format(Locale.ROOT, "cancelled during the metric pass of epoch %d (%d epochs complete)", epoch, epoch - 1);
                break;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            EpochMetrics metrics = new EpochMetrics(epoch, train, validation, lossSum / batches, seconds,
                    order.length / Math.max(trainSeconds, 1e-9), kind);
            history.add(metrics);
            LOG.info("epoch {}: loss {} validation mse {} ({} s)", epoch, metrics.loss(), validation.mse(), seconds);
            events.epochFinished(metrics);
            if (!Double.isFinite(validation.mse())) {
                throw new TrainingException("the validation loss became " + validation.mse() + " in epoch " + epoch
                        + ": training diverged; try a lower learning rate than " + spec.optimizer().learningRate());
            }
            if (patience > 0) {
                if (validation.mse() < bestLoss) {
                    bestLoss = validation.mse();
                    bestEpoch = epoch;
                    if (restoreBest) {
                        bestParams = network.params().dup();
                    }
                } else if (epoch - bestEpoch >= patience) {
                    outcome = String.format(Locale.ROOT, "stopped early after epoch %d: validation MSE last improved in epoch %d", epoch, bestEpoch);
                    break;
                }
            }
        }
        if (bestParams != null && bestEpoch != history.size()) {
            network.setParams(bestParams);
            outcome = (outcome == null ? "finished" : outcome) + "; restored the weights of epoch " + bestEpoch;
        }
        if (running != null) {
            running.detach();
        }
        network.clear();
        if (outcome == null) {
            outcome = "finished " + history.size() + " epochs";
        }
        TrainedModel model = new TrainedModel(spec, network, width, plan, matrix, history, Devices.current());
        events.runFinished(outcome);
        return model;
    }

    /** Metrics of {@code rows} in inference mode, batched; null when cancelled. */
    private SplitMetrics evaluate(MultiLayerNetwork network, int[] rows, BatchBuffers buffers, CancellationToken token) {
        RegressionMetrics metrics = new RegressionMetrics(matrix.movieCount());
        int batchSize = buffers.capacity();
        for (int from = 0; from < rows.length; from += batchSize) {
            if (token.isCancelled()) {
                return null;
            }
            int count = Math.min(batchSize, rows.length - from);
            int[] batchRows = java.util.Arrays.copyOfRange(rows, from, from + count);
            INDArray features = buffers.features(matrix, batchRows, (float) spec.valueScale());
            float[] predictions = buffers.predictions();
            TrainedModel.predictInto(network, features, predictions);
            metrics.add(buffers.dense(), predictions, count);
        }
        return metrics.result(spec.valueScale());
    }

    private void waitWhilePaused(CancellationToken token) {
        synchronized (pauseLock) {
            while (paused && !token.isCancelled()) {
                try {
                    pauseLock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Whether training {@code spec} at {@code width} movie columns fits this process's memory limits now; throws
     * with the figures when it does not (the same check {@link #train} makes first). For a designer's live preview.
     */
    public static void checkFits(ModelSpec spec, int width) throws TrainingException {
        checkMemory(MemoryEstimate.of(spec, width), spec.batchSize(), width);
    }

    /**
     * Refuses a run whose estimate does not fit: the off-heap part against JavaCPP's limits
     * ({@link Pointer#maxBytes()}, {@link Pointer#maxPhysicalBytes()}), the Java batch buffers against the heap.
     */
    static void checkMemory(MemoryEstimate estimate, int batchSize, int width) throws TrainingException {
        long heapNeeded = 3L * batchSize * width * Float.BYTES; // densify buffer, prediction buffer, label mask
        long offHeapNeeded = estimate.totalBytes();
        long maxBytes = Pointer.maxBytes();
        long offHeapFree = maxBytes > 0 ? maxBytes - Pointer.totalBytes() : Long.MAX_VALUE;
        long maxPhysical = Pointer.maxPhysicalBytes();
        long physicalFree = maxPhysical > 0 ? maxPhysical - Pointer.physicalBytes() : Long.MAX_VALUE;
        Runtime runtime = Runtime.getRuntime();
        long heapFree = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        List<String> problems = new ArrayList<>();
        if (offHeapNeeded > offHeapFree) {
            problems.add("needs " + MemoryEstimate.bytes(offHeapNeeded) + " off-heap but only " + MemoryEstimate.bytes(offHeapFree)
                    + " of ND4J's off-heap limit of " + MemoryEstimate.bytes(maxBytes) + " is free (-Dorg.bytedeco.javacpp.maxbytes)");
        }
        if (offHeapNeeded + heapNeeded > physicalFree) {
            problems.add("needs " + MemoryEstimate.bytes(offHeapNeeded + heapNeeded) + " of memory but only "
                    + MemoryEstimate.bytes(physicalFree) + " of the process limit of " + MemoryEstimate.bytes(maxPhysical)
                    + " is left (-Dorg.bytedeco.javacpp.maxphysicalbytes)");
        }
        if (heapNeeded > heapFree) {
            problems.add("needs " + MemoryEstimate.bytes(heapNeeded) + " of Java heap for batch buffers but only "
                    + MemoryEstimate.bytes(heapFree) + " of " + MemoryEstimate.bytes(runtime.maxMemory()) + " is free (-Xmx)");
        }
        if (!problems.isEmpty()) {
            throw new TrainingException("not enough memory to train at width " + width + " and batch " + batchSize + ": "
                    + String.join("; ", problems) + ". Estimate: " + estimate.describe()
                    + ". Use a smaller batch, fewer or narrower layers, fewer movie columns, or raise the limits.");
        }
    }

    public void pause() {
        paused = true;
    }

    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    public boolean isPaused() {
        return paused;
    }

    /** Reused host and device buffers for one batch size (the last, smaller batch gets its own arrays). */
    static final class BatchBuffers {
        private final int width;
        private final int capacity;
        private final float[] dense;
        private final float[] predictions;
        private final java.util.Map<Integer, INDArray> features = new java.util.HashMap<>();
        private final java.util.Map<Integer, INDArray> masks = new java.util.HashMap<>();
        private float[] maskValues;

        BatchBuffers(int width, int capacity) {
            this.width = width;
            this.capacity = Math.max(1, capacity);
            this.dense = new float[this.capacity * width];
            this.predictions = new float[this.capacity * width];
        }

        int capacity() {
            return capacity;
        }

        /** The host copy of the last densified batch. */
        float[] dense() {
            return dense;
        }

        float[] predictions() {
            return predictions;
        }

        /** Densifies {@code rows} into the host buffer and loads it into a reused ND4J array. */
        INDArray features(RatingMatrix matrix, int[] rows, float scale) {
            matrix.densify(rows, scale, dense);
            INDArray target = features.computeIfAbsent(rows.length, n -> HostArrays.matrix(n, width));
            return HostArrays.load(dense, 0, target);
        }

        /** 1 for rated cells of the last densified batch, 0 elsewhere. */
        INDArray mask(INDArray batch) {
            int rows = (int) batch.size(0);
            int cells = rows * width;
            if (maskValues == null) {
                maskValues = new float[capacity * width];
            }
            for (int i = 0; i < cells; i++) {
                maskValues[i] = dense[i] != 0f ? 1f : 0f;
            }
            INDArray target = masks.computeIfAbsent(rows, n -> HostArrays.matrix(n, width));
            return HostArrays.load(maskValues, 0, target);
        }
    }
}
