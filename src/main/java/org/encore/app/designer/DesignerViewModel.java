package org.encore.app.designer;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.Bar;
import org.encore.app.DesignEntry;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.model.Activation;
import org.encore.model.LayerSpec;
import org.encore.model.LossType;
import org.encore.model.MemoryEstimate;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.model.Presets;
import org.encore.model.SpecError;
import org.encore.model.SpecFiles;
import org.encore.model.SpecValidator;
import org.encore.model.TrainingSettings;
import org.encore.training.Engine;
import org.encore.training.TrainingPlan;
import org.encore.training.TrainingException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model designer's state: the list of specs, the selected spec as editable fields, validation messages per
 * field, the live parameter count and memory estimate, the layer widths drawing, undo and redo, JSON files.
 * Every edit that parses becomes a new immutable {@link ModelSpec} in the shared list.
 */
public final class DesignerViewModel {
    /** Width assumed when no dataset is open: ml-latest-small's movies. */
    public static final int DEFAULT_WIDTH = 9_742;
    public static final String NAME = "name";
    public static final String LEARNING_RATE = "training.optimizer.learningRate";
    public static final String MOMENTUM = "training.optimizer.momentum";
    public static final String BATCH = "training.batchSize";
    public static final String EPOCHS = "training.epochs";
    public static final String USERS_FRACTION = "training.usersFraction";
    public static final String VALIDATION_FRACTION = "training.validationFraction";
    public static final String SEED = "training.seed";
    public static final String LAYER_UNITS = "layer.units";
    public static final String LAYER_RATE = "layer.rate";
    public static final String LAYERS = "architecture.layers";
    private static final List<String> FIELDS = List.of(NAME, LEARNING_RATE, MOMENTUM, BATCH, EPOCHS, USERS_FRACTION,
            VALIDATION_FRACTION, SEED, LAYER_UNITS, LAYER_RATE, LAYERS);
    private static final Pattern LAYER_FIELD = Pattern.compile("architecture\\.layers\\[(\\d+)]\\.?(\\w*)");

    private record State(List<DesignEntry> entries, int selected) {
    }

    private final Workbench workbench;
    private final Engine engine;
    private final ObservableList<DesignEntry> designs;
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<ModelSpec> spec = new ReadOnlyObjectWrapper<>(this, "spec");
    private final ObservableList<LayerSpec> layers = FXCollections.observableArrayList();
    private final IntegerProperty selectedLayer = new SimpleIntegerProperty(this, "selectedLayer", -1);

    private final StringProperty name = new SimpleStringProperty(this, NAME, "");
    private final ObjectProperty<OptimizerSpec.Type> optimizer = new SimpleObjectProperty<>(this, "optimizer", OptimizerSpec.Type.ADAM);
    private final StringProperty learningRate = new SimpleStringProperty(this, LEARNING_RATE, "");
    private final StringProperty momentum = new SimpleStringProperty(this, MOMENTUM, "");
    private final ObjectProperty<LossType> loss = new SimpleObjectProperty<>(this, "loss", LossType.MSE);
    private final StringProperty batchSize = new SimpleStringProperty(this, BATCH, "");
    private final StringProperty epochs = new SimpleStringProperty(this, EPOCHS, "");
    private final StringProperty usersFraction = new SimpleStringProperty(this, USERS_FRACTION, "");
    private final StringProperty validationFraction = new SimpleStringProperty(this, VALIDATION_FRACTION, "");
    private final StringProperty seed = new SimpleStringProperty(this, SEED, "");
    private final ReadOnlyStringWrapper layerKind = new ReadOnlyStringWrapper(this, "layerKind", "");
    private final StringProperty layerUnits = new SimpleStringProperty(this, LAYER_UNITS, "");
    private final ObjectProperty<Activation> layerActivation = new SimpleObjectProperty<>(this, "layerActivation", Activation.SELU);
    private final StringProperty layerRate = new SimpleStringProperty(this, LAYER_RATE, "");

