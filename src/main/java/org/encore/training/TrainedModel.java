package org.encore.training;

import org.encore.data.Dataset;
import org.encore.data.OutputPaths;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained model, whatever engine trained it: scores rows ({@link RowScorer}), knows its spec, history and split,
 * lets its layers be looked into, and saves itself as a run folder ({@link RunFolder}). What it predicts is
 * {@link #predictsRatings()}.
 */
public interface TrainedModel extends RowScorer {
    ModelSpec spec();

    /** One record per epoch run. */
    List<EpochMetrics> history();

    /** The train/validation split the model was trained with (rows of the dataset's rating matrix). */
    TrainingPlan plan();

    /** MovieLens ids of the training users. */
    int[] trainUserIds();

    /** MovieLens ids of the validation users. */
    int[] validationUserIds();

    /** "CPU" or the GPU's name it was trained on (for a loaded run: as recorded). */
    String device();

    /** Number of weights and biases. */
    long parameterCount();

    /** Layers whose activations can be read, input side first; the latent layer is named "coding" (a VAE's mean). */
    List<String> layerNames();

    /** Units of {@code layer}, one of {@link #layerNames()}. */
    int layerWidth(String layer);

    /**
     * Inference-mode activations of {@code layer} for {@code rows} input rows ({@code inputs} row-major,
     * rows x {@link #width()}) into {@code out} (rows x {@link #layerWidth}).
     */
    void activations(String layer, float[] inputs, int rows, float[] out);

    /** The output layer's weights as one vector per movie: {@link #width()} rows x {@link #movieVectorWidth()}, row-major. */
    float[] movieVectors();

    /** Length of each movie's vector in {@link #movieVectors()} (the output layer's fan-in). */
    int movieVectorWidth();
    /**
     * Writes the run folder (spec JSON, parameters, dataset identity, split, history, each file hashed) complete or
     * not at all, never over an existing run or non-empty folder ({@link OutputPaths.Refused} then).
     */
    default void save(Path runDir, Dataset dataset) throws IOException {
        save(runDir, dataset, Overwrite.REFUSE);
    }

    /** As {@link #save(Path, Dataset)}; with {@link Overwrite#REPLACE} an existing folder is replaced once the new one is complete. */
    void save(Path runDir, Dataset dataset, Overwrite overwrite) throws IOException;

    @Override
    default String name() {
        return spec().name();
    }

    @Override
    default double valueScale() {
        return spec().valueScale();
    }

    /** Whether the spec's loss trains the outputs to be ratings. */
    @Override
    default boolean predictsRatings() {
        return spec().loss().predictsRatings();
    }
}
