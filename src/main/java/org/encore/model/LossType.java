package org.encore.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Training loss. */
public enum LossType {
    /** Mean squared error over every cell of the row, rated and unrated alike (the reference). */
    MSE("mse"),
    /**
     * Squared error over rated cells only, as rating-prediction autoencoders use (unrated cells get no gradient).
     * Computed with DL4J's per-output label mask, so the reported loss is that sum divided by all cells of the batch.
     */
    MASKED_MSE("masked_mse"),
    /**
     * Multinomial log-likelihood -sum(x * log_softmax(z)) per user, the batch mean (Liang et al. 2018, Mult-DAE and
     * Mult-VAE). The target x is the row after the input's value step (the binarised row when input.binarizeAt is set,
     * else the scaled ratings as non-negative weights), never L2-normalised. The outputs are logits: a ranking only.
     */
    MULTINOMIAL("multinomial"),
    /**
     * Binary cross-entropy over every cell with a sigmoid output (Wu et al. 2016's logistic loss for CDAE); the target
     * is the row after the value step (binarise it with input.binarizeAt). The outputs are probabilities: a ranking only.
     */
    LOGISTIC("logistic");

    private final String id;

    LossType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** True when a model trained with this loss outputs ratings on the input's scale (not only a ranking). */
    public boolean predictsRatings() {
        return this == MSE || this == MASKED_MSE;
    }

    /** The ids in order, e.g. "mse or masked_mse". */
    public static String ids() {
        StringBuilder text = new StringBuilder();
        LossType[] all = values();
        for (int i = 0; i < all.length; i++) {
            text.append(i == 0 ? "" : i == all.length - 1 ? " or " : ", ").append(all[i].id);
        }
        return text.toString();
    }

    @JsonCreator
    public static LossType fromId(String id) {
        for (LossType t : values()) {
            if (t.id.equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "', expected " + ids());
    }
}