    private final Map<String, ReadOnlyStringWrapper> errors = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper estimate = new ReadOnlyStringWrapper(this, "estimate", "");
    private final ReadOnlyStringWrapper parameters = new ReadOnlyStringWrapper(this, "parameters", "");
    private final ReadOnlyStringWrapper json = new ReadOnlyStringWrapper(this, "json", "");
    private final ReadOnlyStringWrapper fits = new ReadOnlyStringWrapper(this, "fits", "");
    private final ReadOnlyStringWrapper users = new ReadOnlyStringWrapper(this, "users", "");
    private final ReadOnlyStringWrapper widthText = new ReadOnlyStringWrapper(this, "widthText", "");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyBooleanWrapper canReset = new ReadOnlyBooleanWrapper(this, "canReset");
    private final ReadOnlyStringWrapper fileMessage = new ReadOnlyStringWrapper(this, "fileMessage", "");
    private final ObservableList<Bar> widths = FXCollections.observableArrayList();
    private final ObservableList<Bar> dropouts = FXCollections.observableArrayList();
    private final UndoHistory<State> history = new UndoHistory<>();
    private boolean updatingFields;

    public DesignerViewModel(Workbench workbench, Engine engine) {
        this.engine = engine;
        this.workbench = workbench;
        this.designs = workbench.designs();
        FIELDS.forEach(field -> errors.put(field, new ReadOnlyStringWrapper(this, field + "Error", "")));
        selected.addListener((obs, old, index) -> {
            history.breakMerge();
            showSelected();
        });
        selectedLayer.addListener((obs, old, index) -> {
            history.breakMerge();
            showLayerFields();
        });
        for (StringProperty field : List.of(name, learningRate, momentum, batchSize, epochs, usersFraction, validationFraction, seed)) {
            field.addListener(edited(field.getName()));
        }
        optimizer.addListener(edited("optimizer"));
        loss.addListener(edited("loss"));
        layerUnits.addListener(edited(LAYER_UNITS));
        layerRate.addListener(edited(LAYER_RATE));
        layerActivation.addListener(edited("layer.activation"));
        workbench.datasetProperty().addListener((obs, old, dataset) -> refreshEstimate());
        workbench.backendReadyProperty().addListener((obs, old, ready) -> refreshEstimate());
        selected.set(designs.isEmpty() ? -1 : 0);
    }

    private <T> ChangeListener<T> edited(String field) {
        return (obs, old, value) -> {
            if (!updatingFields) {
                commitFields(field);
            }
        };
    }

    // ---- selection and field display ----

    private void showSelected() {
        int index = selected.get();
        ModelSpec current = index >= 0 && index < designs.size() ? designs.get(index).spec() : null;
        spec.set(current);
        updatingFields = true;
        try {
            if (current == null) {
                layers.clear();
                name.set("");
            } else {
                layers.setAll(current.architecture().layers());
                name.set(current.name());
                optimizer.set(current.training().optimizer().type());
                learningRate.set(number(current.training().optimizer().learningRate()));
                momentum.set(number(current.training().optimizer().momentum()));
                loss.set(current.loss());
                batchSize.set(String.valueOf(current.training().batchSize()));
                epochs.set(String.valueOf(current.training().epochs()));
                usersFraction.set(number(current.training().usersFraction()));
                validationFraction.set(number(current.training().validationFraction()));
                seed.set(String.valueOf(current.training().seed()));
            }
        } finally {
            updatingFields = false;
        }
        if (selectedLayer.get() >= layers.size()) {
            selectedLayer.set(layers.size() - 1);
        }
        showLayerFields();
        canReset.set(current != null && index < designs.size() && designs.get(index).preset() != null);
        refreshEstimate();
    }

