package org.encore.inspect;

import org.encore.data.Dataset;
import org.encore.data.GeneratorSettings;
import org.encore.data.MovieLensLoader;
import org.encore.data.MovieProfiles;
import org.encore.data.RatingMatrix;
import org.encore.data.SyntheticGenerator;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.RunControl;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingPlan;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The latent map of the bundled sample, where six taste groups are planted (sample-data/README.md), after model4 is
 * trained for 15 epochs on all of its users but the 1% the engine holds out for validation. The map and the
 * baseline see the same users, labels (dominant genre, {@link PointLabels}) and k = 10 neighbours; the baseline is
 * a 2-D PCA of the raw rating rows (rating x 0.2, the model's input).
 * <p>
 * Measured (k = 10, dominant genre; shuffled labels 0.085; the PCA of the raw rows 0.322, planted groups 0.650).
 * The map of the coding layer as it is: 0.304 here (0.283 after 10 epochs, 0.285 after 30, 0.249 after 60), and
 * 0.28-0.36 over ten 30-epoch trainings (seeds 1, 2, 3, 7, 42; 1%, 10% or 20% validation): about level with the
 * raw rows, not reliably above them, because its first axis follows the length of the code, which mostly follows
 * how many movies a user rated. Each unit standardised first: 0.27-0.40. Each user's code at unit length
 * ({@link UserActivations#unitLength}, the map's "Unit length"): 0.438 here (groups 0.924), 0.428 after 10 epochs,
 * 0.38-0.44 over the same ten trainings (groups 0.78-0.93), always above the raw rows. The same scaling helps the
 * raw rows as much (0.444, groups 0.935): a 2-D map of the codes matched that comparable baseline only after 60
 * epochs (0.462, groups 0.966; one seed), so this test compares with the plain raw-row PCA, as the issue states.
 * In the 64-dimensional coding layer itself a user's 10 nearest codes are of their planted group 0.997 of the time
 * against 0.966 for the raw rows.
 */
class PlantedGroupsMapTest {
    private static final Path SAMPLE = Path.of("sample-data");
    private static final int K = 10;
    private static final int EPOCHS = 15;

    @Test
    void onModel4sUnitLengthCodingMapNeighboursShareTheirDominantGenreMoreOftenThanOnARawRowPca() throws Exception {
        assumeTrue(Files.isRegularFile(SAMPLE.resolve("ratings.csv")), "sample-data/ is absent");
        Dataset dataset = MovieLensLoader.load(SAMPLE);
        RatingMatrix matrix = dataset.ratings();
        ModelSpec spec = Presets.model4().withTraining(t -> t.usersFraction(1.0).validationFraction(0.01).epochs(EPOCHS));
        TrainedModel model = new Dl4jEngine().train(spec, matrix, TrainingPlan.reference(spec, matrix), null, new RunControl());

        UserActivations coding = UserActivations.of(model, matrix, "coding", LatentMap.MAX_USERS, 42);
        LatentMap map = LatentMap.ofUsers(coding.unitLength(), dataset, Colouring.GENRE);
        int users = matrix.userCount();
        assertEquals(users, map.points().size());
        assertTrue(!map.sampled() && map.explainedVariance()[0] >= map.explainedVariance()[1] && map.explainedVariance()[1] > 0);

        int[] rows = coding.rows();
        PointLabels labels = PointLabels.ofUsers(dataset, MovieProfiles.of(dataset), rows, Colouring.GENRE);
        int[] genres = labels.legendIndices();
        assertArrayEquals(genres, map.legendIndices(), "the same label per user on both maps");
        float[] raw = new float[rows.length * matrix.movieCount()];
        matrix.densify(rows, (float) spec.valueScale(), raw);
        int[] ids = Arrays.stream(rows).map(r -> matrix.users().idAt(r)).toArray();
        LatentMap rawMap = LatentMap.project("ratings", raw, matrix.movieCount(), ids, labels, Colouring.GENRE, users);

        NeighbourAgreement onMap = NeighbourAgreement.of(map.coordinates(), 2, K);
        double agreement = onMap.agreement(genres);
        double chance = onMap.shuffledAgreement(genres, 20, 1);
        double rawAgreement = NeighbourAgreement.of(rawMap.coordinates(), 2, K).agreement(genres);
        String numbers = String.format(Locale.ROOT, "dominant genre among map neighbours %.3f, shuffled %.3f, raw-row PCA %.3f",
                agreement, chance, rawAgreement);
        assertTrue(agreement > 3 * chance, numbers);
        assertTrue(agreement >= rawAgreement, numbers);

        SyntheticGenerator generator = new SyntheticGenerator(GeneratorSettings.sample());
        int[] groups = Arrays.stream(ids).map(generator::groupOfUser).toArray();
        double groupsOnMap = onMap.agreement(groups);
        double groupsOnRawMap = NeighbourAgreement.of(rawMap.coordinates(), 2, K).agreement(groups);
        assertTrue(groupsOnMap > groupsOnRawMap, "planted group among map neighbours " + groupsOnMap + " vs raw-row PCA " + groupsOnRawMap);
        double inCoding = NeighbourAgreement.of(toDouble(coding.values()), coding.width(), K).agreement(groups);
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
