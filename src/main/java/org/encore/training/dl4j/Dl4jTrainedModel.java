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
    /** Reused input arrays: one of SCORE_BATCH rows and one for the last partial batch seen. */
    private INDArray fullBatch;
    private INDArray partialBatch;

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

    @Override
    public int layerWidth(String layer) {
        return (int) Dl4jParameters.layerShape(network.getLayer(indexOf(layer)))[1];
    }

    private int indexOf(String layer) {
        int index = layerNames.indexOf(layer);
        if (index < 0) {
            throw new IllegalArgumentException("no layer '" + layer + "'; the layers are " + layerNames);
        }
        return index;
    }

    /** Runs the network in inference mode (no dropout), {@link #SCORE_BATCH} rows at a time. */
    @Override
    public synchronized void score(float[] inputsRowMajor, int rows, float[] outputs) {
        requireRows(inputsRowMajor, rows, outputs, width);
        for (int from = 0; from < rows; from += SCORE_BATCH) {
            int count = Math.min(SCORE_BATCH, rows - from);
            INDArray batch = HostArrays.load(inputsRowMajor, from * width, inputArray(count));
            predictInto(network, batch, outputs, from * width);
        }
    }

    @Override
    public synchronized void activations(String layer, float[] inputs, int rows, float[] out) {
        int index = indexOf(layer);
        int units = layerWidth(layer);
        requireRows(inputs, rows, out, units);
        for (int from = 0; from < rows; from += SCORE_BATCH) {
            int count = Math.min(SCORE_BATCH, rows - from);
            INDArray batch = HostArrays.load(inputs, from * width, inputArray(count));
            List<INDArray> activations = network.feedForwardToLayer(index, batch, false);
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

    private INDArray inputArray(int rows) {
        if (rows == SCORE_BATCH) {
            if (fullBatch == null) {
                fullBatch = HostArrays.matrix(rows, width);
            }
            return fullBatch;
        }
        if (partialBatch == null || partialBatch.size(0) != rows) {
            partialBatch = HostArrays.matrix(rows, width);
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
