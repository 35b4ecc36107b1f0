package org.encore.training;

import org.encore.model.LayerSpec;
import org.encore.model.ModelSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names of a spec's network layers, input side first, as {@link TrainedModel#layerNames()} and the layer statistics
 * report them: a dense layer keeps the name the spec gives it (the latent layer is "coding" in the presets), an
 * unnamed (or repeated) one is "dense_i" (made unique) with i its 0-based position among the dense layers; the implicit output
 * layer is "output". Dropout is not a layer of its own (DESIGN.md section 2).
 */
public final class LayerNames {
    public static final String OUTPUT = "output";
    public static final String CODING = "coding";

    private LayerNames() {
    }

    public static List<String> of(ModelSpec spec) {
        List<String> names = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add(OUTPUT);
        int dense = 0;
        for (LayerSpec layer : spec.architecture().layers()) {
            if (layer instanceof LayerSpec.Dense d) {
                String name = d.name() == null || d.name().isBlank() ? null : d.name();
                if (name == null || !taken.add(name)) {
                    name = "dense_" + dense;
                    for (int k = 2; !taken.add(name); k++) {
                        name = "dense_" + dense + "_" + k;
                    }
                }
                names.add(name);
                dense++;
            }
        }
        names.add(OUTPUT);
        return List.copyOf(names);
    }
}
