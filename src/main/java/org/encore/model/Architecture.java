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
        @JsonSubTypes.Type(value = Architecture.Autoencoder.class, name = "autoencoder"),
        @JsonSubTypes.Type(value = Architecture.Vae.class, name = "vae"),
        @JsonSubTypes.Type(value = Architecture.Cdae.class, name = "cdae")
})
public sealed interface Architecture permits Architecture.Autoencoder, Architecture.Vae, Architecture.Cdae {

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

    /**
     * A variational autoencoder with a Gaussian coding (Liang et al. 2018, Mult-VAE; DESIGN.md section 7): the input
     * (with dropout {@code inputDropout} while training), dense encoder layers, a coding of {@code coding} units whose
     * mean and log-variance heads are sampled by reparameterisation while training (the mean at inference: the layer
     * "coding"), dense decoder layers, then a linear output as wide as the input. The loss gains beta * KL(q(z|x) ||
     * N(0, I)), beta = min(betaCap, step / annealSteps).
     *
     * @param encoder      widths of the encoder's dense layers, input side first (Liang: [600])
     * @param coding       width of the Gaussian coding (Liang: 200)
     * @param decoder      widths of the decoder's dense layers; must mirror the encoder (Liang: [600])
     * @param activation   activation of every encoder and decoder layer (Liang: tanh)
     * @param inputDropout fraction of the input dropped while training, Keras rate (Liang: 0.5)
     * @param betaCap      the largest KL weight (Liang: 0.2)
     * @param annealSteps  updates over which beta grows as step / annealSteps; 0 = scaled to the run, so that beta
     *                     reaches the cap at the last update (Liang: 200,000 on ML-20M)
     */
    record Vae(List<Integer> encoder, int coding, List<Integer> decoder, Activation activation, double inputDropout,
               double betaCap, int annealSteps) implements Architecture {
        public Vae {
            encoder = encoder == null ? null : List.copyOf(encoder);
            decoder = decoder == null ? null : List.copyOf(decoder);
        }

        /** The hidden layers as the designer shows them: input dropout, encoder, "coding", decoder. */
        @Override
        public List<LayerSpec> layers() {
            List<LayerSpec> layers = new ArrayList<>();
            if (inputDropout > 0) {
                layers.add(LayerSpec.dropout(inputDropout));
            }
            encoder().forEach(units -> layers.add(LayerSpec.dense(units, activation)));
            layers.add(LayerSpec.dense(coding, activation, "coding"));
            decoder().forEach(units -> layers.add(LayerSpec.dense(units, activation)));
            return layers;
        }

        /**
         * Reads a layer stack back: a leading dropout is the input dropout, the dense layer named "coding" (else the
         * middle one) the coding, those before it the encoder and those after it the decoder.
         */
        @Override
        public Vae withLayers(List<LayerSpec> layers) {
            List<LayerSpec.Dense> dense = new ArrayList<>();
            double dropout = 0;
            for (LayerSpec layer : layers) {
                if (layer instanceof LayerSpec.Dense d) {
                    dense.add(d);
                } else if (layer instanceof LayerSpec.Dropout d && dense.isEmpty()) {
                    dropout = d.rate();
                }
            }
            if (dense.isEmpty()) {
                return new Vae(List.of(), 0, List.of(), activation, dropout, betaCap, annealSteps);
            }
            int at = dense.size() / 2;
            for (int i = 0; i < dense.size(); i++) {
                if ("coding".equals(dense.get(i).name())) {
                    at = i;
                }
            }
            return new Vae(dense.subList(0, at).stream().map(LayerSpec.Dense::units).toList(), dense.get(at).units(),
                    dense.subList(at + 1, dense.size()).stream().map(LayerSpec.Dense::units).toList(),
                    dense.get(at).activation(), dropout, betaCap, annealSteps);
        }

        @Override
        public List<SpecError> validate() {
            List<SpecError> errors = new ArrayList<>();
            if (encoder == null) {
                errors.add(new SpecError("architecture.encoder", "is missing (expected the encoder's widths, e.g. [600])"));
            } else {
                checkWidths(encoder, "architecture.encoder", errors);
            }
            if (decoder == null) {
                errors.add(new SpecError("architecture.decoder", "is missing (expected the decoder's widths, e.g. [600])"));
            } else {
                checkWidths(decoder, "architecture.decoder", errors);
                if (encoder != null && !reversed(encoder).equals(decoder)) {
                    errors.add(new SpecError("architecture.decoder", "must mirror the encoder (expected "
                            + reversed(encoder) + ", got " + decoder + ")"));
                }
            }
            checkUnits(coding, "architecture.coding", errors);
            checkActivation(activation, errors);
            checkDropout(inputDropout, "architecture.inputDropout", errors);
            if (!(betaCap >= 0) || Double.isInfinite(betaCap)) {
                errors.add(new SpecError("architecture.betaCap", "must be >= 0 (the largest KL weight; Liang 0.2), got " + betaCap));
            }
            if (annealSteps < 0) {
                errors.add(new SpecError("architecture.annealSteps", "must be >= 0 (0 = scaled to the run), got " + annealSteps));
            }
            return errors;
        }

        /** The dense widths from input to output: width, encoder, coding, decoder, width. */
        private List<Integer> chain(int width) {
            List<Integer> chain = new ArrayList<>();
            chain.add(width);
            chain.addAll(encoder());
            chain.add(coding);
            chain.addAll(decoder());
            chain.add(width);
            return chain;
        }

        @Override
        public long parameters(int width) {
            List<Integer> chain = chain(width);
            long parameters = 0;
            for (int i = 1; i < chain.size(); i++) {
                long units = i == encoder().size() + 1 ? 2L * chain.get(i) : chain.get(i); // mean and log-variance heads
                parameters += (long) chain.get(i - 1) * units + units;
            }
            return parameters;
        }

        @Override
        public long activationFloatsPerSample(int width) {
            long cells = inputDropout > 0 ? width : 0;
            List<Integer> chain = chain(width);
            for (int i = 1; i < chain.size(); i++) {
                cells += (i == encoder().size() + 1 ? 4L : 2L) * chain.get(i);
            }
            return cells;
        }

        @Override
        public List<Integer> encoder() {
            return encoder == null ? List.of() : encoder;
        }

        @Override
        public List<Integer> decoder() {
            return decoder == null ? List.of() : decoder;
        }

        private static List<Integer> reversed(List<Integer> widths) {
            List<Integer> copy = new ArrayList<>(widths);
            java.util.Collections.reverse(copy);
            return copy;
        }
    }

