package org.encore.training;

import org.encore.data.OutputPaths.Overwrite;
import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.OptimizerSpec;
import org.encore.testutil.TinyData;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSessionTest {
    private static final RatingMatrix MATRIX = TinyData.fourGroupMatrix(120, 40, 3);
    private static final Dataset DATASET = TinyData.dataset(MATRIX, "synthetic");
    private final TrainingSession session = new TrainingSession(new Dl4jEngine(), DATASET);

    @Test
    void earlyStoppingIsTheSpecsForEveryCaller() throws TrainingException {
        // a learning rate this high overfits and oscillates quickly on 96 training users
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(40).patience(2).optimizer(OptimizerSpec.adam(3e-2)));
        TrainingSession.Outcome outcome = session.train(spec, null, null);
        assertTrue(outcome.model().history().size() < 40, outcome.message());
        assertTrue(outcome.message().startsWith("stopped early after epoch " + outcome.model().history().size()), outcome.message());
        assertTrue(outcome.message().contains("restored the weights of epoch"), outcome.message());
        assertFalse(outcome.cancelled());
    }

    @Test
    void withoutPatienceEveryEpochRunsAndTheOutcomeSaysSo() throws TrainingException {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(2));
        TrainingSession.Outcome outcome = session.train(spec, null, null);
        assertEquals("finished 2 epochs", outcome.message());
        assertEquals(TrainingPlan.reference(spec, MATRIX), outcome.model().plan());
    }

    @Test
    void aCancelledRunEndsBeforeItsFirstBatchAndSaysSo() throws TrainingException {
        RunControl control = new RunControl();
        control.cancel();
        TrainingSession.Outcome outcome = session.train(TinyData.smallSpec(), null, control);
        assertTrue(outcome.cancelled());
        assertTrue(outcome.message().startsWith("cancelled in epoch 1 after batch 0"), outcome.message());
        assertEquals(0, outcome.model().history().size());
    }

    @Test
    void anInvalidSpecIsRefusedByFieldBeforeAnyUserIsDrawn() {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.usersFraction(0));
        TrainingException e = assertThrows(TrainingException.class, () -> session.train(spec, null, null));
        assertTrue(e.getMessage().contains("training.usersFraction: must be in (0, 1]"), e.getMessage());
    }

    @Test
    void theSavedRunLoadsBackWithTheSameScores(@TempDir Path dir) throws Exception {
        ModelSpec spec = TinyData.smallSpec().withTraining(t -> t.epochs(1));
        TrainingSession.Outcome outcome = session.train(spec, null, null);
        Path run = session.save(outcome, dir.resolve("run"), Overwrite.REFUSE);
        TrainedModel loaded = session.load(run);
        int width = MATRIX.movieCount();
        float[] in = new float[3 * width];
        MATRIX.densify(new int[]{0, 1, 2}, (float) spec.valueScale(), in);
        float[] before = new float[in.length];
        float[] after = new float[in.length];
        outcome.model().score(in, 3, before);
        loaded.score(in, 3, after);
        assertArrayEquals(before, after);
        assertEquals(outcome.model().history(), loaded.history());
    }
}