    private void showLayerFields() {
        int index = selectedLayer.get();
        updatingFields = true;
        try {
            if (index < 0 || index >= layers.size()) {
                layerKind.set("");
                layerUnits.set("");
                layerRate.set("");
            } else if (layers.get(index) instanceof LayerSpec.Dense dense) {
                layerKind.set("dense");
                layerUnits.set(String.valueOf(dense.units()));
                layerActivation.set(dense.activation());
                layerRate.set("");
            } else if (layers.get(index) instanceof LayerSpec.Dropout dropout) {
                layerKind.set("dropout");
                layerUnits.set("");
                layerRate.set(number(dropout.rate()));
            }
        } finally {
            updatingFields = false;
        }
        refreshEstimate();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.valueOf(value);
    }

    // ---- editing ----

    /** Parses every field; a spec that parses replaces the selected one (one undo step per field being typed). */
    private void commitFields(String field) {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        Map<String, String> parseErrors = new LinkedHashMap<>();
        double lr = parseDouble(learningRate.get(), LEARNING_RATE, parseErrors);
        double mom = momentum.get() == null || momentum.get().isBlank() ? 0 : parseDouble(momentum.get(), MOMENTUM, parseErrors);
        int batch = parseInt(batchSize.get(), BATCH, parseErrors);
        int epochCount = parseInt(epochs.get(), EPOCHS, parseErrors);
        double users = parseDouble(usersFraction.get(), USERS_FRACTION, parseErrors);
        double validation = parseDouble(validationFraction.get(), VALIDATION_FRACTION, parseErrors);
        long seedValue = parseLong(seed.get(), SEED, parseErrors);
        List<LayerSpec> newLayers = new ArrayList<>(layers);
        int layerIndex = selectedLayer.get();
        if (layerIndex >= 0 && layerIndex < newLayers.size()) {
            LayerSpec layer = newLayers.get(layerIndex);
            if (layer instanceof LayerSpec.Dense dense) {
                int units = parseInt(layerUnits.get(), LAYER_UNITS, parseErrors);
                if (!parseErrors.containsKey(LAYER_UNITS)) {
                    newLayers.set(layerIndex, new LayerSpec.Dense(units, layerActivation.get(), dense.name()));
                }
            } else {
                double rate = parseDouble(layerRate.get(), LAYER_RATE, parseErrors);
                if (!parseErrors.containsKey(LAYER_RATE)) {
                    newLayers.set(layerIndex, new LayerSpec.Dropout(rate));
                }
            }
        }
        String newName = name.get() == null ? "" : name.get().trim();
        if (newName.isEmpty()) {
            parseErrors.put(NAME, "a name is needed");
        } else if (isNameTakenByAnother(newName)) {
            parseErrors.put(NAME, "another spec is called " + newName);
        }
        if (!parseErrors.isEmpty()) {
            // The fields that parse are still checked, with the selected spec's values standing in for the others,
            // so that a second bad field shows its message too; the estimate of the old spec would mislead.
            TrainingSettings was = current.training();
            ModelSpec candidate = current.toBuilder()
                    .name(parseErrors.containsKey(NAME) ? current.name() : newName)
                    .layers(newLayers)
                    .loss(loss.get())
                    .training(was.toBuilder()
                            .optimizer(new OptimizerSpec(optimizer.get(),
                                    parseErrors.containsKey(LEARNING_RATE) ? was.optimizer().learningRate() : lr,
                                    parseErrors.containsKey(MOMENTUM) ? was.optimizer().momentum() : mom))
                            .batchSize(parseErrors.containsKey(BATCH) ? was.batchSize() : batch)
                            .epochs(parseErrors.containsKey(EPOCHS) ? was.epochs() : epochCount)
                            .usersFraction(parseErrors.containsKey(USERS_FRACTION) ? was.usersFraction() : users)
                            .validationFraction(parseErrors.containsKey(VALIDATION_FRACTION) ? was.validationFraction() : validation)
                            .seed(parseErrors.containsKey(SEED) ? was.seed() : seedValue)
                            .build())
                    .build();
            Map<String, String> messages = validationMessages(SpecValidator.validate(candidate));
            messages.putAll(parseErrors);
            showErrors(messages);
            showInvalid();
            return;
        }
        ModelSpec edited = current.toBuilder()
                .name(newName)
                .layers(newLayers)
                .loss(loss.get())
                .training(current.training().toBuilder().optimizer(new OptimizerSpec(optimizer.get(), lr, mom))
                        .batchSize(batch).epochs(epochCount).usersFraction(users).validationFraction(validation)
                        .seed(seedValue).build())
                .build();
        replaceSelected(edited, field);
    }

