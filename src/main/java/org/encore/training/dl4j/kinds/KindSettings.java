package org.encore.training.dl4j.kinds;

import org.encore.model.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

import java.util.List;

/**
 * Everything {@link KindNetworks} needs to build one of the field's autoencoders (DESIGN.md section 7). Start from a
 * preset with the published defaults ({@link #multDae}, {@link #multVae}, {@link #autoRec}, {@link #cdae}) and change
 * what differs with {@link #toBuilder()}.
 *
 * @param kind             which autoencoder
 * @param width            number of movie columns (input and output width)
 * @param hidden           widths of the hidden layers, input side first, up to and including the coding; the
 *                         decoder mirrors the encoder for Mult-VAE ([600, 200] is [I-600-200-600-I]); for the other
 *                         kinds the list is the whole stack between input and output
 * @param activation       activation of every hidden dense layer
 * @param inputDropout     fraction of the input dropped while training (Keras rate; 0 = none); CDAE's corruption
 * @param weightPenalty    L2 penalty lambda * sum(w^2) over every weight matrix (not the biases) added to the batch-mean
 *                         loss, Liang's {@code lam} (e.g. 0.01 / batch for Mult-DAE); DL4J's l2 coefficient is 2 * lambda
 * @param loss             training loss (the output activation follows from it)
 * @param betaCap          Mult-VAE: the largest KL weight (Liang 0.2)
 * @param totalAnnealSteps Mult-VAE: beta = min(betaCap, step / totalAnnealSteps); 0 = betaCap from the start
 * @param users            CDAE: number of user nodes (training users)
 * @param updater          DL4J optimiser with its learning rate
 * @param seed             initialisation, dropout and the VAE's noise
 * @param dataType         FLOAT for training; DOUBLE for gradient checks
 */
