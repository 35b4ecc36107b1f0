package org.encore.recommend;

import org.encore.model.RowScorer;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlendTest {
    private final RowScorer rising = TinyData.fixed("rising", new float[]{1, 2, 3, 4}, 0.2);
    private final RowScorer fallingLoud = TinyData.fixed("falling", new float[]{400, 300, 200, 100}, 0.2);

    @Test
    void scoreModeZScoresEachMemberOverUnratedMovies() {
        Blend blend = new Blend("b", List.of(rising, fallingLoud), new double[]{1, 0}, Blend.Mode.SCORE);
        float[] out = new float[4];
        blend.score(new float[4], 1, out);
        double sd = Math.sqrt(1.25); // population sd of 1,2,3,4
        assertEquals((1 - 2.5) / sd, out[0], 1e-5);
        assertEquals((4 - 2.5) / sd, out[3], 1e-5);
    }

    @Test
    void scoreModeIgnoresRatedMoviesWhenNormalising() {
        RowScorer spiky = TinyData.fixed("spiky", new float[]{1000, 1, 2, 3}, 0.2);
        Blend blend = new Blend("b", List.of(spiky), new double[]{1}, Blend.Mode.SCORE);
        float[] out = new float[4];
        blend.score(new float[]{0.8f, 0, 0, 0}, 1, out); // column 0 is rated: its 1000 must not squash the rest
        double sd = Math.sqrt(2.0 / 3);
        assertEquals((3 - 2) / sd, out[3], 1e-5);
        assertEquals((1 - 2) / sd, out[1], 1e-5);
    }

    @Test
    void normalisationPutsMembersOfDifferentScalesOnEqualFooting() {
        // equal weights on exactly opposite rankings cancel out whatever the members' raw scales
        Blend blend = new Blend("b", List.of(rising, fallingLoud), new double[]{0.5, 0.5}, Blend.Mode.SCORE);
        float[] out = new float[4];
        blend.score(new float[4], 1, out);
        assertArrayEquals(new float[4], out, 1e-5f);
    }

    @Test
    void rankModeIsWeightedReciprocalRankFusion() {
        Blend blend = new Blend("b", List.of(rising, fallingLoud), new double[]{0.75, 0.25}, Blend.Mode.RANK);
        float[] out = new float[8];
        blend.score(new float[8], 2, out);
        // column 3: rank 1 in rising, rank 4 in falling
        assertEquals(0.75 / 61 + 0.25 / 64, out[3], 1e-7);
        assertEquals(0.75 / 64 + 0.25 / 61, out[0], 1e-7);
        assertEquals(out[3], out[7], 0); // second row identical
    }

    @Test
    void rankModeRanksOnlyUnratedMovies() {
        Blend blend = new Blend("b", List.of(rising), new double[]{1}, Blend.Mode.RANK);
        float[] out = new float[4];
        blend.score(new float[]{0, 0, 0, 1}, 1, out);
        assertEquals(1.0 / 61, out[2], 1e-7); // column 3 is rated, so column 2 is the best unrated one
        assertEquals(0f, out[3]);
    }

    @Test
    void blendRecommendationsFollowTheHeavierMember() {
        var matrix = TinyData.matrix(new int[][]{{1, 1, 8}, {1, 2, 8}, {1, 3, 8}, {1, 4, 8}, {2, 1, 6}});
        Blend towardsRising = new Blend("b", List.of(rising, fallingLoud), new double[]{0.9, 0.1}, Blend.Mode.SCORE);
        List<Recommendation> top = Recommender.top(towardsRising, matrix, 1, 3);
        assertEquals(List.of(3, 2, 1), top.stream().map(Recommendation::column).toList());
    }

    @Test
    void referenceWeightsPutModelsOneAndFourUpAndGiveAnythingElseAnEqualShare() {
        assertArrayEquals(new double[]{0.35, 0.15, 0.15, 0.35},
                Blend.referenceWeights(List.of("model1", "model2", "model3", "model4")));
        assertArrayEquals(new double[]{0.35, 0.15}, Blend.referenceWeights(List.of("model4", "model3")),
                "the rule is per name: any subset, any order");
        assertArrayEquals(new double[]{0.25, 0.25, 0.35}, Blend.referenceWeights(List.of("popular", "ease(l=200)", "model1")));
        assertEquals(1.0, Arrays.stream(Blend.referenceWeights(List.of("model1", "model2", "model3", "model4"))).sum(), 1e-12);
    }

    @Test
    void aBlendWithReferenceWeightsTakesThemFromTheMembersNames() {
        RowScorer one = TinyData.fixed("model1", new float[4], 0.2);
        RowScorer two = TinyData.fixed("model2", new float[4], 0.2);
        RowScorer popular = TinyData.fixed("popular", new float[4], 0.2);
        Blend blend = Blend.withReferenceWeights("b", List.of(two, popular, one), Blend.Mode.RANK);
        assertArrayEquals(new double[]{0.15, 0.25, 0.35}, blend.weights());
        assertEquals(Blend.Mode.RANK, blend.mode());
        assertEquals(4, blend.width());
        assertThrows(IllegalArgumentException.class, () -> Blend.withReferenceWeights("b", List.of(), Blend.Mode.SCORE));
    }

    @Test
    void invalidWeightsAreRefusedWithTheReason() {
        List<RowScorer> two = List.of(rising, fallingLoud);
        assertMessage("weight 2", () -> new Blend("b", two, new double[]{1, -0.1}, Blend.Mode.SCORE));
        assertMessage("above 0", () -> new Blend("b", two, new double[]{0, 0}, Blend.Mode.SCORE));
        assertMessage("needs 2 weights, got 3", () -> new Blend("b", two, new double[]{1, 1, 1}, Blend.Mode.SCORE));
        assertMessage("finite", () -> new Blend("b", two, new double[]{1, Double.NaN}, Blend.Mode.RANK));
        assertMessage("at least one model", () -> new Blend("b", List.of(), new double[]{}, Blend.Mode.RANK));
        RowScorer narrow = TinyData.fixed("narrow", new float[3], 0.2);
        assertMessage("width", () -> new Blend("b", List.of(rising, narrow), new double[]{1, 1}, Blend.Mode.SCORE));
        RowScorer otherScale = TinyData.fixed("unscaled", new float[4], 1.0);
        assertMessage("value scale", () -> new Blend("b", List.of(rising, otherScale), new double[]{1, 1}, Blend.Mode.SCORE));
    }

    @Test
    void weightsAreCopiedNotShared() {
        double[] w = {1, 2};
        Blend blend = new Blend("b", List.of(rising, fallingLoud), w, Blend.Mode.SCORE);
        w[0] = 100;
        assertEquals(1, blend.weights()[0]);
        assertFalse(blend.predictsRatings());
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should mention '" + expected + "'");
    }
}
