package org.encore.model;

import java.util.List;

/**
 * An autoencoder experiment: hidden layers (the output layer is implicit: Dense(N movies, linear)), optimizer,
 * loss and training settings. Saved as JSON.
 *
 * @param name               display name, e.g. "model1"
 * @param layers             hidden layers in order, input side first
 * @param optimizer          optimizer and learning rate
 * @param loss               training loss
 * @param batchSize          users per mini-batch
 * @param epochs             passes over the training users
 * @param usersFraction      fraction of all users taken into the experiment (reference: 0.1)
 * @param validationFraction fraction of those held out for validation (reference: 0.2)
 * @param seed               seeds user sampling, the split, shuffling and weight initialisation
 * @param valueScale         the model sees rating * valueScale (reference: 1/5 = 0.2)
 */
public record ModelSpec(String name, List<LayerSpec> layers, OptimizerSpec optimizer, LossType loss,
                        int batchSize, int epochs, double usersFraction, double validationFraction,
                        long seed, double valueScale) {
    public static final double REFERENCE_SCALE = 0.2;

    public ModelSpec {
        layers = layers == null ? List.of() : List.copyOf(layers);
    }

    public ModelSpec withName(String newName) {
        return new ModelSpec(newName, layers, optimizer, loss, batchSize, epochs, usersFraction, validationFraction, seed, valueScale);
    }

    public ModelSpec withLayers(List<LayerSpec> newLayers) {
        return new ModelSpec(name, newLayers, optimizer, loss, batchSize, epochs, usersFraction, validationFraction, seed, valueScale);
    }

    public ModelSpec withEpochs(int newEpochs) {
        return new ModelSpec(name, layers, optimizer, loss, batchSize, newEpochs, usersFraction, validationFraction, seed, valueScale);
    }

    public ModelSpec withSeed(long newSeed) {
        return new ModelSpec(name, layers, optimizer, loss, batchSize, epochs, usersFraction, validationFraction, newSeed, valueScale);
    }

    public ModelSpec withUsersFraction(double fraction) {
        return new ModelSpec(name, layers, optimizer, loss, batchSize, epochs, fraction, validationFraction, seed, valueScale);
    }

    public ModelSpec withBatchSize(int newBatchSize) {
        return new ModelSpec(name, layers, optimizer, loss, newBatchSize, epochs, usersFraction, validationFraction, seed, valueScale);
    }

    public ModelSpec withOptimizer(OptimizerSpec newOptimizer) {
        return new ModelSpec(name, layers, newOptimizer, loss, batchSize, epochs, usersFraction, validationFraction, seed, valueScale);
    }
}
