package org.encore.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.ArrayList;
import java.util.List;

/**
 * The kind of model a spec trains and that kind's own settings. Serialised with a "type" name, never a class name
 * (as {@link LayerSpec}). A kind checks its own fields and sizes itself, so that validation and the memory estimate
 * need no list of kinds; the engine has one builder per kind (docs/DESIGN.md, "Adding a model kind").
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Architecture.Autoencoder.class, name = "autoencoder")
})
public sealed interface Architecture permits Architecture.Autoencoder {

    /** The hidden layers, input side first (what the designer's layer stack edits); the latent one is named "coding". */
    List<LayerSpec> layers();

    /** The same kind and settings with other hidden layers. */
    Architecture withLayers(List<LayerSpec> layers);

    /** Problems with this architecture's own fields, each named by its JSON path from the spec's root. */
    List<SpecError> validate();

    /** Weights and biases at {@code width} movie columns. */
    long parameters(int width);

    /** Floats held per training sample for activations and their gradients (and dropout masks). */
    long activationFloatsPerSample(int width);

    /**
     * The reference dense autoencoder: the hidden layers in order, input side first, then an implicit output layer
     * Dense(width movies, linear). The latent layer is the dense layer named "coding".
     *
     * @param layers hidden dense and dropout layers (Keras semantics, docs/DESIGN.md "Model kinds")
     */
    record Autoencoder(List<LayerSpec> layers) implements Architecture {
        public Autoencoder {
            layers = layers == null ? List.of() : List.copyOf(layers);
        }

        @Override
        public Autoencoder withLayers(List<LayerSpec> newLayers) {
            return new Autoencoder(newLayers);
        }

        @Override
        public List<SpecError> validate() {
            List<SpecError> errors = new ArrayList<>();
            int denseCount = 0;
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec layer = layers.get(i);
                String field = "architecture.layers[" + i + "]";
                if (layer == null) {
                    errors.add(new SpecError(field, "is missing (expected a dense or dropout layer)"));
                } else if (layer instanceof LayerSpec.Dense dense) {
                    denseCount++;
                    if (dense.units() <= 0) {
                        errors.add(new SpecError(field + ".units", "must be > 0, got " + dense.units()));
                    } else if (dense.units() > SpecValidator.MAX_UNITS) {
                        errors.add(new SpecError(field + ".units", "must be at most " + SpecValidator.MAX_UNITS
                                + ", got " + dense.units()));
                    }
                    if (dense.activation() == null) {
                        errors.add(new SpecError(field + ".activation", "is missing (expected one of "
                                + Activation.kerasNames() + ")"));
                    }
                } else if (layer instanceof LayerSpec.Dropout dropout) {
                    double rate = dropout.rate();
                    if (!(rate >= 0 && rate < 1)) {
                        errors.add(new SpecError(field + ".rate", "must be in [0, 1) (the fraction of units dropped), got " + rate));
                    }
                }
            }
            if (denseCount == 0) {
                errors.add(new SpecError("architecture.layers", "needs at least one dense hidden layer"));
            }
            return errors;
        }

        @Override
        public long parameters(int width) {
            long parameters = 0;
            long fanIn = width;
            for (LayerSpec layer : layers) {
                if (layer instanceof LayerSpec.Dense dense) {
                    parameters += fanIn * dense.units() + dense.units();
                    fanIn = dense.units();
                }
            }
            return parameters + fanIn * width + width;
        }

        @Override
        public long activationFloatsPerSample(int width) {
            long cells = 0;
            long fanIn = width;
            boolean dropoutPending = false;
            for (LayerSpec layer : layers) {
                if (layer instanceof LayerSpec.Dense dense) {
                    // pre-activation, activation and the gradient of each, per sample
                    cells += 2L * dense.units() + (dropoutPending ? fanIn : 0);
                    fanIn = dense.units();
                    dropoutPending = false;
                } else if (layer instanceof LayerSpec.Dropout dropout && dropout.rate() > 0) {
                    dropoutPending = true;
                }
            }
            return cells + 2L * width + (dropoutPending ? fanIn : 0);
        }
    }
}
