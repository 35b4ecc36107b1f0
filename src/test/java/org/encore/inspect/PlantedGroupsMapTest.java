package org.encore.inspect;

import org.encore.training.RunControl;
import org.encore.data.Dataset;
import org.encore.data.GeneratorSettings;
import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.data.SyntheticGenerator;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.TrainedModel;
import org.encore.training.dl4j.Dl4jEngine;
import org.encore.training.TrainingPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The latent map of the bundled sample, where six taste groups are planted (sample-data/README.md), after model4
 * is trained on all of its users.
 * <p>
 * Measured (bench-free, this test's numbers): in the 2-D map, 10 nearest neighbours share the dominant genre about
 * 0.28 of the time against 0.08 with shuffled labels; a 2-D PCA of the raw rating rows reaches 0.32, so the map
 * is NOT better than the raw rows there (nor for the planted groups: 0.56-0.58 against 0.65). In the coding
 * layer itself (64 dimensions) neighbours share the planted group 0.99+ of the time against 0.97 for the raw
 * rows: the groups are separated, in more than the two dimensions a PCA map shows.
 */
class PlantedGroupsMapTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private static final int K = 10;
    private static final int EPOCHS = 10;

    @Test
    void model4sCodingLayerSeparatesThePlantedGroupsAndItsMapKeepsDominantGenresTogether() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is absent");
        Dataset dataset = MovieLensLoader.load(SAMPLE);
        RatingMatrix matrix = dataset.ratings();
        ModelSpec spec = Presets.model4().withTraining(t -> t.usersFraction(1.0).epochs(EPOCHS));
        TrainedModel model = new Dl4jEngine().train(spec, matrix, TrainingPlan.reference(spec, matrix), null, new RunControl());

        LatentMap map = LatentMap.ofUsers(model, dataset, "coding", Colouring.GENRE, LatentMap.MAX_USERS, 42);
        assertEquals(matrix.userCount(), map.points().size());
        assertTrue(!map.sampled() && map.explainedVariance()[0] >= map.explainedVariance()[1] && map.explainedVariance()[1] > 0);
        int[] genres = map.legendIndices();
        NeighbourAgreement inMap = NeighbourAgreement.of(map.coordinates(), 2, K);
        double agreement = inMap.agreement(genres);
        double chance = inMap.shuffledAgreement(genres, 20, 1);
        assertTrue(agreement > 2.5 * chance, "dominant genre on the map " + agreement + " vs shuffled " + chance);

        int[] rows = new int[matrix.userCount()];
        Arrays.setAll(rows, r -> r);
        SyntheticGenerator generator = new SyntheticGenerator(GeneratorSettings.sample());
        int[] groups = Arrays.stream(rows).map(r -> generator.groupOfUser(matrix.users().idAt(r))).toArray();
        float[] raw = new float[rows.length * matrix.movieCount()];
        matrix.densify(rows, (float) spec.valueScale(), raw);
        int coding = model.layerWidth("coding");
        float[] codes = new float[rows.length * coding];
        model.activations("coding", raw, rows.length, codes);
        double inCoding = NeighbourAgreement.of(toDouble(codes), coding, K).agreement(groups);
        double inRawRows = NeighbourAgreement.of(toDouble(raw), matrix.movieCount(), K).agreement(groups);
        assertTrue(inCoding >= inRawRows && inCoding > 0.95,
                "planted group among coding-layer neighbours " + inCoding + " vs raw-row neighbours " + inRawRows);
    }

    private static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }
}
