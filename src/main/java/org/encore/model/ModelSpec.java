package org.encore.model;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One experiment: a model kind and its layers, how rating rows are fed to it, the loss, and how it is trained.
 * Saved as JSON by {@link SpecFiles} (the kind by its type name, e.g. {@code "autoencoder"}). Built with
 * {@link #builder()} or changed with {@link #toBuilder()} / {@link #withTraining}, never positionally.
 *
 * @param name         display name, e.g. "model1"
 * @param architecture the model kind and its own settings (layers)
 * @param input        how a user's rating row becomes the model's input
 * @param loss         training loss
 * @param training     optimizer, batches, epochs, the user sample and split, seed, regularisation, early stopping
 */
public record ModelSpec(String name, Architecture architecture, InputSpec input, LossType loss,
                        TrainingSettings training) {
    /** The reference scaling: the model sees rating / 5. */
    public static final double REFERENCE_SCALE = 0.2;

    /** Scale the inputs are given in (rating * valueScale); see {@link InputSpec#valueScale()}. */
    public double valueScale() {
        return input.valueScale();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().name(name).architecture(architecture).input(input).loss(loss).training(training);
    }

    /** This spec with its training settings changed by {@code change}, e.g. {@code spec.withTraining(t -> t.epochs(5))}. */
    public ModelSpec withTraining(UnaryOperator<TrainingSettings.Builder> change) {
        return toBuilder().training(change.apply(training.toBuilder()).build()).build();
    }

    /**
     * Builds a spec. Unset parts default to the reference protocol: {@link InputSpec#reference()}, MSE loss and
     * {@link TrainingSettings#builder()}'s defaults; a name and an architecture must be given.
     */
    public static final class Builder {
        private String name;
        private Architecture architecture;
        private InputSpec input = InputSpec.reference();
        private LossType loss = LossType.MSE;
        private TrainingSettings training = TrainingSettings.builder().build();

        private Builder() {
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder architecture(Architecture value) {
            this.architecture = value;
            return this;
        }

        /** Shorthand for {@code architecture(new Architecture.Autoencoder(hidden))}. */
        public Builder autoencoder(List<LayerSpec> hidden) {
            return architecture(new Architecture.Autoencoder(hidden));
        }

        /** Other hidden layers for the architecture set so far (an autoencoder when none is set yet). */
        public Builder layers(List<LayerSpec> hidden) {
            return architecture(architecture == null ? new Architecture.Autoencoder(hidden) : architecture.withLayers(hidden));
        }

        public Builder input(InputSpec value) {
            this.input = value;
            return this;
        }

        public Builder loss(LossType value) {
            this.loss = value;
            return this;
        }

        public Builder training(TrainingSettings value) {
            this.training = value;
            return this;
        }

        public ModelSpec build() {
            return new ModelSpec(name, Objects.requireNonNull(architecture, "architecture"), input, loss, training);
        }
    }
}
