package org.encore.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Activation functions a dense layer may use, named as Keras names them. */
public enum Activation {
    SELU, SIGMOID, RELU, TANH, ELU, LEAKYRELU, SOFTPLUS, LINEAR;

    @JsonValue
    public String keras() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a Keras activation name; the message lists the known ones. */
    @JsonCreator
    public static Activation fromKeras(String name) {
        for (Activation a : values()) {
            if (a.keras().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "', expected one of " + kerasNames());
    }

    /** The Keras names of every activation, "selu, sigmoid, ...", for messages that list the choices. */
    static String kerasNames() {
        return Arrays.stream(values()).map(Activation::keras).collect(Collectors.joining(", "));
    }
}
