package org.encore.evaluation;

import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.MovieLensLoader;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The split and the popularity baseline on the real ml-latest-small (skipped when ../shared is absent). */
class MovieLensSmallEvaluationTest {
    private static final Path SMALL = Path.of("../shared/movielens/ml-latest-small");

    @Test
    void splitAndPopularityBaselineOnMlLatestSmall() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SMALL.resolve("ratings.csv")),
                "ml-latest-small not found at " + SMALL.toAbsolutePath() + "; skipping the real-data evaluation test");
        Dataset dataset = MovieLensLoader.load(SMALL);
        Evaluator evaluator = new Evaluator(dataset, SplitSettings.defaults(42));
        StrongGeneralizationSplit split = evaluator.split();
        // every ml-latest-small user has at least 20 ratings, so all 610 take part: 61 validation, 61 test, 488 train
        assertEquals(0, split.usersBelowMinimum());
        assertEquals(61 * 2, split.validation().size() + split.test().size() + split.droppedHeldOutUsers());
        assertEquals(488, split.trainRows().length);
        EvaluationReport report = evaluator.run(new EvaluationRequest(List.of(), List.of(), true, false, null, false, null, false),
                (spec, m, plan, cancel) -> { throw new AssertionError("nothing to train"); }, new Dl4jEngine().solver(),
                line -> { }, CancellationToken.none());
        EvaluationRow popular = report.test().get(0);
        // most-popular on MovieLens is a weak but clearly non-trivial baseline
        double ndcg = popular.metric("ndcg100").mean();
        assertTrue(ndcg > 0.1 && ndcg < 0.5, "popular NDCG@100 = " + ndcg);
        assertTrue(popular.coverage20() < 0.05, "the same few movies for everyone: coverage " + popular.coverage20());
        assertTrue(Double.isNaN(popular.metric("rmse").mean()));
    }
}
