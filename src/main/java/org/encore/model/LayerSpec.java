package org.encore.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One hidden layer of an autoencoder, in Keras terms. Serialised with a "type" name ("dense" or "dropout"),
 * never a class name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LayerSpec.Dense.class, name = "dense"),
        @JsonSubTypes.Type(value = LayerSpec.Dropout.class, name = "dropout")
})
public sealed interface LayerSpec permits LayerSpec.Dense, LayerSpec.Dropout {

    /** Keras {@code Dense(units, activation)}; {@code name} is optional (e.g. "coding" for the latent layer). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Dense(int units, Activation activation, String name) implements LayerSpec {
        public Dense(int units, Activation activation) {
            this(units, activation, null);
        }
    }

    /** Keras {@code Dropout(rate)}: {@code rate} is the fraction of units DROPPED during training. */
    record Dropout(double rate) implements LayerSpec {
    }

    static Dense dense(int units, Activation activation) {
        return new Dense(units, activation, null);
    }

    static Dense dense(int units, Activation activation, String name) {
        return new Dense(units, activation, name);
    }

    static Dropout dropout(double rate) {
        return new Dropout(rate);
    }
}