public record KindSettings(Kind kind, int width, List<Integer> hidden, Activation activation, double inputDropout,
                           double weightPenalty, Loss loss, double betaCap, int totalAnnealSteps, int users,
                           IUpdater updater, long seed, DataType dataType) {

    /** The autoencoders of DESIGN.md section 7. */
    public enum Kind {
        /** Liang et al. 2018: [I-200-I] tanh, multinomial likelihood, input dropout. */
        MULT_DAE,
        /** Liang et al. 2018: [I-600-200-600-I] tanh, Gaussian coding, multinomial likelihood + beta * KL. */
        MULT_VAE,
        /** Sedhain et al. 2015, user-based: one sigmoid hidden layer, identity output, masked squared error. */
        AUTOREC,
        /** Wu et al. 2016: a denoising autoencoder with a per-user input node. */
        CDAE
    }

    /** Losses; each fixes the output activation. */
    public enum Loss {
        /** -sum(x * log_softmax(z)) ({@link MultinomialLogLikelihood}); identity output (the logits). */
        MULTINOMIAL,
        /** Squared error over rated cells: DL4J's MSE with a per-cell label mask (1 = rated); identity output. */
        MASKED_MSE,
        /** Squared error over every cell; identity output. */
        MSE,
        /** Binary cross-entropy over every cell, sigmoid output (Wu et al.'s logistic loss). */
        LOGISTIC
    }

    /** Liang's Adam: TensorFlow 1's defaults. */
    public static IUpdater adam(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    public KindSettings {
        if (kind == null || loss == null || activation == null || updater == null || dataType == null) {
            throw new IllegalArgumentException("kind, loss, activation, updater and dataType are required");
        }
        hidden = List.copyOf(hidden);
        if (width < 2) {
            throw new IllegalArgumentException("width must be at least 2 movie columns, got " + width);
        }
        if (hidden.isEmpty() || hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden widths must be at least one layer of at least 1 unit, got " + hidden);
        }
        if (!(inputDropout >= 0 && inputDropout < 1)) {
            throw new IllegalArgumentException("inputDropout must be in [0, 1), got " + inputDropout);
        }
        if (!(weightPenalty >= 0) || !Double.isFinite(weightPenalty)) {
            throw new IllegalArgumentException("weightPenalty must be a number >= 0, got " + weightPenalty);
        }
        if (!(betaCap >= 0) || !Double.isFinite(betaCap) || totalAnnealSteps < 0) {
            throw new IllegalArgumentException("betaCap must be >= 0 and totalAnnealSteps >= 0, got " + betaCap + " and " + totalAnnealSteps);
        }
        if (kind == Kind.CDAE && users < 1) {
            throw new IllegalArgumentException("CDAE needs the number of training users (its user nodes), got " + users);
        }
    }

    /** Liang's Mult-DAE: [I-200-I] tanh, input dropout 0.5, multinomial, lambda 0.01 / 500, Adam 1e-3. */
    public static KindSettings multDae(int width) {
        return new Builder(Kind.MULT_DAE, width).hidden(List.of(200)).activation(Activation.TANH).inputDropout(0.5)
                .weightPenalty(0.01 / 500).loss(Loss.MULTINOMIAL).build();
    }

    /**
     * Liang's Mult-VAE: [I-600-200-600-I] tanh, input dropout 0.5, multinomial + beta * KL with beta capped at 0.2 and
     * annealed over 200,000 updates (scale {@code totalAnnealSteps} to the dataset), no weight penalty, Adam 1e-3.
     */
    public static KindSettings multVae(int width) {
        return new Builder(Kind.MULT_VAE, width).hidden(List.of(600, 200)).activation(Activation.TANH).inputDropout(0.5)
                .weightPenalty(0).loss(Loss.MULTINOMIAL).betaCap(0.2).totalAnnealSteps(200_000).build();
    }

    /**
     * Sedhain's user-based AutoRec: one hidden layer of 500 sigmoid, identity output, masked squared error, L2. The
     * penalty is small because DL4J's MSE divides each user's squared error by the width (Sedhain sums it): tune it.
     */
    public static KindSettings autoRec(int width) {
        return new Builder(Kind.AUTOREC, width).hidden(List.of(500)).activation(Activation.SIGMOID).inputDropout(0)
                .weightPenalty(1e-5).loss(Loss.MASKED_MSE).build();
    }

    /** Wu's CDAE: 50 sigmoid hidden units, corruption 0.2, logistic loss, a node per training user. */
    public static KindSettings cdae(int width, int users) {
        return new Builder(Kind.CDAE, width).hidden(List.of(50)).activation(Activation.SIGMOID).inputDropout(0.2)
                .weightPenalty(0.001).loss(Loss.LOGISTIC).users(users).build();
    }

    /** Input columns the network reads: the movies, plus CDAE's user-index column. */
    public int inputWidth() {
        return kind == Kind.CDAE ? width + 1 : width;
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Named setters over the record's components. */
    public static final class Builder {
        private final Kind kind;
        private final int width;
        private List<Integer> hidden = List.of(200);
        private Activation activation = Activation.TANH;
        private double inputDropout;
        private double weightPenalty;
        private Loss loss = Loss.MULTINOMIAL;
        private double betaCap = 0.2;
        private int totalAnnealSteps;
        private int users;
        private IUpdater updater = adam(1e-3);
        private long seed = 98765;
        private DataType dataType = DataType.FLOAT;

        public Builder(Kind kind, int width) {
            this.kind = kind;
            this.width = width;
        }

        private Builder(KindSettings s) {
            this(s.kind, s.width);
            hidden = s.hidden;
            activation = s.activation;
            inputDropout = s.inputDropout;
            weightPenalty = s.weightPenalty;
            loss = s.loss;
            betaCap = s.betaCap;
            totalAnnealSteps = s.totalAnnealSteps;
            users = s.users;
            updater = s.updater;
            seed = s.seed;
            dataType = s.dataType;
        }

        public Builder hidden(List<Integer> value) {
            hidden = value;
            return this;
        }

        public Builder activation(Activation value) {
            activation = value;
            return this;
        }

        public Builder inputDropout(double value) {
            inputDropout = value;
            return this;
        }

        public Builder weightPenalty(double value) {
            weightPenalty = value;
            return this;
        }

        public Builder loss(Loss value) {
            loss = value;
            return this;
        }

        public Builder betaCap(double value) {
            betaCap = value;
            return this;
        }

        public Builder totalAnnealSteps(int value) {
            totalAnnealSteps = value;
            return this;
        }

        public Builder users(int value) {
            users = value;
            return this;
        }

        public Builder updater(IUpdater value) {
            updater = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder dataType(DataType value) {
            dataType = value;
            return this;
        }

        public KindSettings build() {
            return new KindSettings(kind, width, hidden, activation, inputDropout, weightPenalty, loss, betaCap,
                    totalAnnealSteps, users, updater, seed, dataType);
        }
    }
}
