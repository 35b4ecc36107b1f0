package org.encore.app.designer;

import org.encore.app.designer.SpecForm.Field;
import org.encore.model.Activation;
import org.encore.model.Architecture;
import org.encore.model.LayerSpec;

import java.util.List;
import java.util.Map;

/**
 * The designer's Kind section without JavaFX: a model kind's own settings as form text, and back. A plain
 * autoencoder's settings are its layer stack (edited layer by layer); a {@code vae}'s and a {@code cdae}'s are
 * the fields below, and their layer stack is only shown, drawn from those settings. A new kind gets its fields here.
 */
final class KindSection {
    /** The Mult-VAE's fields, in the order the section shows them (with {@link Field#KIND_ACTIVATION}). */
    static final List<Field> VAE_FIELDS = List.of(Field.ENCODER, Field.CODING, Field.DECODER, Field.INPUT_DROPOUT,
            Field.BETA_CAP, Field.ANNEAL_STEPS);
    /** The CDAE's fields (with {@link Field#KIND_ACTIVATION}). */
    static final List<Field> CDAE_FIELDS = List.of(Field.HIDDEN_UNITS, Field.CORRUPTION);

    private KindSection() {
    }

    /** The kind's JSON type name, as spec files write it: "autoencoder", "vae" or "cdae". */
    static String name(Architecture architecture) {
        if (architecture instanceof Architecture.Vae) {
            return "vae";
        }
        if (architecture instanceof Architecture.Cdae) {
            return "cdae";
        }
        return "autoencoder";
    }

    /** Whether the layer stack is the kind's setting (add, remove, move, any activation per layer). */
    static boolean layersEditable(Architecture architecture) {
        return architecture instanceof Architecture.Autoencoder;
    }

    /**
     * Writes the kind's settings into {@code texts} (every kind field, blank where the kind has none).
     *
     * @return the kind's activation, or {@code was} for a kind without one of its own
     */
    static Activation fill(Architecture architecture, Map<Field, String> texts, Activation was) {
        VAE_FIELDS.forEach(field -> texts.put(field, ""));
        CDAE_FIELDS.forEach(field -> texts.put(field, ""));
        if (architecture instanceof Architecture.Vae vae) {
            texts.put(Field.ENCODER, FieldReader.widthsText(vae.encoder()));
            texts.put(Field.CODING, String.valueOf(vae.coding()));
            texts.put(Field.DECODER, FieldReader.widthsText(vae.decoder()));
            texts.put(Field.INPUT_DROPOUT, SpecForm.number(vae.inputDropout()));
            texts.put(Field.BETA_CAP, SpecForm.number(vae.betaCap()));
            texts.put(Field.ANNEAL_STEPS, String.valueOf(vae.annealSteps()));
            return vae.activation();
        }
        if (architecture instanceof Architecture.Cdae cdae) {
            texts.put(Field.HIDDEN_UNITS, String.valueOf(cdae.units()));
            texts.put(Field.CORRUPTION, SpecForm.number(cdae.corruption()));
            return cdae.activation();
        }
        return was;
    }

    /**
     * The architecture the form describes: an autoencoder with {@code layers}, else the kind {@code was} is with
     * the section's fields read by {@code reader} ({@code was}'s values standing in for text that does not parse).
     */
    static Architecture read(Architecture was, List<LayerSpec> layers, Activation activation, FieldReader reader) {
        if (was instanceof Architecture.Vae vae) {
            return new Architecture.Vae(reader.widths(Field.ENCODER, vae.encoder()), reader.whole(Field.CODING, vae.coding()),
                    reader.widths(Field.DECODER, vae.decoder()), activation, reader.number(Field.INPUT_DROPOUT, vae.inputDropout()),
                    reader.number(Field.BETA_CAP, vae.betaCap()), reader.whole(Field.ANNEAL_STEPS, vae.annealSteps()));
        }
        if (was instanceof Architecture.Cdae cdae) {
            return new Architecture.Cdae(reader.whole(Field.HIDDEN_UNITS, cdae.units()), activation,
                    reader.number(Field.CORRUPTION, cdae.corruption()));
        }
        return was.withLayers(layers);
    }
}
