package org.encore.app;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import java.util.Map;

/**
 * The one place for what every metric name in the window computes and how to read it (DESIGN.md section 9 and
 * the shared DESIGN.md on Keras semantics); views attach these as tooltips with {@link #install}.
 */
public final class MetricHelp {
    public static final String R2 = "r2";
    public static final String R2_FLAT = "r2_flat";
    public static final String MSE = "mse";
    public static final String MAE = "mae";
    public static final String RATED_RMSE = "rated_rmse";
    public static final String VALIDATION_ABOVE_TRAINING = "validation_above_training";
    public static final String SCORE = "score";
    public static final String NDCG_100 = "ndcg@100";
    public static final String RECALL_20 = "recall@20";
    public static final String EXPLAINED_VARIANCE = "explained_variance";
    public static final String UPDATE_RATIO = "update_ratio";
    public static final String WEIGHT_HISTOGRAM = "weight_histogram";
    public static final String ACTIVATION_HISTOGRAM = "activation_histogram";
    public static final String RECONSTRUCTION = "reconstruction";
    public static final String MOVIE_NEIGHBOURS = "movie_neighbours";

    private static final Map<String, String> TEXTS = Map.ofEntries(
            Map.entry(R2, "R² as Keras' R2Score computes it: 1 - SS_res / SS_tot for each movie column over the "
                    + "users of the batch, then the plain average over the columns. A column no user rated has "
                    + "SS_tot = 0 and counts as 0. The reference models' R² is negative early on: about 98% of the "
                    + "cells are empty (0), a column's variance is small, and a model that outputs small non-zero "
                    + "values everywhere has per-column residuals larger than that variance. It rises towards 0 "
                    + "and above as the model learns to output near 0 for the empty cells."),
            Map.entry(R2_FLAT, "Flattened R²: 1 - SS_res / SS_tot over all cells of the matrix taken as one vector "
                    + "(scikit-learn's r2_score on the raveled arrays). It is dominated by the many empty cells and "
                    + "is usually higher than Keras' per-column average."),
            Map.entry(MSE, "Mean squared error over every cell of the input rows, the empty (0) cells included, on "
                    + "the model's value scale: what the reference's loss minimises. Lower is better."),
            Map.entry(MAE, "Mean absolute error over every cell, the empty cells included, on the model's value "
                    + "scale. Lower is better."),
            Map.entry(RATED_RMSE, "Root mean squared error in stars over the rated cells only: how far the model's "
                    + "output, read as stars, is from the ratings it was given."),
            Map.entry(VALIDATION_ABOVE_TRAINING, "Why validation can sit above training: Keras reports training "
                    + "metrics as a running average over the epoch's training steps, with dropout active and the "
                    + "weights still changing; validation is an inference pass without dropout at the end of the "
                    + "epoch. The Training view's train metrics are 'running' by default (EpochMetrics.trainKind); "
                    + "an inference pass over the training users would sit above validation."),
            Map.entry(SCORE, "Score 55% is the model's output for that movie times 5 stars, as a share of 5 stars: "
                    + "0.55 × 5 = 2.75 stars predicted. For a ranking model it is only an ordering, not stars."),
            Map.entry(NDCG_100, "NDCG@100: the held-out movies' positions in the top 100, each discounted by "
                    + "1 / log2(rank + 1), divided by the best possible sum for that user. 1 means every held-out "
                    + "movie is at the top; averaged over users (NaN for a user with nothing held out)."),
            Map.entry(RECALL_20, "Recall@20: the share of a user's held-out movies found in the top 20, divided by "
                    + "min(20, held-out movies) as Liang et al. (2018) normalise it, so 1 is reachable."),
            Map.entry(EXPLAINED_VARIANCE, "Each axis is a principal component of the layer's vectors; the "
                    + "percentage is the share of the total variance along it. Two axes with a small share mean "
                    + "the layer spreads its structure over many dimensions and the map shows only part of it."),
            Map.entry(UPDATE_RATIO, "Mean |update| / mean |parameter| per epoch on a log10 scale, as DL4J's "
                    + "training UI plots it. Around -3 (1e-3) is healthy; much higher suggests an unstable "
                    + "learning rate, much lower that the layer has stopped learning."),
            Map.entry(WEIGHT_HISTOGRAM, "Distribution of the layer's weights (biases excluded) after the latest "
                    + "epoch; a layer of more than 65,536 weights is shown by a fixed, seeded sample of 65,536 of them. "
                    + "Weights that spread out steadily are learning; a collapse to 0 or a blow-up is not."),
            Map.entry(ACTIVATION_HISTOGRAM, "Distribution of the layer's activations on a mini-batch of the "
                    + "validation users, in inference mode, after the latest epoch. Many activations stuck at one value (e.g. 0 for "
                    + "ReLU) are dead units."),
            Map.entry(RECONSTRUCTION, "The reference recommends with predict(x) * (x == 0): the model reconstructs "
                    + "the user's whole row x; the rated movies show how well it reproduces what it was given, and "
                    + "the unrated movies with the highest outputs are the recommendations."),
            Map.entry(MOVIE_NEIGHBOURS, "Movies whose output-layer weight vectors have the highest cosine "
                    + "similarity with this one's: the decoder's movie embeddings (AutoRec's item-similarity "
                    + "reading). 1 means the same direction."));

    private MetricHelp() {
    }

    /** The explanation of {@code key} (one of the constants). */
    public static String text(String key) {
        String text = TEXTS.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no help text for metric '" + key + "'");
        }
        return text;
    }

    /** A wrapping tooltip with the explanation of {@code key}. */
    public static Tooltip tooltip(String key) {
        return wrapping(text(key));
    }

    /** A tooltip for an explanation of a few lines: wrapped, shown soon and long enough to read. */
    public static Tooltip wrapping(String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        return tip;
    }

    /** Attaches the explanation of {@code key} to {@code node}. */
    public static void install(Node node, String key) {
        if (node instanceof Control control) {
            control.setTooltip(tooltip(key));
        } else {
            Tooltip.install(node, tooltip(key));
        }
    }
}
