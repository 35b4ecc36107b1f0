package org.encore.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Training loss. */
public enum LossType {
    /** Mean squared error over every cell of the row, rated and unrated alike (the reference). */
    MSE("mse"),
    /** Mean squared error over rated cells only, as rating-prediction autoencoders use. */
    MASKED_MSE("masked_mse");

    private final String id;

    LossType(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static LossType fromId(String id) {
        for (LossType t : values()) {
            if (t.id.equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + id + "', expected mse or masked_mse");
    }
}
