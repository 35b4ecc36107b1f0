package org.encore.model;

import java.util.List;

import static org.encore.model.Activation.SELU;
import static org.encore.model.Activation.SIGMOID;
import static org.encore.model.LayerSpec.dense;
import static org.encore.model.LayerSpec.dropout;

/** The four reference architectures (DESIGN.md section 2), as built-in presets "model1" .. "model4". */
public final class Presets {
    public static final List<String> NAMES = List.of("model1", "model2", "model3", "model4");
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

    public static List<ModelSpec> all() {
        return List.of(model1(), model2(), model3(), model4());
    }

    /** The preset called {@code name}, or null. */
    public static ModelSpec byName(String name) {
        return switch (name) {
            case "model1" -> model1();
            case "model2" -> model2();
            case "model3" -> model3();
            case "model4" -> model4();
            default -> null;
        };
    }

    private static ModelSpec spec(String name, List<LayerSpec> layers, double lr, int batch) {
        return new ModelSpec(name, layers, OptimizerSpec.adam(lr), LossType.MSE, batch, 30, 0.1, 0.2, SEED, ModelSpec.REFERENCE_SCALE);
    }
}
