package org.encore.training.dl4j.kinds;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.model.Activation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every gradient written by hand (the multinomial loss, the Gaussian coding with its KL term, CDAE's user nodes, and
 * the L2 penalty scale) against central finite differences of the network's score, in double precision, with
 * DL4J's GradientCheckUtil (which also runs the updater step that applies L2 and the division by the batch size).
 */
class KindGradientsTest {
    private static final int WIDTH = 12;
    private static final int BATCH = 5;

    private static DataType savedType;
    private static DataType savedFloatType;

    @BeforeAll
    static void doublePrecision() {
        savedType = Nd4j.dataType();
        savedFloatType = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(savedType, savedFloatType);
    }

    private static KindSettings.Builder forChecks(KindSettings.Kind kind) {
        return new KindSettings.Builder(kind, WIDTH).updater(new NoOp()).dataType(DataType.DOUBLE).seed(42)
                .activation(Activation.TANH).inputDropout(0);
    }

    /** Binary rows with at least one 1, as Liang's clicks. */
    private static INDArray clicks(long seed, int rows, int width) {
        Random random = new Random(seed);
        double[][] x = new double[rows][width];
        for (int r = 0; r < rows; r++) {
            x[r][random.nextInt(width)] = 1;
            for (int c = 0; c < width; c++) {
                if (random.nextDouble() < 0.3) {
                    x[r][c] = 1;
                }
            }
        }
        return Nd4j.create(x);
    }

    private static boolean check(MultiLayerNetwork net, INDArray input, INDArray labels, INDArray labelMask) {
        return GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input).labels(labels)
                .labelMask(labelMask).epsilon(1e-6).maxRelError(1e-4).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
    }

    @Test
    void multinomialLossGradientMatchesFiniteDifferences() {
        MultiLayerNetwork net = KindNetworks.build(forChecks(KindSettings.Kind.MULT_DAE).hidden(List.of(4)).build());
        INDArray x = clicks(1, BATCH, WIDTH);
        assertTrue(check(net, x.dup(), x, null));
    }

    @Test
    void multinomialLossWithAPerUserMaskMatchesFiniteDifferences() {
        MultiLayerNetwork net = KindNetworks.build(forChecks(KindSettings.Kind.MULT_DAE).hidden(List.of(4)).build());
        INDArray x = clicks(2, BATCH, WIDTH);
        INDArray mask = Nd4j.create(new double[][]{{1}, {0}, {1}, {1}, {0}});
        assertTrue(check(net, x.dup(), x, mask));
    }

    @Test
    void multinomialScoreIsTheBatchMeanOfMinusXTimesLogSoftmax() {
        INDArray z = Nd4j.create(new double[][]{{1000, 0, -3}, {0.5, 0.25, 0}});
        INDArray x = Nd4j.create(new double[][]{{1, 0, 1}, {0, 1, 1}});
        MultinomialLogLikelihood loss = new MultinomialLogLikelihood();
        double expected = 0;
        for (int r = 0; r < 2; r++) {
            double max = z.getRow(r).maxNumber().doubleValue();
            double lse = 0;
            for (int c = 0; c < 3; c++) {
                lse += Math.exp(z.getDouble(r, c) - max);
            }
            lse = max + Math.log(lse);
            for (int c = 0; c < 3; c++) {
                expected -= x.getDouble(r, c) * (z.getDouble(r, c) - lse);
            }
        }
        double mean = loss.computeScore(x, z, new ActivationIdentity(), null, true);
        assertEquals(expected / 2, mean, 1e-9);
        assertTrue(Double.isFinite(mean), "stable for a logit of 1000");
        INDArray perUser = loss.computeScoreArray(x, z, new ActivationIdentity(), null);
        assertEquals(expected, perUser.sumNumber().doubleValue(), 1e-9);
    }

    @Test
    void gaussianCodingWithKlGradientMatchesFiniteDifferences() {
        // beta constant (no annealing) and large enough for the KL gradient to matter; noise fixed within a step
        MultiLayerNetwork net = KindNetworks.build(forChecks(KindSettings.Kind.MULT_VAE).hidden(List.of(6, 3))
                .betaCap(0.7).totalAnnealSteps(0).build());
        INDArray x = clicks(3, BATCH, WIDTH);
        assertTrue(check(net, x.dup(), x, null));
        GaussianCodingLayerImpl coding = KindNetworks.gaussianCoding(net).orElseThrow();
        assertTrue(coding.lastKl() > 0, "KL of the last pass: " + coding.lastKl());
        assertEquals(0.7, coding.beta(), 1e-12);
        // the score the check differentiated holds beta * KL: at inference (z = mu) it is the NLL of the output plus it
        double score = net.score(new DataSet(x.dup(), x), false);
        double nll = new MultinomialLogLikelihood().computeScore(x, net.output(x.dup(), false), new ActivationIdentity(), null, true);
        assertEquals(nll + 0.7 * coding.lastKl(), score, 1e-9);
    }

    @Test
    void gaussianCodingWithoutEncoderLayersMatchesFiniteDifferences() {
        MultiLayerNetwork net = KindNetworks.build(forChecks(KindSettings.Kind.MULT_VAE).hidden(List.of(3))
                .betaCap(0.3).totalAnnealSteps(0).build());
        INDArray x = clicks(4, BATCH, WIDTH);
        assertTrue(check(net, x.dup(), x, null));
    }

    @Test
    void cdaeUserNodesGradientMatchesFiniteDifferences() {
        int users = 4;
        MultiLayerNetwork net = KindNetworks.build(forChecks(KindSettings.Kind.CDAE).hidden(List.of(5)).users(users)
                .activation(Activation.SIGMOID).loss(KindSettings.Loss.LOGISTIC).build());
        // give the (zero-initialised) user nodes values so that their gradients are checked away from zero
        net.getLayer(0).getParam(UserNodeParamInitializer.USER_KEY).assign(Nd4j.rand(DataType.DOUBLE, users, 5).subi(0.5));
        INDArray x = clicks(5, BATCH, WIDTH);
        INDArray userColumn = Nd4j.create(new double[][]{{2}, {0}, {-1}, {2}, {3}});
        INDArray input = Nd4j.hstack(x, userColumn);
        assertTrue(check(net, input, x, null));
    }

    @Test
    void weightPenaltyGradientMatchesFiniteDifferencesAndScoresLambdaTimesSquaredWeights() {
        double lambda = 0.05;
        MultiLayerNetwork net = KindNetworks.build(forChecks(KindSettings.Kind.AUTOREC).hidden(List.of(4))
                .activation(Activation.SIGMOID).loss(KindSettings.Loss.MASKED_MSE).weightPenalty(lambda).build());
        INDArray x = clicks(6, BATCH, WIDTH).muli(0.8);
        INDArray mask = x.neq(0).castTo(DataType.DOUBLE);
        assertTrue(check(net, x.dup(), x, mask));
        double squares = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            INDArray w = net.getLayer(i).getParam("W");
            squares += w.mul(w).sumNumber().doubleValue();
        }
        assertEquals(lambda * squares, net.calcRegularizationScore(true), 1e-9);
    }
}
