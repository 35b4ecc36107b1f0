package org.encore.model;

/**
 * Parameter count and memory needed to train a spec at a given width (number of movies), in bytes of float32.
 * CONTRACT STUB: the model/training owner implements it; the signatures stay.
 *
 * @param parameters       weights and biases of all dense layers including the output layer
 * @param weightBytes      parameters * 4
 * @param optimizerBytes   optimizer state (Adam: two moments) plus the gradient
 * @param activationBytes  activations and their gradients at the batch size
 * @param batchBytes       the densified input batch (and its label copy)
 */
public record MemoryEstimate(long parameters, long weightBytes, long optimizerBytes, long activationBytes, long batchBytes) {

    public static MemoryEstimate of(ModelSpec spec, int width) {
        throw new UnsupportedOperationException("MemoryEstimate not implemented yet");
    }

    public long totalBytes() {
        return weightBytes + optimizerBytes + activationBytes + batchBytes;
    }
}
