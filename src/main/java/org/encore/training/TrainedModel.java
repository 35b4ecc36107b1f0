package org.encore.training;

import org.encore.data.Dataset;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained autoencoder: scores rows, knows its spec and history, saves to and loads from a run folder.
 * CONTRACT STUB: the training owner implements it; the public signatures stay.
 */
public final class TrainedModel implements RowScorer {

    private TrainedModel() {
    }

    public ModelSpec spec() { throw new UnsupportedOperationException(); }

    public List<EpochMetrics> history() { throw new UnsupportedOperationException(); }

    /** "CPU" or the GPU's name, as the ND4J backend reports it. */
    public String device() { throw new UnsupportedOperationException(); }

    @Override
    public String name() { throw new UnsupportedOperationException(); }

    @Override
    public int width() { throw new UnsupportedOperationException(); }

    @Override
    public double valueScale() { throw new UnsupportedOperationException(); }

    @Override
    public void score(float[] inputs, int rows, float[] outputs) { throw new UnsupportedOperationException(); }

    /** Writes the run folder (spec JSON, parameters, dataset identity, split, history) atomically. */
    public void save(Path runDir, Dataset dataset) throws IOException { throw new UnsupportedOperationException(); }

    /** Loads a run folder; refuses (with the reason) one whose spec, shapes or dataset do not match. */
    public static TrainedModel load(Path runDir, Dataset dataset) throws IOException, TrainingException {
        throw new UnsupportedOperationException("TrainedModel.load not implemented yet");
    }
}