    private boolean isNameTakenByAnother(String candidate) {
        for (int i = 0; i < designs.size(); i++) {
            if (i != selected.get() && designs.get(i).name().equals(candidate)) {
                return true;
            }
        }
        return false;
    }

    private void replaceSelected(ModelSpec edited, String mergeField) {
        int index = selected.get();
        DesignEntry entry = designs.get(index);
        if (entry.spec().equals(edited)) {
            refreshEstimate();
            return;
        }
        history.record(state(), mergeField);
        int layer = selectedLayer.get();
        designs.set(index, entry.withSpec(edited));
        // the list's set may have cleared the selection of a bound list view
        selected.set(index);
        spec.set(edited);
        if (!layers.equals(edited.architecture().layers())) {
            layers.setAll(edited.architecture().layers());
        }
        selectedLayer.set(Math.min(layer, layers.size() - 1));
        refreshEstimate();
    }

    private void applyLayers(List<LayerSpec> newLayers, int newSelection) {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        history.breakMerge();
        replaceSelected(current.toBuilder().layers(newLayers).build(), null);
        selectedLayer.set(newSelection);
        showLayerFields();
    }

    public void addDense() {
        List<LayerSpec> list = new ArrayList<>(layers);
        int at = selectedLayer.get() + 1;
        list.add(at, LayerSpec.dense(256, Activation.SELU));
        applyLayers(list, at);
    }

    public void addDropout() {
        List<LayerSpec> list = new ArrayList<>(layers);
        int at = selectedLayer.get() + 1;
        list.add(at, LayerSpec.dropout(0.5));
        applyLayers(list, at);
    }

    public void removeLayer() {
        int at = selectedLayer.get();
        if (at < 0 || at >= layers.size()) {
            return;
        }
        List<LayerSpec> list = new ArrayList<>(layers);
        list.remove(at);
        applyLayers(list, Math.min(at, list.size() - 1));
    }

    public void moveLayer(int delta) {
        int at = selectedLayer.get();
        int to = at + delta;
        if (at < 0 || to < 0 || to >= layers.size()) {
            return;
        }
        List<LayerSpec> list = new ArrayList<>(layers);
        list.add(to, list.remove(at));
        applyLayers(list, to);
    }

    // ---- the list of specs ----

    public void duplicate() {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        history.record(state(), null);
        DesignEntry copy = new DesignEntry(designs.get(selected.get()).preset(), current.toBuilder().name(uniqueName(current.name() + " copy")).build());
        designs.add(selected.get() + 1, copy);
        selected.set(selected.get() + 1);
    }

    public void rename(String newName) {
        if (newName != null && !newName.isBlank()) {
            history.breakMerge();
            name.set(newName.trim());
            history.breakMerge();
        }
    }

    /** Deletes the selected spec; the last one stays. */
    public void delete() {
        int index = selected.get();
        if (index < 0 || designs.size() <= 1) {
            return;
        }
        history.record(state(), null);
        designs.remove(index);
        selected.set(-1);
        selected.set(Math.min(index, designs.size() - 1));
    }

