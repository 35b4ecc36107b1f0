package org.encore.app.designer;

import org.encore.app.Bar;
import org.encore.data.Dataset;
import org.encore.model.LayerSpec;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.training.Engine;
import org.encore.training.TrainingException;
import org.encore.training.TrainingPlan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the designer shows about a valid spec before it trains, without JavaFX: the parameter count, the training
 * memory estimate ({@link MemoryEstimate}), the trainer's own memory check, and how many users the reference
 * protocol's split ({@link TrainingPlan#referenceSizes}) trains and validates on in the open dataset.
 *
 * @param parameters "Parameters: N"
 * @param memory     the estimate, one part a line
 * @param fits       the trainer's memory check, or "" until the native libraries are loaded
 * @param users      "Trains on N users, validates on M (of T)"; "" without a dataset
 * @param fewUsers   the users line warns that N is small for the dataset: offer every user
 */
public record DesignEstimate(String parameters, String memory, String fits, String users, boolean fewUsers) {
    /** Width assumed when no dataset is open: ml-latest-small's movies. */
    public static final int DEFAULT_WIDTH = 9_742;

    /** Below this many training users a preset's millions of weights mostly learn popularity (sample-data: 80 at 10%). */
    public static final int FEW_TRAINING_USERS = 500;

    /** Shown for a spec with problems: the estimate of the last valid one would mislead. */
    static final DesignEstimate INVALID = new DesignEstimate("Parameters: —", "Fix the marked fields to see the estimate", "", "", false);

    /** Why the reference protocol samples 10% of the users: it was written for ml-32m. */
    public static final String REFERENCE_FRACTION_WHY = "The reference protocol trains on 10% of the users because it was"
            + " written for ml-32m, whose 200,948 users are far more than a small network needs; on a smaller dataset"
            + " 10% leaves too few users for the tastes in the data to show (80 of sample-data's 1,000).";

    /**
     * The estimate of valid {@code spec} on {@code dataset} (null: none open), with {@code engine}'s own memory check
     * (null while the engine is still loading: it reads native memory limits).
     */
    public static DesignEstimate of(ModelSpec spec, Dataset dataset, Engine engine) {
        int width = width(dataset);
        MemoryEstimate memory = MemoryEstimate.of(spec, width);
        String estimate = String.format(Locale.ROOT, "Training memory ≈ %s%n  weights %s%n  optimizer state and gradient %s%n"
                        + "  activations at batch %d: %s%n  densified batch: %s",
                MemoryEstimate.bytes(memory.totalBytes()), MemoryEstimate.bytes(memory.weightBytes()),
                MemoryEstimate.bytes(memory.optimizerBytes()), SpecForm.batchSizeOf(spec),
                MemoryEstimate.bytes(memory.activationBytes()), MemoryEstimate.bytes(memory.batchBytes()));
        String users = "";
        boolean few = false;
        if (dataset != null && dataset.ratings().userCount() >= 2) {
            int total = dataset.ratings().userCount();
            int[] sizes = TrainingPlan.referenceSizes(spec, total);
            users = String.format(Locale.ROOT, "Trains on %,d users, validates on %,d (of %,d)", sizes[0], sizes[1], total);
            few = sizes[0] < FEW_TRAINING_USERS && SpecForm.usersFractionOf(spec) < 1.0;
            if (few) {
                users += "; few for a small dataset: raise Users fraction";
            }
        }
        return new DesignEstimate(String.format(Locale.ROOT, "Parameters: %,d", memory.parameters()), estimate,
                engine != null ? fitsText(engine, spec, width) : "", users, few);
    }

    /** The trainer's own memory check (it reads native memory limits: only once the libraries are loaded). */
    private static String fitsText(Engine engine, ModelSpec spec, int width) {
        try {
            engine.checkFits(spec, width);
            return "Fits this process's memory limits";
        } catch (TrainingException e) {
            return e.getMessage();
        }
    }

    /** The drawing's bars: input, each dense layer (its name, else its activation), output. */
    static List<Bar> widths(List<LayerSpec> layers, Dataset dataset) {
        int width = width(dataset);
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("input", width));
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Dense dense) {
                bars.add(new Bar(dense.name() == null ? dense.activation().keras() : dense.name(), dense.units()));
            }
        }
        bars.add(new Bar("output", width));
        return bars;
    }

    /** Dropout layers for the drawing: label "dropout RATE", value = index in {@link #widths} of the bar it follows. */
    static List<Bar> dropouts(List<LayerSpec> layers) {
        List<Bar> drops = new ArrayList<>();
        int dense = 0;
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Dense) {
                dense++;
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                // a dropout acts on the output of the dense layer drawn last (bar 0 is the input)
                drops.add(new Bar("dropout " + SpecForm.number(dropout.rate()), dense));
            }
        }
        return drops;
    }

    /** "Layer widths; input and output N = …" naming where N comes from. */
    static String widthText(Dataset dataset) {
        return String.format(Locale.ROOT, "Layer widths; input and output N = %,d %s", width(dataset),
                dataset == null ? "(ml-latest-small's movies; no dataset open)" : "(the movies of " + sourceName(dataset) + ")");
    }

    static int width(Dataset dataset) {
        return dataset == null ? DEFAULT_WIDTH : dataset.ratings().movieCount();
    }

    private static String sourceName(Dataset dataset) {
        Path name = dataset.source().getFileName();
        return name == null ? dataset.release() : name.toString();
    }
}