    /**
     * The collaborative denoising autoencoder (Wu et al. 2016, CDAE; DESIGN.md section 7): the user's row, corrupted
     * by dropout while training, into one dense hidden layer ("coding") that also adds a learnt vector per training
     * user (the user input node), then an output layer as wide as the input. A user the model was not trained on
     * (every held-out user, and every row scored through {@code RowScorer}) gets a zero user node.
     *
     * @param units      width of the hidden layer (Wu: 50)
     * @param activation its activation (Wu: sigmoid)
     * @param corruption fraction of the input dropped while training, Keras rate (Wu: 0.2)
     */
    record Cdae(int units, Activation activation, double corruption) implements Architecture {

        @Override
        public List<LayerSpec> layers() {
            List<LayerSpec> layers = new ArrayList<>();
            if (corruption > 0) {
                layers.add(LayerSpec.dropout(corruption));
            }
            layers.add(LayerSpec.dense(units, activation, "coding"));
            return layers;
        }

        /** Reads a layer stack back: a leading dropout is the corruption, the first dense layer the hidden layer. */
        @Override
        public Cdae withLayers(List<LayerSpec> layers) {
            double dropout = 0;
            for (LayerSpec layer : layers) {
                if (layer instanceof LayerSpec.Dense d) {
                    return new Cdae(d.units(), d.activation(), dropout);
                } else if (layer instanceof LayerSpec.Dropout d) {
                    dropout = d.rate();
                }
            }
            return new Cdae(0, activation, dropout);
        }

        @Override
        public List<SpecError> validate() {
            List<SpecError> errors = new ArrayList<>();
            checkUnits(units, "architecture.units", errors);
            checkActivation(activation, errors);
            checkDropout(corruption, "architecture.corruption", errors);
            return errors;
        }

        /** The dense weights and biases; the user nodes (units per training user) depend on the plan and are not counted. */
        @Override
        public long parameters(int width) {
            return (long) width * units + units + (long) units * width + width;
        }

        @Override
        public long activationFloatsPerSample(int width) {
            return (corruption > 0 ? width : 0) + 2L * units + 2L * width;
        }
    }

    private static void checkWidths(List<Integer> widths, String field, List<SpecError> errors) {
        for (int i = 0; i < widths.size(); i++) {
            checkUnits(widths.get(i) == null ? 0 : widths.get(i), field + "[" + i + "]", errors);
        }
    }

    private static void checkUnits(int units, String field, List<SpecError> errors) {
        if (units <= 0) {
            errors.add(new SpecError(field, "must be > 0 units (missing or 0 is not a layer), got " + units));
        } else if (units > SpecValidator.MAX_UNITS) {
            errors.add(new SpecError(field, "must be at most " + SpecValidator.MAX_UNITS + ", got " + units));
        }
    }

    private static void checkActivation(Activation activation, List<SpecError> errors) {
        if (activation == null) {
            errors.add(new SpecError("architecture.activation", "is missing (expected one of " + Activation.kerasNames() + ")"));
        }
    }

    private static void checkDropout(double rate, String field, List<SpecError> errors) {
        if (!(rate >= 0 && rate < 1)) {
            errors.add(new SpecError(field, "must be in [0, 1) (the fraction of inputs dropped), got " + rate));
        }
    }
}
