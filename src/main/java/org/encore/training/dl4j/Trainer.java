package org.encore.training.dl4j;

import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.SpecError;
import org.encore.model.SpecValidator;
import org.encore.model.TrainingSettings;
import org.encore.training.CodingTerms;
import org.encore.training.EpochMetrics;
import org.encore.training.LayerStatistics;
import org.encore.training.RankingMetrics;
import org.encore.training.ValidationRanking;
import org.encore.training.RegressionMetrics;
import org.encore.training.RunControl;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainMetricsKind;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.encore.training.dl4j.kinds.KindNetworks;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * The DL4J training loop: trains one spec on one plan. One instance per run; pause, resume and cancel go through
 * the {@link RunControl}, checked between batches. Early stopping is the spec's {@code training.patience}: after
 * that many epochs without a better {@code training.selection} metric (validation MSE or NDCG@100) the run stops and
 * the best epoch's weights are kept; selecting on NDCG@100 always keeps the best epoch's weights.
 * <p>
 * Each batch goes through {@link NetworkInput}: the spec's input transform for the features (CDAE: plus the user's
 * node), the value step alone for the labels, kept in separate arrays. After the epoch's steps one
 * {@link ValidationPass} scores the validation users' full rows (their {@link SplitMetrics}) and their fold-in rows
 * ({@link ValidationRanking}: NDCG@100 and Recall@20) in the same forward passes, and its activations feed the
 * {@link LayerStatisticsCollector}; a variational model also reports its KL term and beta ({@link CodingTerms}).
 * An epoch's {@code seconds} is all of it: the steps, every metric pass and the layer statistics.
 * <p>
 * Mini-batches are densified from the sparse matrix one at a time into a reused buffer and shuffled each epoch
 * (seeded). The training users' {@link SplitMetrics} are accumulated from the training steps' outputs (as Keras
 * reports them) or, with {@link #trainMetrics} EXACT, from a pass after the epoch. At debug level the epoch's phases
 * are logged ({@code bench/EpochPhases.java} reads them). No dense users x movies array is ever built.
 */
final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final ModelSpec spec;
    private final RatingMatrix matrix;
    private final TrainingPlan plan;
    private TrainMetricsKind trainKind;

    Trainer(ModelSpec spec, RatingMatrix matrix, TrainingPlan plan) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.matrix = Objects.requireNonNull(matrix, "matrix");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.trainKind = spec.training().exactTrainMetrics() ? TrainMetricsKind.EXACT : TrainMetricsKind.RUNNING;
    }

    /**
     * How the training users' metrics are computed each epoch, overriding the spec's {@code training.exactTrainMetrics}:
     * {@link TrainMetricsKind#RUNNING} (as Keras reports them) or {@link TrainMetricsKind#EXACT} (a separate pass).
     */
    Trainer trainMetrics(TrainMetricsKind kind) {
        this.trainKind = Objects.requireNonNull(kind, "kind");
        return this;
    }

    /** Runs every epoch (or until cancelled / stopped early) and returns the trained model with its history. */
    Dl4jTrainedModel train(TrainingListener listener, RunControl control) throws TrainingException {
        TrainingListener events = listener == null ? new TrainingListener() { } : listener;
        RunControl token = control == null ? new RunControl() : control;
        try {
            checkRunnable();
            return run(NetworkFactory.build(spec, matrix.movieCount(), plan.trainRows().length), events, token);
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

    private Dl4jTrainedModel run(MultiLayerNetwork network, TrainingListener events, RunControl token) throws TrainingException {
        int width = matrix.movieCount();
        int batchSize = spec.training().batchSize();
        float scale = (float) spec.valueScale();
        boolean masked = spec.loss() == LossType.MASKED_MSE;
        NetworkInput input = new NetworkInput(spec, width);
        // DL4J may apply input dropout in place on the first layer's input, which must not touch the labels
        List<LayerSpec> layers = spec.architecture().layers();
        boolean separateLabels = !layers.isEmpty() && layers.get(0) instanceof LayerSpec.Dropout;
        int patience = spec.training().patience();
        TrainingSettings.Selection selection = spec.training().selection();
        boolean keepBest = patience > 0 || selection == TrainingSettings.Selection.NDCG100;
        int[] order = plan.trainRows().clone();
        int[] userNodes = userNodes(plan.trainRows(), matrix.userCount());
        int batches = (order.length + batchSize - 1) / batchSize;
        Random shuffle = new Random(spec.training().seed() ^ 0x5DEECE66DL);
        ValidationPass validationPass = new ValidationPass(matrix, plan.validationRows(),
                new ValidationRanking(matrix, plan.validationRows(), spec.training().seed()), spec.valueScale());
        BatchBuffers buffers = new BatchBuffers(width, input, Math.min(batchSize,
                Math.max(order.length, Math.max(plan.validationRows().length, 1))));

        List<EpochMetrics> history = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParams = null;
        String outcome = null;
        LayerStatisticsCollector statistics = new LayerStatisticsCollector(network);
        // running metrics compare the output layer's step outputs with the densified rows, which only the kinds whose
        // input is the row itself and whose output is a reconstruction of it have; the others get the exact pass
        RunningTrainMetrics running = trainKind == TrainMetricsKind.RUNNING && !input.changesRows()
                && spec.loss().predictsRatings()
                ? RunningTrainMetrics.attach(network, width, buffers.dense(), buffers.predictions()) : null;
        TrainMetricsKind kind = running == null ? TrainMetricsKind.EXACT : TrainMetricsKind.RUNNING;

        epochs:
        for (int epoch = 1; epoch <= spec.training().epochs(); epoch++) {
            long started = System.nanoTime();
            Shuffle.inPlace(order, shuffle);
            double lossSum = 0;
            if (running != null) {
                running.startEpoch();
            }
            for (int b = 0; b < batches; b++) {
                token.awaitResumed();
                if (token.isCancelled()) {
                    outcome = String.format(Locale.ROOT, "cancelled in epoch %d after batch %d of %d (%d epochs complete)",
                            epoch, b, batches, epoch - 1);
                    break epochs;
                }
                int from = b * batchSize;
                int rows = Math.min(batchSize, order.length - from);
                int[] batchRows = Arrays.copyOfRange(order, from, from + rows);
                INDArray features;
                INDArray labels;
                if (input.changesRows()) {
                    buffers.densify(matrix, batchRows, scale);
                    features = buffers.prepared(batchRows, userNodes);
                    labels = buffers.labels(rows);
                } else {
                    features = buffers.features(matrix, batchRows, scale);
                    labels = separateLabels ? features.dup() : features;
                }
                INDArray labelMask = masked ? buffers.mask(rows) : null;
                network.fit(features, labels, null, labelMask);
                if (LayerStatisticsCollector.samples(b, batches)) {
                    statistics.afterBatch(network);
                }
                double loss = network.score();
                if (!Double.isFinite(loss)) {
                    throw new TrainingException(String.format(Locale.ROOT,
                            "the loss became %s in epoch %d, batch %d: training diverged; try a lower learning rate than %s",
                            loss, epoch, b + 1, spec.training().optimizer().learningRate()));
                }
                lossSum += loss;
                events.batchFinished(epoch, b + 1, batches);
            }
            network.incrementEpochCount();
            CodingTerms coding = KindNetworks.gaussianCoding(network)
                    .map(g -> new CodingTerms(g.lastKl(), g.lastBeta())).orElse(null);
            long stepsDone = System.nanoTime();
            double trainSeconds = (stepsDone - started) / 1e9;
            SplitMetrics train = running != null ? running.result(spec.valueScale())
                    : evaluate(network, plan.trainRows(), userNodes, buffers, token);
            long trainDone = System.nanoTime();
            ValidationPass.Result validated = train == null ? null : validationPass.run(network, buffers, token);
            long validationDone = System.nanoTime();
            if (validated == null) {
                outcome = String.format(Locale.ROOT, "cancelled during the metric pass of epoch %d (%d epochs complete)", epoch, epoch - 1);
                break;
            }
            SplitMetrics validation = validated.metrics();
            RankingMetrics validationRanking = validated.ranking();
            List<LayerStatistics> layerStatistics = statistics.epochFinished(network, validated.activations());
            long statisticsDone = System.nanoTime();
            // the epoch as the user sees it: the steps, every metric pass and the layer statistics
            double seconds = (statisticsDone - started) / 1e9;
            if (LOG.isDebugEnabled()) {
                LOG.debug(String.format(Locale.ROOT, "epoch %d phases (s): steps %.4f, train metrics %.4f, "
                        + "validation and ranking %.4f, statistics %.4f", epoch, trainSeconds, (trainDone - stepsDone) / 1e9,
                        (validationDone - trainDone) / 1e9, (statisticsDone - validationDone) / 1e9));
            }
            EpochMetrics metrics = new EpochMetrics(epoch, train, validation, lossSum / batches, seconds,
                    order.length / Math.max(trainSeconds, 1e-9), kind, validationRanking, coding);
            history.add(metrics);
            LOG.info("epoch {}: loss {} validation mse {} ndcg@100 {} ({} s)", epoch, metrics.loss(), validation.mse(),
                    validationRanking.ndcg100(), seconds);
            events.epochFinished(metrics);
            events.layerStatistics(epoch, layerStatistics);
            events.epochModel(epoch, new Dl4jTrainedModel(spec, network, width, plan, plan.trainUserIds(matrix),
                    plan.validationUserIds(matrix), history, Devices.current()));
            if (!Double.isFinite(validation.mse())) {
                throw new TrainingException("the validation loss became " + validation.mse() + " in epoch " + epoch
                        + ": training diverged; try a lower learning rate than " + spec.training().optimizer().learningRate());
            }
            if (keepBest) {
                double score = selection == TrainingSettings.Selection.NDCG100 ? validationRanking.ndcg100() : -validation.mse();
                if (score > best) {
                    best = score;
                    bestEpoch = epoch;
                    bestParams = network.params().dup();
                } else if (patience > 0 && epoch - bestEpoch >= patience) {
                    outcome = String.format(Locale.ROOT, "stopped early after epoch %d: validation %s last improved in epoch %d",
                            epoch, selection == TrainingSettings.Selection.NDCG100 ? "NDCG@100" : "MSE", bestEpoch);
                    break;
                }
            }
        }
        if (bestParams != null && bestEpoch != history.size()) {
            network.setParams(bestParams);
            outcome = (outcome == null ? "finished" : outcome) + "; restored the weights of epoch " + bestEpoch
                    + (selection == TrainingSettings.Selection.NDCG100 ? " (best validation NDCG@100)" : "");
        }
        if (running != null) {
            running.detach();
        }
        network.clear();
        if (outcome == null) {
            outcome = "finished " + history.size() + " epochs";
        }
        Dl4jTrainedModel model = new Dl4jTrainedModel(spec, network, width, plan, plan.trainUserIds(matrix),
                plan.validationUserIds(matrix), history, Devices.current());
        events.runFinished(outcome);
        return model;
    }

    /** Each matrix row's CDAE user node: its position among the (sorted) training rows, -1 for the other rows. */
    private static int[] userNodes(int[] trainRows, int users) {
        int[] nodes = new int[users];
        Arrays.fill(nodes, -1);
        for (int i = 0; i < trainRows.length; i++) {
            nodes[trainRows[i]] = i;
        }
        return nodes;
    }

    /** Metrics of {@code rows} in inference mode, batched; null when cancelled. */
    private SplitMetrics evaluate(MultiLayerNetwork network, int[] rows, int[] userNodes, BatchBuffers buffers,
                                  RunControl token) {
        RegressionMetrics metrics = new RegressionMetrics(matrix.movieCount());
        int batchSize = buffers.capacity();
        float scale = (float) spec.valueScale();
        for (int from = 0; from < rows.length; from += batchSize) {
            if (token.isCancelled()) {
                return null;
            }
            int count = Math.min(batchSize, rows.length - from);
            int[] batchRows = Arrays.copyOfRange(rows, from, from + count);
            INDArray features = buffers.input().changesRows()
                    ? prepared(buffers, batchRows, userNodes, scale)
                    : buffers.features(matrix, batchRows, scale);
            float[] predictions = buffers.predictions();
            Dl4jTrainedModel.predictInto(network, features, predictions, 0);
            metrics.add(buffers.dense(), predictions, count);
        }
        return metrics.result(spec.valueScale());
    }

    private INDArray prepared(BatchBuffers buffers, int[] batchRows, int[] userNodes, float scale) {
        buffers.densify(matrix, batchRows, scale);
        return buffers.prepared(batchRows, userNodes);
    }

    /**
     * Whether training {@code spec} at {@code width} movie columns fits this process's memory limits now; throws
     * with the figures when it does not (the same check {@link #train} makes first). For a designer's live preview.
     */
    static void checkFits(ModelSpec spec, int width) throws TrainingException {
        checkMemory(MemoryEstimate.of(spec, width), spec.training().batchSize(), width);
    }

    /**
     * Refuses a run whose estimate does not fit: the off-heap part against JavaCPP's limits
     * ({@link Pointer#maxBytes()}, {@link Pointer#maxPhysicalBytes()}), the Java batch buffers against the heap.
     */
    static void checkMemory(MemoryEstimate estimate, int batchSize, int width) throws TrainingException {
        // densify, prediction and label-mask buffers, plus transformed features and labels when the input is transformed
        long heapNeeded = 5L * batchSize * (width + 1) * Float.BYTES;
        long offHeapNeeded = estimate.totalBytes();
        long maxBytes = Pointer.maxBytes();
        long offHeapFree = maxBytes > 0 ? maxBytes - Pointer.totalBytes() : Long.MAX_VALUE;
        long maxPhysical = Pointer.maxPhysicalBytes();
        long physicalFree = maxPhysical > 0 ? maxPhysical - Pointer.physicalBytes() : Long.MAX_VALUE;
        Runtime runtime = Runtime.getRuntime();
        long heapFree = freeHeap(runtime);
        if (heapNeeded > heapFree) {
            // the heap's used part counts garbage not yet collected (a dataset opened before leaves plenty):
            // collect once before refusing
            System.gc();
            heapFree = freeHeap(runtime);
        }
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

    private static long freeHeap(Runtime runtime) {
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** Reused host and device buffers for one batch size (the last, smaller batch gets its own arrays). */
    static final class BatchBuffers {
        private final int width;
        private final int capacity;
        private final NetworkInput input;
        private final float[] dense;
        private final float[] predictions;
        private final Map<Integer, INDArray> features = new HashMap<>();
        private final Map<Integer, INDArray> preparedFeatures = new HashMap<>();
        private final Map<Integer, INDArray> labelArrays = new HashMap<>();
        private final Map<Integer, INDArray> masks = new HashMap<>();
        private float[] featureValues;
        private float[] labelValues;
        private float[] maskValues;

        BatchBuffers(int width, NetworkInput input, int capacity) {
            this.width = width;
            this.input = input;
            this.capacity = Math.max(1, capacity);
            this.dense = new float[this.capacity * width];
            this.predictions = new float[this.capacity * width];
        }

        int capacity() {
            return capacity;
        }

        NetworkInput input() {
            return input;
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
            densify(matrix, rows, scale);
            INDArray target = features.computeIfAbsent(rows.length, n -> HostArrays.matrix(n, width));
            return HostArrays.load(dense, 0, target);
        }

        /** The network's features of the first {@code count} rows of the host buffer as they are, none with a user node. */
        INDArray unchanged(int count) {
            if (!input.changesRows()) {
                return HostArrays.load(dense, 0, features.computeIfAbsent(count, n -> HostArrays.matrix(n, width)));
            }
            return prepared(new int[count], null);
        }

        /** Densifies {@code rows} into the host buffer only. */
        void densify(RatingMatrix matrix, int[] rows, float scale) {
            matrix.densify(rows, scale, dense);
        }

        /**
         * The network's features ({@link NetworkInput}) of the densified batch of {@code rows.length} rows, each row's
         * user node from {@code userNodes[rows[i]]} (null: none).
         */
        INDArray prepared(int[] rows, int[] userNodes) {
            int count = rows.length;
            int columns = input.featureWidth();
            if (featureValues == null) {
                featureValues = new float[capacity * columns];
            }
            int[] nodes = null;
            if (userNodes != null) {
                nodes = new int[count];
                for (int i = 0; i < count; i++) {
                    nodes[i] = userNodes[rows[i]];
                }
            }
            input.features(dense, 0, count, nodes, featureValues);
            INDArray target = preparedFeatures.computeIfAbsent(count, n -> HostArrays.matrix(n, columns));
            return HostArrays.load(featureValues, 0, target);
        }

        /** The labels of the densified batch ({@link NetworkInput#labels}), an array apart from the features. */
        INDArray labels(int rows) {
            if (labelValues == null) {
                labelValues = new float[capacity * width];
            }
            input.labels(dense, rows, labelValues);
            INDArray target = labelArrays.computeIfAbsent(rows, n -> HostArrays.matrix(n, width));
            return HostArrays.load(labelValues, 0, target);
        }

        /** 1 for rated cells of the last densified batch, 0 elsewhere. */
        INDArray mask(int rows) {
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
