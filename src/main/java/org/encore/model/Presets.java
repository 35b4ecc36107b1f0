package org.encore.model;

import java.util.List;

import static org.encore.model.Activation.SELU;
import static org.encore.model.Activation.SIGMOID;
import static org.encore.model.LayerSpec.dense;
import static org.encore.model.LayerSpec.dropout;

/**
 * The built-in specs: the four reference autoencoders "model1" .. "model4" (docs/DESIGN.md, "Model kinds").
 * A preset is one method here and one entry in {@link #all()}.
 */
public final class Presets {
    private static final long SEED = 42;

    private Presets() {
    }

    public static ModelSpec model1() {
        return spec("model1", List.of(dense(1024, SELU), dense(512, SIGMOID), dropout(0.5),
                dense(512, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-4, 512);
    }

    public static ModelSpec model2() {
        return spec("model2", List.of(dense(1024, SELU), dense(512, SELU), dropout(0.5),
                dense(384, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-4, 256);
    }

    public static ModelSpec model3() {
        return spec("model3", List.of(dense(1024, SELU), dense(512, SELU),
                dense(384, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-3, 256);
    }

    public static ModelSpec model4() {
        return spec("model4", List.of(dense(1024, SELU), dense(512, SELU),
                dense(64, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-3, 256);
    }

    /** Every preset, in the order they are listed. */
    public static List<ModelSpec> all() {
        return List.of(model1(), model2(), model3(), model4());
    }

    /** The presets' names, in order. */
    public static final List<String> NAMES = all().stream().map(ModelSpec::name).toList();

    /** The preset called {@code name}, or null. */
    public static ModelSpec byName(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** A reference autoencoder: MSE on rating / 5, 30 epochs on 10% of the users, 20% of them validating. */
    private static ModelSpec spec(String name, List<LayerSpec> layers, double lr, int batch) {
        return ModelSpec.builder()
                .name(name)
                .autoencoder(layers)
                .input(InputSpec.reference())
                .loss(LossType.MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(lr)).batchSize(batch).epochs(30)
                        .usersFraction(0.1).validationFraction(0.2).seed(SEED).build())
                .build();
    }
}
