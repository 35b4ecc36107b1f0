package org.encore.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.ArrayList;
import java.util.List;

/**
 * How a spec is trained. Built with {@link #builder()} (reference defaults) or changed with {@link #toBuilder()}.
 *
 * @param optimizer          optimizer and learning rate
 * @param batchSize          users per mini-batch
 * @param epochs             passes over the training users (the most: early stopping may end sooner)
 * @param usersFraction      fraction of all users taken into the experiment (reference: 0.1)
 * @param validationFraction fraction of those held out for validation (reference: 0.2)
 * @param seed               seeds user sampling, the split, shuffling and weight initialisation
 * @param l2                 L2 weight penalty added to the loss, coefficient * sum of squared weights / 2 (0 = none)
 * @param patience           early stopping: stop after this many epochs without a better {@code selection} metric
 *                           and keep the best epoch's weights (0 = off: every epoch runs)
 * @param selection          which validation metric chooses the kept epoch and drives early stopping: "loss" (the
 *                           validation MSE; the last weights are kept unless patience is on) or "ndcg100" (the
 *                           validation users' NDCG@100 with 80% of their ratings fed in; the best epoch's weights
 *                           are always kept, as Liang et al. 2018 do). Missing in older files: "loss"
 * @param exactTrainMetrics  report the training users' metrics from a separate inference pass after each epoch
 *                           instead of accumulating them during the training steps as Keras does (false, the default)
 */
public record TrainingSettings(OptimizerSpec optimizer, int batchSize, int epochs, double usersFraction,
                               double validationFraction, long seed, double l2, int patience, Selection selection,
                               boolean exactTrainMetrics) {

    public TrainingSettings {
        selection = selection == null ? Selection.LOSS : selection;
    }

    /** The validation metric that selects the kept epoch. */
    public enum Selection {
        /** The validation MSE, lower is better. */
        LOSS("loss"),
        /** The validation users' NDCG@100 (fold-in 80%, relevance rating &gt;= 4), higher is better. */
        NDCG100("ndcg100");

        private final String id;

        Selection(String id) {
            this.id = id;
        }

        @JsonValue
        public String id() {
            return id;
        }

        @JsonCreator
        public static Selection fromId(String id) {
            for (Selection s : values()) {
                if (s.id.equalsIgnoreCase(id)) {
                    return s;
                }
            }
            throw new IllegalArgumentException("unknown selection '" + id + "', expected loss or ndcg100");
        }
    }

    /** Builder starting from the reference protocol: Adam 1e-3, batch 256, 30 epochs, 10% of users, 20% validation, seed 42. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().optimizer(optimizer).batchSize(batchSize).epochs(epochs).usersFraction(usersFraction)
                .validationFraction(validationFraction).seed(seed).l2(l2).patience(patience).selection(selection)
                .exactTrainMetrics(exactTrainMetrics);
    }

    /** Problems with these settings, named from "training". */
    List<SpecError> validate() {
        List<SpecError> errors = new ArrayList<>();
        if (optimizer == null) {
            errors.add(new SpecError("training.optimizer", "is missing (expected adam, sgd or rmsprop with a learning rate)"));
        } else {
            if (optimizer.type() == null) {
                errors.add(new SpecError("training.optimizer.type", "is missing (expected adam, sgd or rmsprop)"));
            }
            if (!(optimizer.learningRate() > 0) || Double.isInfinite(optimizer.learningRate())) {
                errors.add(new SpecError("training.optimizer.learningRate", "must be > 0, got " + optimizer.learningRate()));
            }
            if (!(optimizer.momentum() >= 0 && optimizer.momentum() < 1)) {
                errors.add(new SpecError("training.optimizer.momentum", "must be in [0, 1), got " + optimizer.momentum()));
            }
        }
        if (batchSize < 1) {
            errors.add(new SpecError("training.batchSize", "must be >= 1, got " + batchSize));
        }
        if (epochs < 1) {
            errors.add(new SpecError("training.epochs", "must be >= 1, got " + epochs));
        }
        if (!(usersFraction > 0 && usersFraction <= 1)) {
            errors.add(new SpecError("training.usersFraction", "must be in (0, 1], got " + usersFraction));
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            errors.add(new SpecError("training.validationFraction", "must be in (0, 1), got " + validationFraction));
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            errors.add(new SpecError("training.l2", "must be >= 0, got " + l2));
        }
        if (patience < 0) {
            errors.add(new SpecError("training.patience", "must be >= 0 (0 = no early stopping), got " + patience));
        }
        return errors;
    }

    /** Sets the fields one by one; see {@link TrainingSettings#builder()} for the defaults. */
    public static final class Builder {
        private OptimizerSpec optimizer = OptimizerSpec.adam(1e-3);
        private int batchSize = 256;
        private int epochs = 30;
        private double usersFraction = 0.1;
        private double validationFraction = 0.2;
        private long seed = 42;
        private double l2;
        private int patience;
        private boolean exactTrainMetrics;
        private Selection selection = Selection.LOSS;

        private Builder() {
        }

        public Builder optimizer(OptimizerSpec value) {
            this.optimizer = value;
            return this;
        }

        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        public Builder epochs(int value) {
            this.epochs = value;
            return this;
        }

        public Builder usersFraction(double value) {
            this.usersFraction = value;
            return this;
        }

        public Builder validationFraction(double value) {
            this.validationFraction = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder l2(double value) {
            this.l2 = value;
            return this;
        }

        public Builder patience(int value) {
            this.patience = value;
            return this;
        }

        public Builder exactTrainMetrics(boolean value) {
            this.exactTrainMetrics = value;
            return this;
        }

        public Builder selection(Selection value) {
            this.selection = value;
            return this;
        }

        public TrainingSettings build() {
            return new TrainingSettings(optimizer, batchSize, epochs, usersFraction, validationFraction, seed, l2, patience,
                    selection, exactTrainMetrics);
        }
    }
}