    /** Puts back the preset the selected spec came from, keeping its name. */
    public void resetToPreset() {
        int index = selected.get();
        if (index < 0 || designs.get(index).preset() == null) {
            return;
        }
        DesignEntry entry = designs.get(index);
        history.breakMerge();
        replaceSelected(Presets.byName(entry.preset()).toBuilder().name(entry.name()).build(), null);
        showSelected();
    }

    public void undo() {
        restore(history.undo(state()));
    }

    public void redo() {
        restore(history.redo(state()));
    }

    private State state() {
        return new State(List.copyOf(designs), selected.get());
    }

    private void restore(State state) {
        if (state == null) {
            return;
        }
        int layer = selectedLayer.get();
        designs.setAll(state.entries());
        selected.set(-1);
        selected.set(state.selected());
        selectedLayer.set(Math.min(layer, layers.size() - 1));
    }

    private String uniqueName(String base) {
        String candidate = base;
        int n = 2;
        while (nameExists(candidate)) {
            candidate = base + " " + n++;
        }
        return candidate;
    }

    private boolean nameExists(String candidate) {
        return designs.stream().anyMatch(d -> d.name().equals(candidate));
    }

    /** Adds the selected spec to the training queue. */
    public void queueForTraining() {
        if (spec.get() != null && valid.get()) {
            workbench.trainingQueue().add(spec.get());
        }
    }

    // ---- files ----

    public void save(Path file) {
        ModelSpec current = spec.get();
        if (current == null) {
            return;
        }
        if (!valid.get()) {
            // the fields on screen are not the selected spec: saving it would write something else than shown
            fileMessage.set("Not saved: fix the marked fields first");
            return;
        }
        try {
            SpecFiles.write(file, current);
            fileMessage.set("Saved " + file.getFileName());
        } catch (IOException e) {
            fileMessage.set("Cannot save " + file + ": " + e.getMessage());
        }
    }

