package org.encore.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Optimizer and its settings.
 *
 * @param type         adam, sgd (with momentum) or rmsprop
 * @param learningRate step size, &gt; 0
 * @param momentum     SGD momentum in [0, 1); ignored by the others
 */
public record OptimizerSpec(Type type, double learningRate, double momentum) {

    public enum Type {
        ADAM, SGD, RMSPROP;

        @JsonValue
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Type fromId(String id) {
            for (Type t : values()) {
                if (t.id().equalsIgnoreCase(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown optimizer '" + id + "', expected adam, sgd or rmsprop");
        }
    }

    public static OptimizerSpec adam(double learningRate) {
        return new OptimizerSpec(Type.ADAM, learningRate, 0);
    }
}
