package org.encore.training.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.Dataset;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.model.ModelSpec;
import org.encore.training.EpochMetrics;
import org.encore.training.RunFolder;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingPlan;
import org.encore.training.dl4j.kinds.GaussianCodingLayerImpl;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model trained (or loaded) by the DL4J engine: one {@link MultiLayerNetwork}. Scoring and reading activations
 * are synchronized: one network serves one thread at a time.
 */
final class Dl4jTrainedModel implements TrainedModel {
    /** Rows per forward pass when scoring: bounds the memory of a large {@link #score} call. */
    static final int SCORE_BATCH = 256;

    private final ModelSpec spec;
    private final MultiLayerNetwork network;
    private final int width;
    private final TrainingPlan plan;
    private final int[] trainUserIds;
    private final int[] validationUserIds;
    private final List<EpochMetrics> history;
    private final String device;
    private final List<String> layerNames;
    private final NetworkInput input;
    /** Reused input arrays: one of SCORE_BATCH rows and one for the last partial batch seen. */
    private INDArray fullBatch;
    private INDArray partialBatch;
    /** Host features of one batch when the input is transformed. */
    private float[] featureValues;

    Dl4jTrainedModel(ModelSpec spec, MultiLayerNetwork network, int width, TrainingPlan plan, int[] trainUserIds,
                     int[] validationUserIds, List<EpochMetrics> history, String device) {
        this.spec = spec;
        this.network = network;
        this.width = width;
        this.plan = plan;
        this.trainUserIds = trainUserIds;
        this.validationUserIds = validationUserIds;
        this.history = List.copyOf(history);
        this.device = device;
        List<String> names = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            names.add(layer.conf().getLayer().getLayerName());
        }
        this.layerNames = List.copyOf(names);
        this.input = new NetworkInput(spec, width);
    }

    /** Ranking-only when the loss's outputs are not ratings (multinomial logits, logistic probabilities). */
    @Override
    public boolean predictsRatings() {
        return spec.loss().predictsRatings();
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public List<EpochMetrics> history() {
        return history;
    }

    @Override
    public TrainingPlan plan() {
        return plan;
    }

    @Override
    public int[] trainUserIds() {
        return trainUserIds.clone();
    }

    @Override
    public int[] validationUserIds() {
        return validationUserIds.clone();
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public long parameterCount() {
        return network.numParams();
    }

    /** The DL4J network (this package only: the engine and its tests). */
    MultiLayerNetwork network() {
        return network;
    }

    @Override
    public int width() {
        return width;
    }

    /** DL4J's layer names, input side first: the spec's names ("coding"), DL4J's "layerN" for unnamed ones, "output". */
    @Override
    public List<String> layerNames() {
        return layerNames;
    }

    /** Units of the layer's activations (a Gaussian coding's mean: half its [mean | log-variance] heads). */
    @Override
    public int layerWidth(String layer) {
        Layer built = network.getLayer(indexOf(layer));
        if (built instanceof GaussianCodingLayerImpl gaussian) {
            return (int) gaussian.layerConf().codingSize();
        }
        return (int) Dl4jParameters.layerShape(built)[1];
    }

    private int indexOf(String layer) {
        int index = layerNames.indexOf(layer);
        if (index < 0) {
            throw new IllegalArgumentException("no layer '" + layer + "'; the layers are " + layerNames);
        }
        return index;
    }

    /**
     * Runs the network in inference mode (no dropout), {@link #SCORE_BATCH} rows at a time, on the rows after the
     * spec's input transform ({@link NetworkInput}; CDAE with no user node), as in training.
     */
    @Override
    public synchronized void score(float[] inputsRowMajor, int rows, float[] outputs) {
        requireRows(inputsRowMajor, rows, outputs, width);
        for (int from = 0; from < rows; from += SCORE_BATCH) {
            int count = Math.min(SCORE_BATCH, rows - from);
            predictInto(network, batch(inputsRowMajor, from, count), outputs, from * width);
        }
    }

    @Override
    public synchronized void activations(String layer, float[] inputs, int rows, float[] out) {
        int index = indexOf(layer);
        int units = layerWidth(layer);
        requireRows(inputs, rows, out, units);
        for (int from = 0; from < rows; from += SCORE_BATCH) {
            int count = Math.min(SCORE_BATCH, rows - from);
            List<INDArray> activations = network.feedForwardToLayer(index, batch(inputs, from, count), false);
            HostArrays.store(activations.get(index + 1), out, from * units);
        }
    }

    private void requireRows(float[] inputs, int rows, float[] out, int outWidth) {
        if (rows < 0 || inputs.length < (long) rows * width || out.length < (long) rows * outWidth) {
            throw new IllegalArgumentException("needs " + rows + " x " + width + " floats in and " + rows + " x "
                    + outWidth + " out, got " + inputs.length + " and " + out.length);
        }
    }

    /** The output layer's weights W (fan-in x width) transposed: one row per movie. */
    @Override
    public synchronized float[] movieVectors() {
        INDArray weights = network.getLayer(network.getnLayers() - 1).getParam("W");
        float[] vectors = new float[(int) weights.length()];
        HostArrays.store(weights.transpose().dup('c'), vectors, 0);
        return vectors;
    }

    @Override
    public int movieVectorWidth() {
        return (int) Dl4jParameters.layerShape(network.getLayer(network.getnLayers() - 1))[0];
    }

    /** Rows {@code from .. from + count - 1} of {@code rows} as the network's features. */
    private INDArray batch(float[] rows, int from, int count) {
        if (!input.changesRows()) {
            return HostArrays.load(rows, from * width, inputArray(count));
        }
        int columns = input.featureWidth();
        if (featureValues == null) {
            featureValues = new float[SCORE_BATCH * columns];
        }
        input.features(rows, from * width, count, null, featureValues);
        return HostArrays.load(featureValues, 0, inputArray(count));
    }

    private INDArray inputArray(int rows) {
        int columns = input.featureWidth();
        if (rows == SCORE_BATCH) {
            if (fullBatch == null) {
                fullBatch = HostArrays.matrix(rows, columns);
            }
            return fullBatch;
        }
        if (partialBatch == null || partialBatch.size(0) != rows) {
            partialBatch = HostArrays.matrix(rows, columns);
        }
        return partialBatch;
    }

    /** Forward pass in inference mode, copying the output straight out of DL4J's workspace into {@code out}. */
    static void predictInto(MultiLayerNetwork network, INDArray features, float[] out, int offset) {
        network.output(features, null, null, outputs -> {
            HostArrays.store(outputs[0], out, offset);
            return null;
        });
    }

    @Override
    public synchronized void save(Path runDir, Dataset dataset, Overwrite overwrite) throws IOException {
        RunFolder.save(this, Dl4jParameters.of(network), runDir, dataset, overwrite);
    }
}