    /** Reads a spec JSON and adds it to the list; a bad file leaves the list as it was. */
    public void load(Path file) {
        try {
            ModelSpec loaded = SpecFiles.read(file);
            if (loaded.name() == null || loaded.name().isBlank()) {
                loaded = loaded.toBuilder().name(file.getFileName().toString().replaceFirst("\\.json$", "")).build();
            }
            history.record(state(), null);
            designs.add(new DesignEntry(null, loaded.toBuilder().name(uniqueName(loaded.name())).build()));
            selected.set(designs.size() - 1);
            fileMessage.set("Loaded " + file.getFileName());
        } catch (SpecFiles.SpecFormatException e) {
            fileMessage.set("Cannot load " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            fileMessage.set("Cannot load " + file.getFileName() + ": " + e.getMessage());
        }
    }

    // ---- validation and estimate ----

    private void refreshEstimate() {
        ModelSpec current = spec.get();
        widths.clear();
        int width = width();
        Dataset dataset = workbench.dataset();
        widthText.set(String.format(Locale.ROOT, "Layer widths; input and output N = %,d %s", width,
                dataset == null ? "(ml-latest-small's movies; no dataset open)" : "(the movies of " + sourceName(dataset) + ")"));
        if (current == null) {
            json.set("");
            estimate.set("");
            parameters.set("");
            showErrors(Map.of());
            return;
        }
        json.set(SpecFiles.toJson(current));
        List<Bar> bars = new ArrayList<>();
        List<Bar> drops = new ArrayList<>();
        bars.add(new Bar("input", width));
        for (LayerSpec layer : current.architecture().layers()) {
            if (layer instanceof LayerSpec.Dense dense) {
                bars.add(new Bar(dense.name() == null ? dense.activation().keras() : dense.name(), dense.units()));
            } else if (layer instanceof LayerSpec.Dropout dropout) {
                // a dropout acts on the output of the dense layer drawn last
                drops.add(new Bar("dropout " + number(dropout.rate()), bars.size() - 1));
            }
        }
        bars.add(new Bar("output", width));
        dropouts.setAll(drops);
        widths.setAll(bars);
        List<SpecError> problems = SpecValidator.validate(current);
        showErrors(validationMessages(problems));
        if (!problems.isEmpty()) {
            showInvalid();
            return;
        }
        valid.set(true);
        MemoryEstimate memory = MemoryEstimate.of(current, width);
        parameters.set(String.format(Locale.ROOT, "Parameters: %,d", memory.parameters()));
        estimate.set(String.format(Locale.ROOT, "Training memory ≈ %s%n  weights %s%n  optimizer state and gradient %s%n"
                        + "  activations at batch %d: %s%n  densified batch: %s",
                MemoryEstimate.bytes(memory.totalBytes()), MemoryEstimate.bytes(memory.weightBytes()),
                MemoryEstimate.bytes(memory.optimizerBytes()), current.training().batchSize(),
                MemoryEstimate.bytes(memory.activationBytes()), MemoryEstimate.bytes(memory.batchBytes())));
        fits.set(fitsText(current, width));
        users.set(usersText(current));
    }

    /** Below this many training users a preset's millions of weights mostly learn popularity (sample-data: 80 at 10%). */
    static final int FEW_TRAINING_USERS = 500;

    /** How many of the open dataset's users the reference protocol trains and validates on, before a run starts. */
    private String usersText(ModelSpec current) {
        Dataset dataset = workbench.dataset();
        if (dataset == null || dataset.ratings().userCount() < 2) {
            return "";
        }
        int total = dataset.ratings().userCount();
        int[] sizes = TrainingPlan.referenceSizes(current, total);
        String text = String.format(Locale.ROOT, "Trains on %,d users, validates on %,d (of %,d)", sizes[0], sizes[1], total);
        if (sizes[0] < FEW_TRAINING_USERS && current.training().usersFraction() < 1.0) {
            text += "; few for a small dataset: raise Users fraction";
        }
        return text;
    }

    /** The validator's problems keyed by the field they are shown beside; layers other than the selected one go to {@link #LAYERS}. */
    private Map<String, String> validationMessages(List<SpecError> problems) {
        Map<String, String> messages = new LinkedHashMap<>();
        List<String> otherLayerProblems = new ArrayList<>();
        for (SpecError problem : problems) {
            Matcher m = LAYER_FIELD.matcher(problem.field());
            if (m.matches()) {
                int index = Integer.parseInt(m.group(1));
                String part = m.group(2);
                if (index == selectedLayer.get() && ("units".equals(part) || "rate".equals(part))) {
                    messages.merge("units".equals(part) ? LAYER_UNITS : LAYER_RATE, problem.message(), (a, b) -> a + "; " + b);
                } else {
                    otherLayerProblems.add("layer " + (index + 1) + " " + part + ": " + problem.message());
                }
            } else if (errors.containsKey(problem.field())) {
                messages.merge(problem.field(), problem.message(), (a, b) -> a + "; " + b);
            } else {
                otherLayerProblems.add(problem.toString());
            }
        }
        if (!otherLayerProblems.isEmpty()) {
            messages.put(LAYERS, String.join("\n", otherLayerProblems));
        }
        return messages;
    }

    private void showInvalid() {
        valid.set(false);
        parameters.set("Parameters: —");
        fits.set("");
        users.set("");
        estimate.set("Fix the marked fields to see the estimate");
    }

    /** The trainer's own memory check, once the native libraries it reads are loaded (never forced here). */
    private String fitsText(ModelSpec current, int width) {
        if (!workbench.backendReadyProperty().get()) {
            return "";
        }
        try {
            engine.checkFits(current, width);
            return "Fits this process's memory limits";
        } catch (TrainingException e) {
            return e.getMessage();
        }
    }

    private void showErrors(Map<String, String> messages) {
        errors.forEach((field, property) -> property.set(messages.getOrDefault(field, "")));
    }

    private static String sourceName(Dataset dataset) {
        Path name = dataset.source().getFileName();
        return name == null ? dataset.release() : name.toString();
    }

    private int width() {
        Dataset dataset = workbench.dataset();
        return dataset == null ? DEFAULT_WIDTH : dataset.ratings().movieCount();
    }

    private static double parseDouble(String text, String field, Map<String, String> problems) {
        return parse(text, field, problems, Double::parseDouble, "a number is expected", 0.0);
    }

    private static int parseInt(String text, String field, Map<String, String> problems) {
        return parse(text, field, problems, Integer::parseInt, "a whole number is expected", 0);
    }

    private static long parseLong(String text, String field, Map<String, String> problems) {
        return parse(text, field, problems, Long::parseLong, "a whole number is expected", 0L);
    }

    /** {@code parser}'s value of the trimmed text; else records {@code message} for {@code field} and returns {@code fallback}. */
    private static <T> T parse(String text, String field, Map<String, String> problems, Function<String, T> parser,
                               String message, T fallback) {
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            problems.put(field, message);
            return fallback;
        }
    }

