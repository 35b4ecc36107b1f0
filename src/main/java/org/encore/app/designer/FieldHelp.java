package org.encore.app.designer;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import org.encore.app.MetricHelp;
import org.encore.app.designer.SpecForm.Field;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one place for what each of the designer's spec fields does (docs/DESIGN.md "Model kinds", the shared
 * DESIGN.md section 7 on the field's autoencoders); the designer attaches these as tooltips with {@link #install}.
 */
public final class FieldHelp {
    private static final String KEY = FieldHelp.class.getName();
    private static final Map<Field, String> TEXTS = new EnumMap<>(Field.class);

    static {
        TEXTS.put(Field.NAME, "The spec's name: its runs, its saved file (NAME.json) and the charts' legends use it.");
        TEXTS.put(Field.OPTIMIZER, "How the weights follow the gradient: Adam (the reference), SGD with momentum, or RMSprop.");
        TEXTS.put(Field.LEARNING_RATE, "The optimizer's step size. The reference: 1e-4 (model1, model2) or 1e-3.");
        TEXTS.put(Field.MOMENTUM, "SGD only: the share of the last step added to the next one (0 = plain SGD).");
        TEXTS.put(Field.BATCH_SIZE, "Users per mini-batch: one weight update per batch. The memory estimate is for one batch.");
        TEXTS.put(Field.EPOCHS, "Passes over the training users, at most: early stopping (patience) may end the run sooner.");
        TEXTS.put(Field.USERS_FRACTION, "The share of the dataset's users taken into the run (the reference: 0.1); "
                + "the others are not seen at all.");
        TEXTS.put(Field.VALIDATION_FRACTION, "The share of those users held out to validate after each epoch (the reference: 0.2).");
        TEXTS.put(Field.SEED, "Seeds the user sample, the split, the shuffling and the weights' initialisation: "
                + "the same seed gives the same run.");
        TEXTS.put(Field.L2, "L2 weight penalty: coefficient × sum of squared weights / 2 is added to the loss, pulling "
                + "the weights towards 0 against overfitting. 0 = none. Mult-DAE: 4e-5 (Liang's 0.01 per batch of 500).");
        TEXTS.put(Field.PATIENCE, "Early stopping: stop after this many epochs without a better selection metric, "
                + "and keep the best epoch's weights. 0 = off: every epoch runs and the last weights are kept.");
        TEXTS.put(Field.SELECTION, "Which validation metric picks the kept epoch and drives early stopping. Validation "
                + "loss: lower is better; the last weights are kept unless patience is on. NDCG@100: each validation "
                + "user's top 100 with 80% of their ratings fed in, higher is better; the best epoch's weights are "
                + "always kept, as Liang et al. (2018) do.");
        TEXTS.put(Field.TRAIN_METRICS, "How the training users' metrics are computed each epoch. Running (the default, "
                + "as Keras' fit reports them): accumulated over the epoch's training steps, with dropout active and the "
                + "weights still changing, so they can sit above validation. Exact: a separate inference pass over every "
                + "training user with the epoch's final weights; comparable with validation, and slower.");
        TEXTS.put(Field.LOSS, "What training minimises. MSE: every cell, unrated ones as 0 (the reference). Masked MSE: "
                + "rated cells only (AutoRec). Multinomial: -sum(x · log softmax(output)) per user, a ranking "
                + "(Mult-DAE, Mult-VAE). Logistic: cross-entropy of a sigmoid output, targets in [0, 1] (CDAE).");
        TEXTS.put(Field.VALUE_SCALE, "The model sees rating × scale and its outputs are read back on that scale: "
                + "0.2 = rating / 5, so 5 stars is 1 (the reference).");
        TEXTS.put(Field.BINARIZE_AT, "Blank = off. A rating: ratings at or above it become 1 and the rated ones below "
                + "it 0, before the model sees the row (Liang et al. 2018 and Wu et al. 2016 keep ratings >= 4).");
        TEXTS.put(Field.L2_NORMALIZE, "Divide each input row by its Euclidean length, so heavy and light raters weigh "
                + "the same (Mult-DAE, Mult-VAE). The loss's targets are not normalised.");
        TEXTS.put(Field.ENCODER, "The widths of the encoder's dense layers, input side first, e.g. 600 or 600, 300 "
                + "(Liang: 600). Blank: the input goes straight to the coding.");
        TEXTS.put(Field.CODING, "The width of the Gaussian coding: a mean and a log-variance head, sampled while "
                + "training, the mean at inference (Liang: 200).");
        TEXTS.put(Field.DECODER, "The widths of the decoder's dense layers, coding side first; they mirror the "
                + "encoder's (Liang: 600).");
        TEXTS.put(Field.HIDDEN_UNITS, "The width of the one hidden layer, which also adds a learnt vector per training "
                + "user; a user not trained on gets none (Wu: 50).");
        TEXTS.put(Field.KIND_ACTIVATION, "The activation of every hidden layer of this kind (Liang: tanh, Wu: sigmoid).");
        TEXTS.put(Field.INPUT_DROPOUT, "The share of the input row dropped while training, Keras' rate (Liang: 0.5); "
                + "0 = none.");
        TEXTS.put(Field.CORRUPTION, "The share of the input row dropped while training, the denoising corruption, "
                + "Keras' rate (Wu: 0.2).");
        TEXTS.put(Field.BETA_CAP, "The largest weight of the KL term: the loss is the multinomial term + beta × "
                + "KL(q(z|x) || N(0, I)), beta = min(cap, update / anneal steps). Liang: 0.2; 0 trains a "
                + "plain denoising autoencoder with a noisy coding.");
        TEXTS.put(Field.ANNEAL_STEPS, "Updates over which beta grows linearly, beta = min(cap, update / steps). 0 = "
                + "scaled to the run: beta reaches the cap at the run's last update (Liang's 200,000 suit ML-20M only).");
        TEXTS.put(Field.LAYER_UNITS, "The selected dense layer's width.");
        TEXTS.put(Field.LAYER_RATE, "The selected dropout layer's rate: the share of the previous layer's units dropped "
                + "while training (Keras' rate).");
        TEXTS.put(Field.LAYERS, "The hidden layers, input side first; the output layer is as wide as the input.");
    }

    private FieldHelp() {
    }

    /** What {@code field} does. */
    public static String text(Field field) {
        return Objects.requireNonNull(TEXTS.get(field), () -> "no help text for " + field);
    }

    /** Attaches the explanation of {@code field} to {@code control} (and to its row's label: {@link #labelRows}). */
    public static void install(Control control, Field field) {
        control.setTooltip(MetricHelp.wrapping(text(field)));
        mark(control, field);
    }

    /** Marks {@code control} as {@code field}'s, for its row's label only (a choice box's tooltip is its choice's hint). */
    public static void mark(Control control, Field field) {
        control.getProperties().put(KEY, field);
    }

    /** Gives each label of {@code grid}'s first column the explanation of the field installed in its row. */
    public static void labelRows(GridPane grid) {
        for (Node node : grid.getChildren()) {
            Object field = node.getProperties().get(KEY);
            if (field == null) {
                continue;
            }
            for (Node other : grid.getChildren()) {
                if (other instanceof Label label && Objects.equals(GridPane.getRowIndex(other), GridPane.getRowIndex(node))
                        && (GridPane.getColumnIndex(other) == null || GridPane.getColumnIndex(other) == 0)) {
                    label.setTooltip(MetricHelp.wrapping(text((Field) field)));
                }
            }
        }
    }
}
