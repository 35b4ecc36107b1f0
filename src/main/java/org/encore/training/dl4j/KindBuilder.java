package org.encore.training.dl4j;

import org.deeplearning4j.nn.conf.layers.Layer;
import org.encore.model.Architecture;
import org.encore.model.ModelSpec;

import java.util.List;

/**
 * Builds the DL4J layers of one model kind; {@link NetworkFactory} adds the settings every kind shares. Adding a model
 * kind means one {@link Architecture} record, one of these (listed in NetworkFactory), one preset and their tests
 * (docs/DESIGN.md, "Adding a model kind").
 *
 * @param <A> the kind's architecture record
 */
interface KindBuilder<A extends Architecture> {
    /** The architecture record this builder builds. */
    Class<A> kind();

    /**
     * The layers of {@code architecture} (that of {@code spec}) over {@code width} movie columns, output layer last;
     * {@code trainUsers} is the plan's number of training users (0 when unknown: kinds that need it refuse). Plain
     * DL4J layers: {@link NetworkFactory} swaps in Encore's faster equivalents ({@link NetworkFactory#withOptimizedLayers}).
     */
    List<Layer> layers(A architecture, ModelSpec spec, int width, int trainUsers);

    /** {@link #layers} for a spec already known to be of this kind. */
    default List<Layer> layersOf(ModelSpec spec, int width, int trainUsers) {
        return layers(kind().cast(spec.architecture()), spec, width, trainUsers);
    }
}
