package org.encore.training;

import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.testutil.TinyData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingPlanTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(610, 20, 1);

    @Test
    void referenceTakesTenPercentOfUsersSplitEightyTwenty() {
        TrainingPlan plan = TrainingPlan.reference(Presets.model1(), MATRIX);
        assertEquals(61, plan.trainRows().length + plan.validationRows().length);
        assertEquals(12, plan.validationRows().length);
        assertEquals(49, plan.trainRows().length);
        int[] all = IntStream.concat(Arrays.stream(plan.trainRows()), Arrays.stream(plan.validationRows())).distinct().toArray();
        assertEquals(61, all.length, "train and validation users are disjoint");
        assertTrue(Arrays.stream(all).allMatch(r -> r >= 0 && r < MATRIX.userCount()));
    }

    @Test
    void theSeedDecidesTheSample() {
        ModelSpec spec = Presets.model2();
        assertEquals(TrainingPlan.reference(spec, MATRIX), TrainingPlan.reference(spec, MATRIX));
        assertNotEquals(TrainingPlan.reference(spec, MATRIX), TrainingPlan.reference(spec.withTraining(t -> t.seed(7)), MATRIX));
    }

    @Test
    void userIdsRoundTrip() {
        TrainingPlan plan = TrainingPlan.reference(Presets.model1().withTraining(t -> t.usersFraction(0.5)), MATRIX);
        TrainingPlan back = TrainingPlan.fromUserIds(MATRIX, plan.trainUserIds(MATRIX), plan.validationUserIds(MATRIX));
        assertArrayEquals(plan.trainRows(), back.trainRows());
        assertArrayEquals(plan.validationRows(), back.validationRows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingPlan.fromUserIds(MATRIX, new int[]{-5}, new int[0]));
        assertTrue(e.getMessage().contains("train user -5"));
    }

    @Test
    void aTinySampleStillHasOneUserOnEachSide() {
        TrainingPlan plan = TrainingPlan.reference(Presets.model1().withTraining(t -> t.usersFraction(0.001)), MATRIX);
        assertEquals(1, plan.trainRows().length);
        assertEquals(1, plan.validationRows().length);
    }
}
