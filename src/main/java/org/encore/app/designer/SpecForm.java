package org.encore.app.designer;

import org.encore.model.Activation;
import org.encore.model.InputSpec;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.SpecError;
import org.encore.model.SpecValidator;
import org.encore.model.TrainingSettings;
import org.encore.training.TrainMetricsKind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The designer's form without JavaFX: the text of every field, the choices and the layer stack, turned
 * into a {@link ModelSpec} ({@link #toSpec}) and filled from one ({@link #fromSpec}), with a message per field
 * for text that does not parse and for the validator's problems (placed by {@link SpecError#field()}). The kind's
 * own settings (a vae's, a cdae's) are read and written by {@link KindSection}, numbers by {@link FieldReader}.
 * Every read and write of a spec's fields is in {@link #fromSpec}, {@link #toSpec} and the few static
 * readers below ({@link #renamed}, {@link #withUsersFraction}, {@link #batchSizeOf}, {@link #usersFractionOf}): a new
 * shape of {@link ModelSpec} is adapted here only.
 */
public final class SpecForm {
    /** A field of the form, with the validator's name for it ({@link SpecError#field()}). */
    public enum Field {
        NAME("name"),
        OPTIMIZER("training.optimizer.type"),
        LEARNING_RATE("training.optimizer.learningRate"),
        MOMENTUM("training.optimizer.momentum"),
        BATCH_SIZE("training.batchSize"),
        EPOCHS("training.epochs"),
        USERS_FRACTION("training.usersFraction"),
        VALIDATION_FRACTION("training.validationFraction"),
        SEED("training.seed"),
        L2("training.l2"),
        PATIENCE("training.patience"),
        SELECTION("training.selection"),
        /** Running or exact training metrics ({@code training.exactTrainMetrics}). */
        TRAIN_METRICS("training.exactTrainMetrics"),
        LOSS("loss"),
        VALUE_SCALE("input.valueScale"),
        /** Blank: off. */
        BINARIZE_AT("input.binarizeAt"),
        L2_NORMALIZE("input.l2Normalize"),
        /** The kind's fields ({@link KindSection}): a vae's encoder widths, "600" or "600, 300". */
        ENCODER("architecture.encoder"),
        CODING("architecture.coding"),
        DECODER("architecture.decoder"),
        /** A cdae's hidden layer width. */
        HIDDEN_UNITS("architecture.units"),
        /** The activation of every layer of a vae or cdae. */
        KIND_ACTIVATION("architecture.activation"),
        INPUT_DROPOUT("architecture.inputDropout"),
        CORRUPTION("architecture.corruption"),
        BETA_CAP("architecture.betaCap"),
        ANNEAL_STEPS("architecture.annealSteps"),
        /** The selected layer's units (a dense layer). */
        LAYER_UNITS("units"),
        /** The selected layer's rate (a dropout layer). */
        LAYER_RATE("rate"),
        /** The whole stack: problems of layers other than the selected one, and of the stack itself. */
        LAYERS("architecture.layers");

        private final String specField;

        Field(String specField) {
            this.specField = specField;
        }

        /** The spec's JSON path for this field, e.g. "training.l2". */
        public String specField() {
            return specField;
        }
    }

    /** Fields typed as text; the others are choices or the layer stack. */
    public static final List<Field> TEXT_FIELDS = List.of(Field.NAME, Field.LEARNING_RATE, Field.MOMENTUM, Field.BATCH_SIZE,
            Field.EPOCHS, Field.USERS_FRACTION, Field.VALIDATION_FRACTION, Field.SEED, Field.L2, Field.PATIENCE,
            Field.VALUE_SCALE, Field.BINARIZE_AT, Field.ENCODER, Field.CODING, Field.DECODER, Field.HIDDEN_UNITS,
            Field.INPUT_DROPOUT, Field.CORRUPTION, Field.BETA_CAP, Field.ANNEAL_STEPS, Field.LAYER_UNITS, Field.LAYER_RATE);

    /**
     * What the form's text made.
     *
     * @param spec   the spec, or null when a field does not parse (then {@code errors} says which)
     * @param errors the message for each field with a problem; empty when the spec is valid
     */
    public record Result(ModelSpec spec, Map<Field, String> errors) {
        public Result {
            errors = Collections.unmodifiableMap(errors.isEmpty() ? new EnumMap<>(Field.class) : new EnumMap<>(errors));
        }

        public boolean valid() {
            return spec != null && errors.isEmpty();
        }
    }

    private final Map<Field, String> texts = new EnumMap<>(Field.class);
    private OptimizerSpec.Type optimizer = OptimizerSpec.Type.ADAM;
    private LossType loss = LossType.MSE;
    private Activation layerActivation = Activation.SELU;
    private Activation kindActivation = Activation.TANH;
    private TrainingSettings.Selection selection = TrainingSettings.Selection.LOSS;
    private TrainMetricsKind trainMetrics = TrainMetricsKind.RUNNING;
    private boolean l2Normalize;
    private String kind = "";
    private boolean layersEditable = true;
    private List<LayerSpec> layers = List.of();
    private int selectedLayer = -1;

    public SpecForm() {
        TEXT_FIELDS.forEach(field -> texts.put(field, ""));
    }

    // ---- the two conversions ----

    /** Fills every field from {@code spec}; the layer fields show the selected layer (kept when it still exists). */
    public void fromSpec(ModelSpec spec) {
        TrainingSettings training = spec.training();
        layers = List.copyOf(spec.architecture().layers());
        texts.put(Field.NAME, spec.name());
        optimizer = training.optimizer().type();
        texts.put(Field.LEARNING_RATE, number(training.optimizer().learningRate()));
        texts.put(Field.MOMENTUM, number(training.optimizer().momentum()));
        loss = spec.loss();
        texts.put(Field.BATCH_SIZE, String.valueOf(training.batchSize()));
        texts.put(Field.EPOCHS, String.valueOf(training.epochs()));
        texts.put(Field.USERS_FRACTION, number(training.usersFraction()));
        texts.put(Field.VALIDATION_FRACTION, number(training.validationFraction()));
        texts.put(Field.SEED, String.valueOf(training.seed()));
        texts.put(Field.L2, number(training.l2()));
        texts.put(Field.PATIENCE, String.valueOf(training.patience()));
        selection = training.selection();
        trainMetrics = training.exactTrainMetrics() ? TrainMetricsKind.EXACT : TrainMetricsKind.RUNNING;
        InputSpec input = spec.input();
        texts.put(Field.VALUE_SCALE, number(input.valueScale()));
        texts.put(Field.BINARIZE_AT, input.binarizeAt() == null ? "" : number(input.binarizeAt()));
        l2Normalize = input.l2Normalize();
        kind = KindSection.name(spec.architecture());
        layersEditable = KindSection.layersEditable(spec.architecture());
        kindActivation = KindSection.fill(spec.architecture(), texts, kindActivation);
        selectLayer(Math.min(selectedLayer, layers.size() - 1));
    }

    /**
     * The spec the fields describe, with the problems of each field. A field that does not parse yields no spec;
     * the fields that do parse are still validated (with {@code fallback}'s values standing in for the others),
     * so that a second bad field shows its message too.
     *
     * @param fallback            the spec shown before the edit: values for the fields that do not parse
     * @param nameTakenByAnother  whether another spec of the list already has a name
     */
    public Result toSpec(ModelSpec fallback, Predicate<String> nameTakenByAnother) {
        Map<Field, String> problems = new EnumMap<>(Field.class);
        FieldReader read = new FieldReader(this::text, problems);
        TrainingSettings was = fallback.training();
        double lr = read.number(Field.LEARNING_RATE, was.optimizer().learningRate());
        double momentum = text(Field.MOMENTUM).isBlank() ? 0 : read.number(Field.MOMENTUM, was.optimizer().momentum());
        TrainingSettings training = was.toBuilder().optimizer(new OptimizerSpec(optimizer, lr, momentum))
                .batchSize(read.whole(Field.BATCH_SIZE, was.batchSize()))
                .epochs(read.whole(Field.EPOCHS, was.epochs()))
                .usersFraction(read.number(Field.USERS_FRACTION, was.usersFraction()))
                .validationFraction(read.number(Field.VALIDATION_FRACTION, was.validationFraction()))
                .seed(read.wholeLong(Field.SEED, was.seed()))
                .l2(read.number(Field.L2, was.l2()))
                .patience(read.whole(Field.PATIENCE, was.patience()))
                .selection(selection)
                .exactTrainMetrics(trainMetrics == TrainMetricsKind.EXACT)
                .build();
        InputSpec input = new InputSpec(read.number(Field.VALUE_SCALE, fallback.input().valueScale()),
                read.optionalNumber(Field.BINARIZE_AT, fallback.input().binarizeAt()), l2Normalize);
        List<LayerSpec> newLayers = new ArrayList<>(layers);
        if (layersEditable && selectedLayer >= 0 && selectedLayer < newLayers.size()) {
            LayerSpec layer = newLayers.get(selectedLayer);
            if (layer instanceof LayerSpec.Dense dense) {
                Integer units = read.wholeOrNull(Field.LAYER_UNITS);
                if (units != null) {
                    newLayers.set(selectedLayer, new LayerSpec.Dense(units, layerActivation, dense.name()));
                }
            } else {
                Double rate = read.numberOrNull(Field.LAYER_RATE);
                if (rate != null) {
                    newLayers.set(selectedLayer, new LayerSpec.Dropout(rate));
                }
            }
        }
        String name = text(Field.NAME).trim();
        if (name.isEmpty()) {
            problems.put(Field.NAME, "a name is needed");
        } else if (nameTakenByAnother.test(name)) {
            problems.put(Field.NAME, "another spec is called " + name);
        }
        ModelSpec candidate = fallback.toBuilder()
                .name(problems.containsKey(Field.NAME) ? fallback.name() : name)
                .architecture(KindSection.read(fallback.architecture(), newLayers, kindActivation, read))
                .input(input)
                .loss(loss)
                .training(training)
                .build();
        Map<Field, String> errors = new EnumMap<>(fieldErrors(SpecValidator.validate(candidate)));
        errors.putAll(problems);
        return new Result(problems.isEmpty() ? candidate : null, errors);
    }

    /** {@code spec} under another name (duplicates, presets put back under the entry's name). */
    public static ModelSpec renamed(ModelSpec spec, String name) {
        return spec.toBuilder().name(name).build();
    }

    /** {@code spec} sampling another fraction of the dataset's users. */
    public static ModelSpec withUsersFraction(ModelSpec spec, double fraction) {
        return spec.withTraining(t -> t.usersFraction(fraction));
    }

    /** The users per mini-batch of {@code spec} (the estimate's activations are for one batch). */
    public static int batchSizeOf(ModelSpec spec) {
        return spec.training().batchSize();
    }

    /** The fraction of the dataset's users {@code spec} samples for its run. */
    public static double usersFractionOf(ModelSpec spec) {
        return spec.training().usersFraction();
    }

    // ---- errors by field ----

    /**
     * The validator's problems keyed by the field they are shown beside, by {@link SpecError#field()}: those of
     * the selected layer beside its fields, those of other layers and of the stack under {@link Field#LAYERS}.
     */
    public Map<Field, String> fieldErrors(List<SpecError> problems) {
        Map<Field, String> messages = new EnumMap<>(Field.class);
        List<String> stack = new ArrayList<>();
        Map<String, Field> byName = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            if (field != Field.LAYER_UNITS && field != Field.LAYER_RATE && field != Field.LAYERS) {
                byName.put(field.specField, field);
            }
        }
        for (SpecError problem : problems) {
            Field field = byName.get(problem.field());
            int layer = layerOf(problem.field());
            Matcher indexed = INDEXED.matcher(problem.field());
            Field listField = indexed.matches() ? byName.get(indexed.group(1)) : null;
            if (field != null) {
                messages.merge(field, problem.message(), SpecForm::join);
            } else if (listField != null) {
                // "architecture.encoder[1]": the second width typed in the encoder's field
                messages.merge(listField, "width " + (Integer.parseInt(indexed.group(2)) + 1) + " " + problem.message(), SpecForm::join);
            } else if (layer >= 0) {
                String part = problem.field().substring(layerPrefix(layer).length());
                if (layer == selectedLayer && part.equals("." + Field.LAYER_UNITS.specField)) {
                    messages.merge(Field.LAYER_UNITS, problem.message(), SpecForm::join);
                } else if (layer == selectedLayer && part.equals("." + Field.LAYER_RATE.specField)) {
                    messages.merge(Field.LAYER_RATE, problem.message(), SpecForm::join);
                } else {
                    stack.add("layer " + (layer + 1) + (part.isEmpty() ? "" : " " + part.substring(1)) + ": " + problem.message());
                }
            } else if (problem.field().equals(Field.LAYERS.specField)) {
                stack.add(problem.message());
            } else {
                stack.add(problem.toString());
            }
        }
        if (!stack.isEmpty()) {
            messages.put(Field.LAYERS, String.join("\n", stack));
        }
        return messages;
    }

    /** A validator field naming one entry of a list field, e.g. "architecture.encoder[1]". */
    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    /** The index of the layer a validator field names ("layers[2].units" is layer 2), or -1. */
    private int layerOf(String specField) {
        for (int i = 0; i < layers.size(); i++) {
            String prefix = layerPrefix(i);
            if (specField.equals(prefix) || specField.startsWith(prefix + ".")) {
                return i;
            }
        }
        return -1;
    }

    private static String layerPrefix(int index) {
        return Field.LAYERS.specField + "[" + index + "]";
    }

    private static String join(String a, String b) {
        return a + "; " + b;
    }

    // ---- the fields ----

    public String text(Field field) {
        String text = texts.get(field);
        if (text == null) {
            throw new IllegalArgumentException(field + " is not a text field");
        }
        return text;
    }

    public void setText(Field field, String text) {
        if (!TEXT_FIELDS.contains(field)) {
            throw new IllegalArgumentException(field + " is not a text field");
        }
        texts.put(field, text == null ? "" : text);
    }

    public OptimizerSpec.Type optimizer() {
        return optimizer;
    }

    public void setOptimizer(OptimizerSpec.Type type) {
        optimizer = type;
    }

    public LossType loss() {
        return loss;
    }

    public void setLoss(LossType type) {
        loss = type;
    }

    public TrainingSettings.Selection selection() {
        return selection;
    }

    public void setSelection(TrainingSettings.Selection value) {
        selection = value;
    }

    public TrainMetricsKind trainMetrics() {
        return trainMetrics;
    }

    public void setTrainMetrics(TrainMetricsKind value) {
        trainMetrics = value;
    }

    public boolean l2Normalize() {
        return l2Normalize;
    }

    public void setL2Normalize(boolean value) {
        l2Normalize = value;
    }

    /** The activation of every layer of a vae or cdae (unused by a plain autoencoder, whose layers each have one). */
    public Activation kindActivation() {
        return kindActivation;
    }

    public void setKindActivation(Activation activation) {
        kindActivation = activation;
    }

    /** The spec's kind as spec files name it ("autoencoder", "vae", "cdae"); "" before a spec is filled in. */
    public String kind() {
        return kind;
    }

    /**
     * Whether the layer stack is edited layer by layer (a plain autoencoder). A vae's or cdae's stack is drawn from
     * its Kind fields and only shown: it cannot hold other shapes, so an edit there would not be what is saved.
     */
    public boolean layersEditable() {
        return layersEditable;
    }

    public Activation layerActivation() {
        return layerActivation;
    }

    public void setLayerActivation(Activation activation) {
        layerActivation = activation;
    }

    /** The hidden layers as last filled or set, input side first. */
    public List<LayerSpec> layers() {
        return layers;
    }

    /** Replaces the layer stack (add, remove, move) and selects {@code selection}. */
    public void setLayers(List<LayerSpec> newLayers, int selection) {
        layers = List.copyOf(newLayers);
        selectLayer(selection);
    }

    public int selectedLayer() {
        return selectedLayer;
    }

    /** Selects a layer (-1: none) and shows its values in the layer fields. */
    public void selectLayer(int index) {
        selectedLayer = index >= 0 && index < layers.size() ? index : -1;
        texts.put(Field.LAYER_UNITS, "");
        texts.put(Field.LAYER_RATE, "");
        if (selectedLayer >= 0 && layers.get(selectedLayer) instanceof LayerSpec.Dense dense) {
            texts.put(Field.LAYER_UNITS, String.valueOf(dense.units()));
            layerActivation = dense.activation();
        } else if (selectedLayer >= 0 && layers.get(selectedLayer) instanceof LayerSpec.Dropout dropout) {
            texts.put(Field.LAYER_RATE, number(dropout.rate()));
        }
    }

    /** "dense", "dropout", or "" when no layer is selected. */
    public String layerKind() {
        if (selectedLayer < 0) {
            return "";
        }
        return layers.get(selectedLayer) instanceof LayerSpec.Dense ? "dense" : "dropout";
    }

    /** A number as typed by a person: 30 rather than 30.0, 0.0001 rather than 1.0E-4. */
    public static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        // 0.0001 rather than Java's 1.0E-4
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
