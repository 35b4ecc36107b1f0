package org.encore.training.dl4j.kinds;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.RatingMatrix;
import org.encore.testutil.TinyData;
import org.encore.training.InputTransform;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each network trains on a tiny matrix with planted taste groups (three groups; a user rates mostly, and highly, the
 * movies of their own group): the loss falls, and the trained network ranks a user's own-group movies first.
 */
class KindNetworksTest {
    private static final int USERS = 90;
    private static final int MOVIES = 30;
    private static final int STEPS = 60;

    private static final RatingMatrix MATRIX = TinyData.groups(USERS, MOVIES, 17).ratings();

    /** All users' rows: features transformed, labels the values before the L2 step, the mask of rated cells. */
    private record Batch(INDArray features, INDArray labels, INDArray ratedMask) {
    }

    private static Batch batch(InputTransform transform) {
        int[] rows = IntStream.range(0, MATRIX.userCount()).toArray();
        float[] dense = new float[rows.length * MOVIES];
        MATRIX.densify(rows, (float) transform.valueScale(), dense);
        float[] rated = new float[dense.length];
        for (int i = 0; i < dense.length; i++) {
            rated[i] = dense[i] != 0f ? 1f : 0f;
        }
        transform.applyValues(dense, 0, rows.length, MOVIES);
        INDArray labels = Nd4j.create(dense.clone(), new long[]{rows.length, MOVIES}, 'c');
        if (transform.l2Normalize()) {
            transform.normalizeRows(dense, 0, rows.length, MOVIES);
        }
        return new Batch(Nd4j.create(dense, new long[]{rows.length, MOVIES}, 'c'), labels,
                Nd4j.create(rated, new long[]{rows.length, MOVIES}, 'c'));
    }

    /** Fits {@code STEPS} full-batch updates and returns the first and last scores. */
    private static double[] fit(MultiLayerNetwork net, INDArray features, INDArray labels, INDArray mask) {
        return fit(net, features, labels, mask, STEPS);
    }

    private static double[] fit(MultiLayerNetwork net, INDArray features, INDArray labels, INDArray mask, int steps) {
        double first = Double.NaN;
        for (int step = 0; step < steps; step++) {
            net.fit(features.dup(), labels, null, mask);
            if (step == 0) {
                first = net.score();
            }
        }
        return new double[]{first, net.score()};
    }

    /** Mean over users of the fraction of the top 5 unrated movies that belong to the user's own group. */
    private static double ownGroupShareOfTop5(INDArray scores) {
        double share = 0;
        for (int row = 0; row < USERS; row++) {
            int group = MATRIX.users().idAt(row) % 3;
            float[] s = scores.getRow(row).toFloatVector();
            for (int c = 0; c < MOVIES; c++) {
                if (MATRIX.rating(row, c) != 0f) {
                    s[c] = Float.NEGATIVE_INFINITY;
                }
            }
            int own = 0;
            for (int k = 0; k < 5; k++) {
                int best = 0;
                for (int c = 1; c < MOVIES; c++) {
                    if (s[c] > s[best]) {
                        best = c;
                    }
                }
                if (MATRIX.movies().idAt(best) % 3 == group) {
                    own++;
                }
                s[best] = Float.NEGATIVE_INFINITY;
            }
            share += own / 5.0;
        }
        return share / USERS;
    }

    private static void assertLearns(double[] scores, INDArray predictions) {
        assertTrue(scores[1] < 0.8 * scores[0], "score went from " + scores[0] + " to " + scores[1]);
        assertEquals(USERS, predictions.size(0));
        assertEquals(MOVIES, predictions.size(1));
        double share = ownGroupShareOfTop5(predictions);
        assertTrue(share > 0.8, "share of own-group movies in the top 5: " + share);
    }

    private static KindSettings.Builder small(KindSettings settings) {
        return settings.toBuilder().updater(KindSettings.adam(1e-2)).seed(5);
    }

    @Test
    void multDaeTrainsAndRanksTheUsersOwnGroupFirst() {
        Batch data = batch(InputTransform.liang(0.2));
        MultiLayerNetwork net = KindNetworks.build(small(KindSettings.multDae(MOVIES)).hidden(List.of(8)).build());
        assertEquals(List.of("coding", "output"), List.of(net.getLayer(0).conf().getLayer().getLayerName(),
                net.getLayer(1).conf().getLayer().getLayerName()));
        double[] scores = fit(net, data.features(), data.labels(), null);
        assertLearns(scores, net.output(data.features(), false));
    }

    @Test
    void multVaeTrainsAndRanksTheUsersOwnGroupFirst() {
        Batch data = batch(InputTransform.liang(0.2));
        MultiLayerNetwork net = KindNetworks.build(small(KindSettings.multVae(MOVIES)).hidden(List.of(16, 6))
                .totalAnnealSteps(100).build());
        assertEquals(4, net.getnLayers());
        assertInstanceOf(GaussianCodingLayerImpl.class, net.getLayer(1));
        double[] scores = fit(net, data.features(), data.labels(), null);
        assertLearns(scores, net.output(data.features(), false));
    }

