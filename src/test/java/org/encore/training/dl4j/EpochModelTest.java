package org.encore.training.dl4j;

import org.encore.data.Dataset;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.testutil.TinyData;
import org.encore.training.EpochMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingException;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The model after each epoch, as a live view (the latent map's live mode) reads it through the training session. */
class EpochModelTest {
    /** What a watcher read of the live model after one epoch. */
    private record Seen(int epoch, int historySize, int codingWidth, int users, float[] coding) {
    }

    private static List<Seen> watch(TrainingSession session, ModelSpec spec, List<EpochMetrics> epochs,
                                     TrainedModel[] trained) throws TrainingException {
        RatingMatrix matrix = session.dataset().ratings();
        int users = matrix.userCount();
        int[] rows = new int[users];
        Arrays.setAll(rows, r -> r);
        float[] inputs = new float[users * matrix.movieCount()];
        matrix.densify(rows, (float) spec.valueScale(), inputs);
        List<Seen> seen = new ArrayList<>();
        trained[0] = session.train(spec, new TrainingListener() {
            @Override
            public void epochFinished(EpochMetrics metrics) {
                epochs.add(metrics);
            }

            @Override
            public void epochModel(int epoch, TrainedModel live) {
                int width = live.layerWidth("coding");
                float[] coding = new float[users * width];
                live.activations("coding", inputs, users, coding);
                seen.add(new Seen(epoch, live.history().size(), width, users, coding));
            }
        }, null).model();
        return seen;
    }

    @Test
    void theModelAfterEveryEpochReachesTheListenerOnceWithTheCodingLayersWidthForEveryUser() throws TrainingException {
        Dataset dataset = TinyData.smallDataset();
        ModelSpec spec = TinyData.tinySpec("tiny", 4);
        TrainedModel[] trained = new TrainedModel[1];
        List<Seen> seen = watch(new TrainingSession(new Dl4jEngine(), dataset), spec, new ArrayList<>(), trained);

        assertEquals(List.of(1, 2, 3, 4), seen.stream().map(Seen::epoch).toList(), "once per epoch, in order");
        for (Seen s : seen) {
            assertEquals(8, s.codingWidth());
            assertEquals(TinyData.SMALL_USERS, s.users());
            assertEquals(s.epoch(), s.historySize(), "the history so far, this epoch included");
        }
        assertFalse(Arrays.equals(seen.get(0).coding(), seen.get(3).coding()), "the coding layer moves as it trains");
        // the live view is the network itself: the last epoch's activations are the finished model's
        RatingMatrix matrix = dataset.ratings();
        int[] rows = new int[matrix.userCount()];
        Arrays.setAll(rows, r -> r);
        float[] inputs = new float[rows.length * matrix.movieCount()];
        matrix.densify(rows, (float) spec.valueScale(), inputs);
        float[] finished = new float[rows.length * 8];
        trained[0].activations("coding", inputs, rows.length, finished);
        assertArrayEquals(finished, seen.get(3).coding());
    }

    @Test
    void readingTheModelBetweenEpochsLeavesTheTrainingAsItWouldHaveBeen() throws TrainingException {
        Dataset dataset = TinyData.smallDataset();
        ModelSpec spec = TinyData.tinySpec("tiny", 3);
        TrainingSession session = new TrainingSession(new Dl4jEngine(), dataset);
        List<EpochMetrics> watched = new ArrayList<>();
        watch(session, spec, watched, new TrainedModel[1]);
        List<EpochMetrics> alone = session.train(spec, null, null).model().history();
        assertEquals(alone.size(), watched.size());
        for (int i = 0; i < alone.size(); i++) {
            assertEquals(alone.get(i).validation(), watched.get(i).validation());
            assertEquals(alone.get(i).loss(), watched.get(i).loss());
        }
    }
}
