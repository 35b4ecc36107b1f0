package org.encore.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;
import org.encore.model.LossType;
import org.encore.model.OptimizerSpec;
import org.encore.model.TrainingSettings;
import org.encore.training.TrainMetricsKind;

import java.util.function.Function;

/**
 * Names of the specs' choices as people write them ("masked MSE", "Adam", not MASKED_MSE, ADAM), each with a
 * one-line hint for its tooltip. A choice added later without an entry here reads as its JSON id.
 */
public final class ReadableNames {
    private ReadableNames() {
    }

    public static String optimizer(OptimizerSpec.Type type) {
        return switch (type.id()) {
            case "adam" -> "Adam";
            case "sgd" -> "SGD";
            case "rmsprop" -> "RMSprop";
            default -> type.id();
        };
    }

    public static String optimizerHint(OptimizerSpec.Type type) {
        return switch (type.id()) {
            case "adam" -> "Adam: per-weight step sizes from running gradient moments (Kingma and Ba 2015); the reference's choice";
            case "sgd" -> "SGD: plain stochastic gradient descent, with the momentum below";
            case "rmsprop" -> "RMSprop: steps scaled by a running average of squared gradients (rho 0.9)";
            default -> type.id();
        };
    }

    public static String loss(LossType loss) {
        return switch (loss.id()) {
            case "mse" -> "MSE";
            case "masked_mse" -> "masked MSE";
            default -> loss.id().replace('_', ' ');
        };
    }

    public static String lossHint(LossType loss) {
        return switch (loss.id()) {
            case "mse" -> "MSE: squared error over every movie of the row, unrated ones as 0 (the reference)";
            case "masked_mse" -> "masked MSE: squared error over the rated movies only; unrated ones get no gradient";
            case "multinomial" -> "multinomial: -sum(x · log softmax(output)) per user (Mult-DAE, Mult-VAE); outputs rank, not stars";
            case "logistic" -> "logistic: cross-entropy of a sigmoid output, targets in [0, 1] (CDAE); outputs rank, not stars";
            default -> loss.id();
        };
    }

    public static String selection(TrainingSettings.Selection selection) {
        return switch (selection.id()) {
            case "loss" -> "validation loss";
            case "ndcg100" -> "validation NDCG@100";
            default -> selection.id();
        };
    }

    public static String selectionHint(TrainingSettings.Selection selection) {
        return switch (selection.id()) {
            case "loss" -> "validation loss: the epoch with the lowest validation loss; the last one unless patience is on";
            case "ndcg100" -> "validation NDCG@100: the epoch ranking the validation users' held-out movies best, always kept";
            default -> selection.id();
        };
    }

    public static String trainMetrics(TrainMetricsKind kind) {
        return kind.label();
    }

    public static String trainMetricsHint(TrainMetricsKind kind) {
        return switch (kind) {
            case RUNNING -> "running: accumulated over the epoch's training steps, as Keras' fit reports them (free)";
            case EXACT -> "exact: an inference pass over the training users after each epoch (slower)";
        };
    }

    /** Shows {@code box}'s items by {@code name}, each with its {@code hint} as tooltip, and the chosen one's hint on the box. */
    public static <T> void apply(ComboBox<T> box, Function<T, String> name, Function<T, String> hint) {
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                return box.getItems().stream().filter(item -> name.apply(item).equals(text)).findFirst().orElse(null);
            }
        });
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
                setTooltip(empty || item == null ? null : new Tooltip(hint.apply(item)));
            }
        });
        Runnable boxTip = () -> box.setTooltip(box.getValue() == null ? null : new Tooltip(hint.apply(box.getValue())));
        box.valueProperty().addListener((obs, old, value) -> boxTip.run());
        boxTip.run();
    }
}
