package org.encore.training.dl4j;

import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.EpochMetrics;
import org.encore.training.RunControl;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The reference protocol with a real preset on the bundled sample data. */
class SampleDataTrainingTest {
    private static final Path SAMPLE = Path.of("sample-data");

    @Test
    void model4LowersTheValidationMseOnSampleDataInAFewEpochs() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is absent");
        Dataset dataset = MovieLensLoader.load(SAMPLE);
        ModelSpec spec = Presets.model4().withTraining(t -> t.epochs(3));
        TrainingPlan plan = TrainingPlan.reference(spec, dataset.ratings());
        assertEquals(Math.round(0.1 * dataset.ratings().userCount()), plan.trainRows().length + plan.validationRows().length);
        TrainedModel model = new Trainer(spec, dataset.ratings(), plan).train(null, new RunControl());
        List<EpochMetrics> history = model.history();
        assertEquals(3, history.size());
        assertTrue(history.get(2).validation().mse() < history.get(0).validation().mse(),
                history.get(0).validation() + " -> " + history.get(2).validation());
        assertEquals(dataset.ratings().movieCount(), model.width());
    }
}