    // ---- properties ----

    public ObservableList<DesignEntry> designs() {
        return designs;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<ModelSpec> specProperty() {
        return spec.getReadOnlyProperty();
    }

    public ObservableList<LayerSpec> layers() {
        return FXCollections.unmodifiableObservableList(layers);
    }

    public IntegerProperty selectedLayerProperty() {
        return selectedLayer;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<OptimizerSpec.Type> optimizerProperty() {
        return optimizer;
    }

    public StringProperty learningRateProperty() {
        return learningRate;
    }

    public StringProperty momentumProperty() {
        return momentum;
    }

    public ObjectProperty<LossType> lossProperty() {
        return loss;
    }

    public StringProperty batchSizeProperty() {
        return batchSize;
    }

    public StringProperty epochsProperty() {
        return epochs;
    }

    public StringProperty usersFractionProperty() {
        return usersFraction;
    }

    public StringProperty validationFractionProperty() {
        return validationFraction;
    }

    public StringProperty seedProperty() {
        return seed;
    }

    public ReadOnlyStringProperty layerKindProperty() {
        return layerKind.getReadOnlyProperty();
    }

    public StringProperty layerUnitsProperty() {
        return layerUnits;
    }

    public ObjectProperty<Activation> layerActivationProperty() {
        return layerActivation;
    }

    public StringProperty layerRateProperty() {
        return layerRate;
    }

    /** The message to show beside {@code field} (one of this class's field constants); empty when fine. */
    public ReadOnlyStringProperty errorProperty(String field) {
        ReadOnlyStringWrapper property = errors.get(field);
        if (property == null) {
            throw new IllegalArgumentException("unknown field " + field);
        }
        return property.getReadOnlyProperty();
    }

    /** "Trains on N users, validates on M (of T)" for the open dataset, with a hint when N is small. */
    public ReadOnlyStringProperty usersProperty() {
        return users.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty parametersProperty() {
        return parameters.getReadOnlyProperty();
    }

    /** The selected spec as its JSON file would hold it. */
    public ReadOnlyStringProperty jsonProperty() {
        return json.getReadOnlyProperty();
    }

    /** Whether the spec fits the memory limits (empty until ND4J is loaded), or the refusal with its figures. */
    public ReadOnlyStringProperty fitsProperty() {
        return fits.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty widthTextProperty() {
        return widthText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canResetProperty() {
        return canReset.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return history.canUndoProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return history.canRedoProperty();
    }

    public ReadOnlyStringProperty fileMessageProperty() {
        return fileMessage.getReadOnlyProperty();
    }

    /** Dropout layers for the drawing: label "dropout RATE", value = index in {@link #widths()} of the bar it follows. */
    public ObservableList<Bar> dropouts() {
        return dropouts;
    }

    /** Dense layer widths from input to output, each labelled (input, activation or layer name, output). */
    public ObservableList<Bar> widths() {
        return widths;
    }
}