    @Test
    void multVaeAnnealsBetaWithTheUpdateCountAndReportsItsKl() {
        Batch data = batch(InputTransform.liang(0.2));
        MultiLayerNetwork net = KindNetworks.build(small(KindSettings.multVae(MOVIES)).hidden(List.of(16, 6))
                .betaCap(0.2).totalAnnealSteps(100).build());
        GaussianCodingLayerImpl coding = KindNetworks.gaussianCoding(net).orElseThrow();
        assertEquals(0.0, coding.beta(), 1e-12);
        for (int step = 0; step < 3; step++) {
            net.fit(data.features().dup(), data.labels());
        }
        assertEquals(0.02, coding.lastBeta(), 1e-12, "the third update (step 2) is weighted 2 / 100");
        assertEquals(0.03, coding.beta(), 1e-12);
        assertTrue(coding.lastKl() > 0);
        for (int step = 0; step < 30; step++) {
            net.fit(data.features().dup(), data.labels());
        }
        assertEquals(0.2, coding.beta(), 1e-12, "capped");
        // inference is deterministic (z = mu); training draws noise
        INDArray once = net.output(data.features(), false);
        INDArray again = net.output(data.features(), false);
        assertEquals(once, again);
        assertTrue(KindNetworks.gaussianCoding(KindNetworks.build(KindSettings.multDae(MOVIES))).isEmpty());
    }

    @Test
    void autoRecTrainsOnRatedCellsAndPredictsRatings() {
        Batch data = batch(InputTransform.reference());
        MultiLayerNetwork net = KindNetworks.build(small(KindSettings.autoRec(MOVIES)).hidden(List.of(12)).build());
        double[] scores = fit(net, data.features(), data.labels(), data.ratedMask(), 4 * STEPS);
        INDArray predicted = net.output(data.features(), false);
        assertTrue(scores[1] < 0.8 * scores[0], "score went from " + scores[0] + " to " + scores[1]);
        // on rated cells the reconstruction is close to rating / 5
        INDArray error = predicted.sub(data.labels()).muli(data.ratedMask());
        double rmse = Math.sqrt(error.mul(error).sumNumber().doubleValue() / data.ratedMask().sumNumber().doubleValue()) * 5;
        assertTrue(rmse < 1.0, "RMSE on the rated cells, in stars: " + rmse);
    }

    @Test
    void cdaeTrainsWithUserNodesAndFoldsAHeldOutUserInWithoutOne() {
        Batch data = batch(new InputTransform(0.2, 4.0, false));
        MultiLayerNetwork net = KindNetworks.build(small(KindSettings.cdae(MOVIES, USERS)).hidden(List.of(10)).build());
        INDArray users = Nd4j.arange(USERS).reshape(USERS, 1).castTo(DataType.FLOAT);
        INDArray input = Nd4j.hstack(data.features(), users);
        assertEquals(MOVIES + 1, KindSettings.cdae(MOVIES, USERS).inputWidth());
        // the logistic loss sums over every cell and falls more slowly than the multinomial one
        double[] scores = fit(net, input, data.labels(), null, 4 * STEPS);
        assertLearns(scores, net.output(input, false));
        // a held-out user: index -1, the prediction from the fed-in ratings alone
        INDArray heldOut = Nd4j.hstack(data.features(), Nd4j.valueArrayOf(new long[]{USERS, 1}, -1f));
        INDArray folded = net.output(heldOut, false);
        assertTrue(ownGroupShareOfTop5(folded) > 0.7, "held-out share " + ownGroupShareOfTop5(folded));
        INDArray bad = Nd4j.hstack(data.features(), Nd4j.valueArrayOf(new long[]{USERS, 1}, (float) USERS));
        assertThrows(IllegalArgumentException.class, () -> net.output(bad, false));
    }

    @Test
    void presetsCarryThePublishedDefaults() {
        KindSettings dae = KindSettings.multDae(1000);
        assertEquals(List.of(200), dae.hidden());
        assertEquals(0.5, dae.inputDropout());
        assertEquals(0.01 / 500, dae.weightPenalty(), 1e-15);
        KindSettings vae = KindSettings.multVae(1000);
        assertEquals(List.of(600, 200), vae.hidden());
        assertEquals(0.2, vae.betaCap());
        assertEquals(200_000, vae.totalAnnealSteps());
        MultiLayerNetwork net = KindNetworks.build(vae);
        // [I-600-200-600-I]: 1000*600+600 + 600*400+400 + 200*600+600 + 600*1000+1000
        assertEquals(1000L * 600 + 600 + 600L * 400 + 400 + 200L * 600 + 600 + 600L * 1000 + 1000, net.numParams());
        assertThrows(IllegalArgumentException.class, () -> KindSettings.cdae(1000, 0));
        assertThrows(IllegalArgumentException.class, () -> dae.toBuilder().inputDropout(1.0).build());
    }
}
