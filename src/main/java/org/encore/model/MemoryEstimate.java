package org.encore.model;

/**
 * Parameter count and memory needed to train a spec at a given width (number of movies), in bytes of float32.
 *
 * @param parameters       weights and biases of every layer including the output layer (as the kind counts them)
 * @param weightBytes      parameters * 4
 * @param optimizerBytes   optimizer state (Adam: two moments; SGD with momentum and RMSProp: one) plus the gradient
 * @param activationBytes  activations and their gradients at the batch size (plus dropout masks)
 * @param batchBytes       the densified input batch (and its label copy)
 */
public record MemoryEstimate(long parameters, long weightBytes, long optimizerBytes, long activationBytes, long batchBytes) {
    private static final long FLOAT = Float.BYTES;

    public static MemoryEstimate of(ModelSpec spec, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be > 0, got " + width);
        }
        long parameters = spec.architecture().parameters(width);
        long activationCells = spec.architecture().activationFloatsPerSample(width);
        long batch = Math.max(1, spec.training().batchSize());
        long weights = parameters * FLOAT;
        long optimizer = weights * (1 + optimizerStateCopies(spec.training().optimizer()));
        long activations = batch * activationCells * FLOAT;
        // the float[] the batch is densified into, the network's input copy, and a mask for the masked loss
        long batchCopies = spec.loss() == LossType.MASKED_MSE ? 3 : 2;
        long batchBytes = batchCopies * batch * width * FLOAT;
        return new MemoryEstimate(parameters, weights, optimizer, activations, batchBytes);
    }

    /** Copies of the parameters an optimizer keeps besides the gradient. */
    static int optimizerStateCopies(OptimizerSpec optimizer) {
        if (optimizer == null || optimizer.type() == null) {
            return 0;
        }
        return switch (optimizer.type()) {
            case ADAM -> 2;
            case RMSPROP -> 1;
            case SGD -> optimizer.momentum() > 0 ? 1 : 0;
        };
    }

    public long totalBytes() {
        return weightBytes + optimizerBytes + activationBytes + batchBytes;
    }

    /** e.g. "16,024,590 parameters; 64.1 MB weights, 192.3 MB optimizer+gradient, ..." */
    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "%,d parameters; weights %s, optimizer state and gradient %s, activations %s, batch %s; total %s",
                parameters, bytes(weightBytes), bytes(optimizerBytes), bytes(activationBytes), bytes(batchBytes), bytes(totalBytes()));
    }

    /** Human-readable size in MB or GB (decimal units). */
    public static String bytes(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.2f GB", bytes / 1e9);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
