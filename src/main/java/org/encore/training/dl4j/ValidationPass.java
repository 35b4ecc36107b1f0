package org.encore.training.dl4j;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.RatingMatrix;
import org.encore.training.Histogram;
import org.encore.training.RankingMetrics;
import org.encore.training.RegressionMetrics;
import org.encore.training.RunControl;
import org.encore.training.SplitMetrics;
import org.encore.training.ValidationRanking;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-epoch pass over the validation users, in inference mode: their regression metrics ({@link RegressionMetrics}
 * of their full rows) and their NDCG@100 / Recall@20 ({@link ValidationRanking}: their fold-in rows), from one
 * forward pass per mini-batch. Each mini-batch stacks up to the buffers' capacity of rows: the validation users'
 * full rows first, then (once those are all taken) their fold-in rows, so that at ml-latest-small's size both come
 * from a single forward pass, and at ml-32m's the ranking adds no pass of its own beyond its rows. The first
 * mini-batch's every-layer activations (on its validation users' full rows) become the layer statistics' activation
 * histograms, so those cost no forward pass either. Each row is scored exactly as in a pass of its own.
 */
final class ValidationPass {
    /**
     * @param metrics     the validation users' regression metrics
     * @param ranking     their NDCG@100 and Recall@20
     * @param activations per layer, the histogram of its activations on the first mini-batch's validation rows
     */
    record Result(SplitMetrics metrics, RankingMetrics ranking, List<Histogram> activations) {
    }

    private final RatingMatrix matrix;
    private final int[] rows;
    private final ValidationRanking ranking;
    private final double valueScale;

    ValidationPass(RatingMatrix matrix, int[] validationRows, ValidationRanking ranking, double valueScale) {
        this.matrix = matrix;
        this.rows = validationRows.clone();
        this.ranking = ranking;
        this.valueScale = valueScale;
    }

    /** Runs the pass with the network as it is now; null when cancelled. */
    Result run(MultiLayerNetwork network, Trainer.BatchBuffers buffers, RunControl token) {
        int width = matrix.movieCount();
        int capacity = buffers.capacity();
        float scale = (float) valueScale;
        float[] dense = buffers.dense();
        float[] predictions = buffers.predictions();
        RegressionMetrics metrics = new RegressionMetrics(width);
        List<Histogram> activations = null;
        int users = ranking.users();
        int nextRow = 0;
        int nextUser = 0;
        while (nextRow < rows.length || nextUser < users) {
            if (token.isCancelled()) {
                return null;
            }
            int full = Math.min(capacity, rows.length - nextRow);
            int folded = Math.min(capacity - full, users - nextUser);
            matrix.densify(Arrays.copyOfRange(rows, nextRow, nextRow + full), scale, dense, 0);
            ranking.foldIn(nextUser, folded, scale, dense, full * width);
            INDArray features = buffers.unchanged(full + folded);
            if (activations == null) {
                activations = forwardWithActivations(network, features, predictions, full, width);
            } else {
                Dl4jTrainedModel.predictInto(network, features, predictions, 0);
            }
            if (full > 0) {
                metrics.add(dense, predictions, full);
            }
            for (int i = 0; i < folded; i++) {
                ranking.add(nextUser + i, predictions, (full + i) * width);
            }
            nextRow += full;
            nextUser += folded;
        }
        return new Result(metrics.result(valueScale), ranking.finish(), activations == null ? List.of() : activations);
    }

    /**
     * One inference forward pass keeping every layer's activations: the output into {@code predictions}, and per layer
     * the histogram of its activations on the batch's first {@code rows} rows.
     */
    private static List<Histogram> forwardWithActivations(MultiLayerNetwork network, INDArray features, float[] predictions,
                                                          int rows, int width) {
        List<INDArray> layers = network.feedForward(features, false); // the input, then every layer's output
        HostArrays.store(layers.get(layers.size() - 1), predictions, 0);
        List<Histogram> histograms = new ArrayList<>(layers.size() - 1);
        for (int i = 1; i < layers.size(); i++) {
            INDArray activation = layers.get(i);
            FloatBuffer values;
            if (i == layers.size() - 1) {
                values = FloatBuffer.wrap(predictions, 0, rows * width);
            } else {
                values = HostArrays.readOnlyValues(activation.size(0) == rows ? activation
                        : activation.get(NDArrayIndex.interval(0, rows), NDArrayIndex.all()));
            }
            histograms.add(Histogram.of(values, LayerStatisticsCollector.BINS));
        }
        return List.copyOf(histograms);
    }
}
