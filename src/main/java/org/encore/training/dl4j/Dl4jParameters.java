package org.encore.training.dl4j;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.training.RunFolder;
import org.encore.training.TrainingException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network's parameters for the run folder: DL4J's flattened parameter vector (layer by layer, weights then
 * biases) handed to {@link RunFolder} in chunks, and read back into a freshly built network.
 */
final class Dl4jParameters implements RunFolder.ParameterSource {
    private final MultiLayerNetwork network;

    private Dl4jParameters(MultiLayerNetwork network) {
        this.network = network;
    }

    static Dl4jParameters of(MultiLayerNetwork network) {
        return new Dl4jParameters(network);
    }

    @Override
    public long count() {
        return network.numParams();
    }

    @Override
    public List<long[]> layerShapes() {
        List<long[]> shapes = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            shapes.add(layerShape(layer));
        }
        return shapes;
    }

    /** [fan-in, units] of a built layer (every layer Encore builds is a feed-forward one). */
    static long[] layerShape(Layer layer) {
        FeedForwardLayer conf = (FeedForwardLayer) layer.conf().getLayer();
        return new long[]{conf.getNIn(), conf.getNOut()};
    }

    @Override
    public void forEachChunk(RunFolder.ChunkConsumer chunks) throws IOException {
        INDArray params = network.params();
        INDArray flat = params.dataType() == DataType.FLOAT ? params : params.castTo(DataType.FLOAT);
        long length = flat.length();
        INDArray row = flat.reshape(length);
        for (long from = 0; from < length; from += RunFolder.CHUNK_FLOATS) {
            int count = (int) Math.min(RunFolder.CHUNK_FLOATS, length - from);
            float[] values = row.get(NDArrayIndex.interval(from, from + count)).toFloatVector();
            chunks.accept(from, values, count);
        }
    }

    /** Reads the folder's parameters into {@code network} (built from the folder's spec, shapes already checked). */
    static void load(RunFolder.Contents contents, MultiLayerNetwork network) throws IOException, TrainingException {
        INDArray params = Nd4j.createUninitialized(DataType.FLOAT, 1, network.numParams());
        INDArray row = params.reshape(params.length());
        RunFolder.readParameters(contents, (offset, values, count) -> row.get(NDArrayIndex.interval(offset, offset + count))
                .assign(Nd4j.createFromArray(count == values.length ? values : Arrays.copyOf(values, count))));
        network.setParams(params);
    }
}
