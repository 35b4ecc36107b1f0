package org.encore.training.dl4j;

import org.encore.model.Architecture;
import org.encore.model.InputSpec;
import org.encore.model.ModelSpec;
import org.encore.training.InputTransform;

/**
 * How densified rating rows (rating * valueScale, 0 for unrated) become a network's features and labels, the same for
 * training, the metric passes and scoring, so that recommend and evaluate see the model that was trained:
 * <ul>
 *   <li>features: the spec's {@link InputTransform} (binarised at input.binarizeAt, then L2-normalised when
 *       input.l2Normalize), followed for CDAE by the user's index among the training users (-1 = no user node,
 *       as for every held-out or scored row);</li>
 *   <li>labels: the value step only (the binarised row, never normalised: Liang's multinomial target), or the
 *       scaled rows themselves when nothing is binarised.</li>
 * </ul>
 */
final class NetworkInput {
    private final InputTransform transform;
    private final int width;
    private final boolean userColumn;

    NetworkInput(ModelSpec spec, int width) {
        InputSpec input = spec.input();
        this.transform = new InputTransform(input.valueScale(), input.binarizeAt(), input.l2Normalize());
        this.width = width;
        this.userColumn = spec.architecture() instanceof Architecture.Cdae;
    }

    /** Columns of a feature row: the movies, plus CDAE's user column. */
    int featureWidth() {
        return width + (userColumn ? 1 : 0);
    }

    /** False when the features are the densified rows as they are (the reference input of the dense autoencoder). */
    boolean changesRows() {
        return userColumn || !transform.isIdentity();
    }

    /** Whether the labels differ from the scaled rows (the value step binarises). */
    boolean changesLabels() {
        return transform.binarizeAt() != null;
    }

    /**
     * Features of {@code rows} scaled rows read from {@code scaled} at {@code offset}, into {@code out} (rows x
     * {@link #featureWidth()}); {@code userIndexes[i]} is row i's user node, or null for none (-1 everywhere).
     */
    void features(float[] scaled, int offset, int rows, int[] userIndexes, float[] out) {
        int columns = featureWidth();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(scaled, offset + r * width, out, r * columns, width);
            transform.applyValues(out, r * columns, 1, width);
            if (transform.l2Normalize()) {
                transform.normalizeRows(out, r * columns, 1, width);
            }
            if (userColumn) {
                out[r * columns + width] = userIndexes == null ? -1f : userIndexes[r];
            }
        }
    }

    /** Labels of {@code rows} scaled rows from {@code scaled} (offset 0) into {@code out}: the value step only. */
    void labels(float[] scaled, int rows, float[] out) {
        System.arraycopy(scaled, 0, out, 0, rows * width);
        transform.applyValues(out, 0, rows, width);
    }
}
