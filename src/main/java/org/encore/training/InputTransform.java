package org.encore.training;

import java.util.Locale;

/**
 * What a model does to a user's densified rating row before it reaches the network: the value of each rated cell,
 * then an optional L2 normalisation of the row. Applied in place to row-major batches of {@code rows x width} floats
 * that hold rating * {@link #valueScale()} for rated movies and 0 elsewhere (as {@code RatingMatrix.densify} and
 * {@code RowScorer} rows do).
 * <ul>
 *   <li>The reference (DESIGN.md section 1): rating / 5, i.e. valueScale 0.2, no threshold, no normalisation.</li>
 *   <li>Liang et al. 2018 (Mult-DAE, Mult-VAE; {@code dawenl/vae_cf}): ratings binarised, keeping only ratings above
 *       3.5, so {@code binarizeAt = 4} (rating &gt;= 4 becomes 1, anything lower 0), then each row L2-normalised
 *       ({@code tf.nn.l2_normalize(x, 1)}) before the input dropout.</li>
 * </ul>
 * A multinomial model trains against the binarised row WITHOUT the normalisation (Liang's target is the raw 0/1
 * row): apply {@link #applyValues} to the batch, copy it as the labels, then {@link #normalizeRows} the features.
 * {@link #apply} does both steps for inference, where only the features are needed.
 *
 * @param valueScale  scale of the incoming rows (rating * valueScale); used to read ratings back for the threshold
 * @param binarizeAt  ratings at or above this become 1 and rated cells below it 0; null leaves values as they are
 * @param l2Normalize divide each row by its Euclidean norm (a row of zeros stays zero)
 */
public record InputTransform(double valueScale, Double binarizeAt, boolean l2Normalize) {
    /** Tolerance when comparing a float-scaled rating with the threshold (half stars are 0.5 apart). */
    private static final double THRESHOLD_TOLERANCE = 1e-4;

    public InputTransform {
        if (!(valueScale > 0) || !Double.isFinite(valueScale)) {
            throw new IllegalArgumentException("valueScale must be a number above 0, got " + valueScale);
        }
        if (binarizeAt != null && (!(binarizeAt > 0) || !Double.isFinite(binarizeAt))) {
            throw new IllegalArgumentException("binarizeAt must be a rating above 0 or null (off), got " + binarizeAt);
        }
    }

    /** The reference's input: rating / 5, nothing else. */
    public static InputTransform reference() {
        return new InputTransform(0.2, null, false);
    }

    /** Liang et al.'s input for rows scaled by {@code valueScale}: rating &gt;= 4 becomes 1, rows L2-normalised. */
    public static InputTransform liang(double valueScale) {
        return new InputTransform(valueScale, 4.0, true);
    }

    /** Whether {@link #apply} changes anything (false for the reference: the rows are used as densified). */
    public boolean isIdentity() {
        return binarizeAt == null && !l2Normalize;
    }

    /** Both steps, in place: {@link #applyValues} then, when enabled, {@link #normalizeRows}. */
    public void apply(float[] batch, int offset, int rows, int width) {
        applyValues(batch, offset, rows, width);
        if (l2Normalize) {
            normalizeRows(batch, offset, rows, width);
        }
    }

    /** The value step alone, in place: binarises rated cells when {@code binarizeAt} is set, else does nothing. */
    public void applyValues(float[] batch, int offset, int rows, int width) {
        checkRange(batch, offset, rows, width);
        if (binarizeAt == null) {
            return;
        }
        double threshold = binarizeAt - THRESHOLD_TOLERANCE;
        int end = offset + rows * width;
        for (int i = offset; i < end; i++) {
            float v = batch[i];
            if (v != 0f) {
                batch[i] = v / valueScale >= threshold ? 1f : 0f;
            }
        }
    }

    /** The L2 step alone, in place, whatever {@link #l2Normalize()} says: each row divided by its norm. */
    public void normalizeRows(float[] batch, int offset, int rows, int width) {
        checkRange(batch, offset, rows, width);
        for (int r = 0; r < rows; r++) {
            int base = offset + r * width;
            double squares = 0;
            for (int c = 0; c < width; c++) {
                double v = batch[base + c];
                squares += v * v;
            }
            if (squares > 0) {
                float inverse = (float) (1.0 / Math.sqrt(squares));
                for (int c = 0; c < width; c++) {
                    batch[base + c] *= inverse;
                }
            }
        }
    }

    /** For protocol cards, e.g. "rating * 0.2" or "rating >= 4 -> 1, L2-normalised rows". */
    public String describe() {
        String values = binarizeAt == null
                ? String.format(Locale.ROOT, "rating * %s", valueScale)
                : String.format(Locale.ROOT, "rating >= %s -> 1, else 0", binarizeAt);
        return l2Normalize ? values + ", L2-normalised rows" : values;
    }

    private static void checkRange(float[] batch, int offset, int rows, int width) {
        if (offset < 0 || rows < 0 || width < 0 || (long) offset + (long) rows * width > batch.length) {
            throw new IllegalArgumentException("a batch of " + rows + " x " + width + " from offset " + offset
                    + " does not fit in " + batch.length + " floats");
        }
    }
}
