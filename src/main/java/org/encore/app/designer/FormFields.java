package org.encore.app.designer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.encore.app.designer.SpecForm.Field;
import org.encore.model.Activation;
import org.encore.model.LossType;
import org.encore.model.OptimizerSpec;
import org.encore.model.TrainingSettings;
import org.encore.training.TrainMetricsKind;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The designer form's fields as JavaFX properties for the controls to bind both ways: a change a person makes goes
 * into the {@link SpecForm} and is committed (named by its field, so that typing in one field is one undo step);
 * {@link #show} copies the form back into the properties without that counting as an edit.
 */
public final class FormFields {
    private final SpecForm form;
    private final Consumer<String> commit;
    private final Map<Field, StringProperty> texts = new EnumMap<>(Field.class);
    private final ObjectProperty<OptimizerSpec.Type> optimizer = new SimpleObjectProperty<>(this, "optimizer", OptimizerSpec.Type.ADAM);
    private final ObjectProperty<LossType> loss = new SimpleObjectProperty<>(this, "loss", LossType.MSE);
    private final ObjectProperty<TrainingSettings.Selection> selection = new SimpleObjectProperty<>(this, "selection",
            TrainingSettings.Selection.LOSS);
    private final ObjectProperty<TrainMetricsKind> trainMetrics = new SimpleObjectProperty<>(this, "trainMetrics", TrainMetricsKind.RUNNING);
    private final BooleanProperty l2Normalize = new SimpleBooleanProperty(this, "l2Normalize");
    private final ObjectProperty<Activation> layerActivation = new SimpleObjectProperty<>(this, "layerActivation", Activation.SELU);
    private final ObjectProperty<Activation> kindActivation = new SimpleObjectProperty<>(this, "kindActivation", Activation.TANH);
    private final ReadOnlyStringWrapper layerKind = new ReadOnlyStringWrapper(this, "layerKind", "");
    private final ReadOnlyStringWrapper kind = new ReadOnlyStringWrapper(this, "kind", "");
    private final ReadOnlyBooleanWrapper layersEditable = new ReadOnlyBooleanWrapper(this, "layersEditable", true);
    private boolean updating;

    /**
     * @param form   the form the properties mirror
     * @param commit called after a person's change went into the form, with the name of the field changed
     */
    FormFields(SpecForm form, Consumer<String> commit) {
        this.form = form;
        this.commit = commit;
        for (Field field : SpecForm.TEXT_FIELDS) {
            StringProperty text = new SimpleStringProperty(this, field.name(), "");
            texts.put(field, text);
            text.addListener(edited(field.name(), value -> form.setText(field, value)));
        }
        optimizer.addListener(edited("optimizer", form::setOptimizer));
        loss.addListener(edited("loss", form::setLoss));
        selection.addListener(edited("selection", form::setSelection));
        trainMetrics.addListener(edited("trainMetrics", form::setTrainMetrics));
        l2Normalize.addListener(edited("l2Normalize", form::setL2Normalize));
        layerActivation.addListener(edited("layer.activation", form::setLayerActivation));
        kindActivation.addListener(edited("kind.activation", form::setKindActivation));
    }

    private <T> ChangeListener<T> edited(String field, Consumer<T> intoForm) {
        return (ObservableValue<? extends T> obs, T old, T value) -> {
            if (!updating) {
                intoForm.accept(value);
                commit.accept(field);
            }
        };
    }

    /** Copies the form into the properties, without taking that for an edit. */
    void show() {
        updating = true;
        try {
            texts.forEach((field, text) -> text.set(form.text(field)));
            optimizer.set(form.optimizer());
            loss.set(form.loss());
            selection.set(form.selection());
            trainMetrics.set(form.trainMetrics());
            l2Normalize.set(form.l2Normalize());
            layerActivation.set(form.layerActivation());
            kindActivation.set(form.kindActivation());
            layerKind.set(form.layerKind());
            kind.set(form.kind());
            layersEditable.set(form.layersEditable());
        } finally {
            updating = false;
        }
    }

    /** The text of one of {@link SpecForm#TEXT_FIELDS}, bound both ways to its text field. */
    public StringProperty text(Field field) {
        StringProperty text = texts.get(field);
        if (text == null) {
            throw new IllegalArgumentException(field + " is not a text field");
        }
        return text;
    }

    public ObjectProperty<OptimizerSpec.Type> optimizerProperty() {
        return optimizer;
    }

    public ObjectProperty<LossType> lossProperty() {
        return loss;
    }

    public ObjectProperty<TrainingSettings.Selection> selectionProperty() {
        return selection;
    }

    public ObjectProperty<TrainMetricsKind> trainMetricsProperty() {
        return trainMetrics;
    }

    public BooleanProperty l2NormalizeProperty() {
        return l2Normalize;
    }

    /** The selected layer's activation (a plain autoencoder's dense layer). */
    public ObjectProperty<Activation> layerActivationProperty() {
        return layerActivation;
    }

    /** The activation of every layer of a vae or cdae. */
    public ObjectProperty<Activation> kindActivationProperty() {
        return kindActivation;
    }

    /** "dense", "dropout", or "" when no layer is selected. */
    public ReadOnlyStringProperty layerKindProperty() {
        return layerKind.getReadOnlyProperty();
    }

    /** The selected spec's kind, "autoencoder", "vae" or "cdae" ({@link SpecForm#kind()}). */
    public ReadOnlyStringProperty kindProperty() {
        return kind.getReadOnlyProperty();
    }

    /** Whether the layer stack is edited layer by layer ({@link SpecForm#layersEditable()}). */
    public ReadOnlyBooleanProperty layersEditableProperty() {
        return layersEditable.getReadOnlyProperty();
    }
}
