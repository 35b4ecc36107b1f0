package org.encore.training;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained autoencoder: scores rows, knows its spec and history, saves to and loads from a run folder
 * (see {@link RunFolder} for the layout). Scoring is synchronized: one network serves one thread at a time.
 */
public final class TrainedModel implements RowScorer {
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
    /** Reused input arrays: one of SCORE_BATCH rows and one for the last partial batch seen. */
    private INDArray fullBatch;
    private INDArray partialBatch;

    TrainedModel(ModelSpec spec, MultiLayerNetwork network, int width, TrainingPlan plan, RatingMatrix matrix,
                 List<EpochMetrics> history, String device) {
        this(spec, network, width, plan, plan.trainUserIds(matrix), plan.validationUserIds(matrix), history, device);
    }

    TrainedModel(ModelSpec spec, MultiLayerNetwork network, int width, TrainingPlan plan, int[] trainUserIds,
                 int[] validationUserIds, List<EpochMetrics> history, String device) {
        this.spec = spec;
        this.network = network;
        this.width = width;
        this.plan = plan;
        this.trainUserIds = trainUserIds;
        this.validationUserIds = validationUserIds;
        this.history = List.copyOf(history);
        this.device = device;
    }

    public ModelSpec spec() {
        return spec;
    }

    public List<EpochMetrics> history() {
        return history;
    }

    /** The train/validation split the model was trained with (rows of the dataset's rating matrix). */
    public TrainingPlan plan() {
        return plan;
    }

    /** MovieLens ids of the training users. */
    public int[] trainUserIds() {
        return trainUserIds.clone();
    }

    /** MovieLens ids of the validation users. */
    public int[] validationUserIds() {
        return validationUserIds.clone();
    }

    /** "CPU" or the GPU's name, as the ND4J backend reports it (for a loaded run: the device it was trained on). */
    public String device() {
        return device;
    }

    /** Number of weights and biases. */
    public long parameterCount() {
        return network.numParams();
    }

    /** The DL4J network (same package only: the training code and its tests). */
    MultiLayerNetwork network() {
        return network;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public double valueScale() {
        return spec.valueScale();
    }

    /** Runs the network in inference mode (no dropout), {@link #SCORE_BATCH} rows at a time. */
    @Override
    public synchronized void score(float[] inputsRowMajor, int rows, float[] outputs) {
        if (rows < 0 || inputsRowMajor.length < (long) rows * width || outputs.length < (long) rows * width) {
            throw new IllegalArgumentException("score needs " + rows + " x " + width + " floats in and out, got "
                    + inputsRowMajor.length + " and " + outputs.length);
        }
        for (int from = 0; from < rows; from += SCORE_BATCH) {
            int count = Math.min(SCORE_BATCH, rows - from);
            INDArray target = inputArray(count);
            INDArray batch = HostArrays.load(inputsRowMajor, from * width, target);
            predictInto(network, batch, outputs, from * width);
        }
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
    static void predictInto(MultiLayerNetwork network, INDArray features, float[] out) {
        predictInto(network, features, out, 0);
    }

    static void predictInto(MultiLayerNetwork network, INDArray features, float[] out, int offset) {
        network.output(features, null, null, outputs -> {
            HostArrays.store(outputs[0], out, offset);
            return null;
        });
    }

    /** Layers whose activations can be read, input side first; the latent layer is named "coding" (a VAE's mean). */
    public List<String> layerNames() {
        return LayerNames.of(spec);
    }

    public int layerWidth(String layer) {
        return network.layerSize(layerIndex(layer));
    }

    /** Inference-mode activations of `layer` for `rows` input rows (row-major rows x width()) into out (rows x layerWidth). */
    public synchronized void activations(String layer, float[] inputs, int rows, float[] out) {
        int index = layerIndex(layer);
        int layerWidth = network.layerSize(index);
        if (rows < 0 || inputs.length < (long) rows * width || out.length < (long) rows * layerWidth) {
            throw new IllegalArgumentException("activations of '" + layer + "' need " + rows + " x " + width + " floats in and "
                    + rows + " x " + layerWidth + " out, got " + inputs.length + " and " + out.length);
        }
        for (int from = 0; from < rows; from += SCORE_BATCH) {
            int count = Math.min(SCORE_BATCH, rows - from);
            INDArray batch = HostArrays.load(inputs, from * width, inputArray(count));
            List<INDArray> layers = network.feedForwardToLayer(index, batch, false);
            HostArrays.store(layers.get(layers.size() - 1), out, from * layerWidth);
        }
    }

    /** The output layer's weights as one vector per movie: width() rows x movieVectorWidth() (row-major). */
    public synchronized float[] movieVectors() {
        INDArray weights = network.getOutputLayer().getParam("W"); // nIn x width
        float[] out = new float[(int) weights.length()];
        HostArrays.store(weights.transpose().dup('c'), out, 0);
        return out;
    }

    public int movieVectorWidth() {
        return (int) network.getOutputLayer().getParam("W").size(0);
    }

    private int layerIndex(String layer) {
        List<String> names = layerNames();
        int index = names.indexOf(layer);
        if (index < 0) {
            throw new IllegalArgumentException("'" + layer + "' is not a layer of " + spec.name() + "; its layers are "
                    + String.join(", ", names));
        }
        return index;
    }

    /** Writes the run folder (spec JSON, parameters, dataset identity, split, history) atomically. */
    public void save(Path runDir, Dataset dataset) throws IOException {
        RunFolder.save(this, runDir, dataset);
    }

    /** Loads a run folder; refuses (with the reason) one whose spec, shapes or dataset do not match. */
    public static TrainedModel load(Path runDir, Dataset dataset) throws IOException, TrainingException {
        return RunFolder.load(runDir, dataset);
    }
}
