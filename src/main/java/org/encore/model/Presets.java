package org.encore.model;

import java.util.List;

import static org.encore.model.Activation.SELU;
import static org.encore.model.Activation.SIGMOID;
import static org.encore.model.Activation.TANH;
import static org.encore.model.LayerSpec.dense;
import static org.encore.model.LayerSpec.dropout;

/**
 * The built-in specs: the four reference autoencoders "model1" .. "model4" (docs/DESIGN.md, "Model kinds") and the
 * field's autoencoders with their published defaults (DESIGN.md section 7): "mult-dae", "mult-vae", "autorec", "cdae".
 * A preset is one method here and one entry in {@link #all()}.
 */
public final class Presets {
    private static final long SEED = 42;

    private Presets() {
    }

    public static ModelSpec model1() {
        return spec("model1", List.of(dense(1024, SELU), dense(512, SIGMOID), dropout(0.5),
                dense(512, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-4, 512);
    }

    public static ModelSpec model2() {
        return spec("model2", List.of(dense(1024, SELU), dense(512, SELU), dropout(0.5),
                dense(384, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-4, 256);
    }

    public static ModelSpec model3() {
        return spec("model3", List.of(dense(1024, SELU), dense(512, SELU),
                dense(384, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-3, 256);
    }

    public static ModelSpec model4() {
        return spec("model4", List.of(dense(1024, SELU), dense(512, SELU),
                dense(64, SELU, "coding"), dropout(0.5), dense(512, SELU)), 1e-3, 256);
    }

    /**
     * Liang et al. 2018's Mult-DAE ({@code dawenl/vae_cf}): [I-200-I] tanh with dropout 0.5 on the input, rows
     * binarised at rating 4 and L2-normalised, multinomial log-likelihood, weight penalty 0.01 / batch (lambda *
     * sum(w^2), i.e. DL4J's l2 coefficient 2 * 0.01 / 500), Adam 1e-3, 200 epochs, the epoch with the best
     * validation NDCG@100 kept; a batch of {@value #SMALL_DATA_BATCH} users, not Liang's 500 (see {@link #liangTraining}).
     */
    public static ModelSpec multDae() {
        return ModelSpec.builder()
                .name("mult-dae")
                .autoencoder(List.of(dropout(0.5), dense(200, TANH, "coding")))
                .input(InputSpec.liang())
                .loss(LossType.MULTINOMIAL)
                .training(liangTraining().l2(2 * 0.01 / LIANG_BATCH).build())
                .build();
    }

    /**
     * Liang et al. 2018's Mult-VAE: [I-600-200-600-I] tanh, the 200-wide coding Gaussian, input dropout 0.5, Liang's
     * input and multinomial loss plus beta * KL with beta annealed linearly to a cap of 0.2 (over the run's updates:
     * Liang's 200,000 steps suit ML-20M only), no weight penalty, Adam 1e-3, 200 epochs, best validation
     * NDCG@100 kept; a batch of {@value #SMALL_DATA_BATCH} (see {@link #liangTraining}).
     */
    public static ModelSpec multVae() {
        return ModelSpec.builder()
                .name("mult-vae")
                .architecture(new Architecture.Vae(List.of(600), 200, List.of(600), TANH, 0.5, 0.2, 0))
                .input(InputSpec.liang())
                .loss(LossType.MULTINOMIAL)
                .training(liangTraining().l2(0).build())
                .build();
    }

    /**
     * Sedhain et al. 2015's user-based AutoRec: the rating row (rating / 5) in, one hidden layer of 500 sigmoid,
     * identity output, squared error over rated cells only, a small L2 penalty (DL4J's MSE divides by the width where
     * Sedhain sums), Adam 1e-3, batch 256, 100 epochs; it predicts ratings (judged by RMSE too).
     */
    public static ModelSpec autoRec() {
        return ModelSpec.builder()
                .name("autorec")
                .autoencoder(List.of(dense(500, SIGMOID, "coding")))
                .input(InputSpec.reference())
                .loss(LossType.MASKED_MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-3)).batchSize(256).epochs(100)
                        .usersFraction(1.0).validationFraction(0.1).seed(SEED).l2(2e-5).build())
                .build();
    }

    /**
     * Wu et al. 2016's CDAE: the row binarised at rating 4, corrupted by dropout 0.2, one hidden layer of 50 sigmoid
     * plus a learnt node per training user (zero for held-out users), sigmoid output with the logistic loss, L2
     * 0.001 * sum(w^2), Adam 1e-3, 100 epochs, best validation NDCG@100 kept; a batch of {@value #SMALL_DATA_BATCH}
     * (Wu et al. tune it; 256 is two updates an epoch on ml-latest-small, see {@link #liangTraining}).
     */
    public static ModelSpec cdae() {
        return ModelSpec.builder()
                .name("cdae")
                .architecture(new Architecture.Cdae(50, SIGMOID, 0.2))
                .input(new InputSpec(ModelSpec.REFERENCE_SCALE, 4.0, false))
                .loss(LossType.LOGISTIC)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-3)).batchSize(SMALL_DATA_BATCH).epochs(100)
                        .usersFraction(1.0).validationFraction(0.1).seed(SEED).l2(2 * 0.001)
                        .selection(TrainingSettings.Selection.NDCG100).build())
                .build();
    }

    /** Every preset, in the order they are listed. */
    public static List<ModelSpec> all() {
        return List.of(model1(), model2(), model3(), model4(), multDae(), multVae(), autoRec(), cdae());
    }

    /** The four reference autoencoders, model1 .. model4 (the evaluator's default candidates). */
    public static List<ModelSpec> reference() {
        return List.of(model1(), model2(), model3(), model4());
    }

    /** The reference presets' names, in order. */
    public static final List<String> REFERENCE_NAMES = reference().stream().map(ModelSpec::name).toList();

    /** The presets' names, in order. */
    public static final List<String> NAMES = all().stream().map(ModelSpec::name).toList();

    /** The preset called {@code name}, or null. */
    public static ModelSpec byName(String name) {
        return all().stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    /** Liang et al.'s batch (users per update) on ML-20M; the weight penalty of Mult-DAE is stated per this batch. */
    private static final int LIANG_BATCH = 500;

    /**
     * The batch the field's presets train with. Liang's 500 users is 0.4% of ML-20M's 116,677 training users (233
     * updates an epoch); on ml-latest-small's 488 training users it is one update an epoch, 200 in a whole run, and the
     * model stops far short (seed 1, test NDCG@100: Mult-DAE .240 at 500, .399 at 50; EASE .419). 50 users gives ten
     * updates an epoch there and stays a small share of a large set; the designer and {@code train --batch} change it.
     */
    static final int SMALL_DATA_BATCH = 50;

    /** Liang's training: Adam 1e-3, 200 epochs, every user (10% validating), best validation NDCG@100 kept; batch 50. */
    private static TrainingSettings.Builder liangTraining() {
        return TrainingSettings.builder().optimizer(OptimizerSpec.adam(1e-3)).batchSize(SMALL_DATA_BATCH).epochs(200)
                .usersFraction(1.0).validationFraction(0.1).seed(SEED).selection(TrainingSettings.Selection.NDCG100);
    }

    /** A reference autoencoder: MSE on rating / 5, 30 epochs on 10% of the users, 20% of them validating. */
    private static ModelSpec spec(String name, List<LayerSpec> layers, double lr, int batch) {
        return ModelSpec.builder()
                .name(name)
                .autoencoder(layers)
                .input(InputSpec.reference())
                .loss(LossType.MSE)
                .training(TrainingSettings.builder().optimizer(OptimizerSpec.adam(lr)).batchSize(batch).epochs(30)
                        .usersFraction(0.1).validationFraction(0.2).seed(SEED).build())
                .build();
    }
}
