package org.encore.evaluation;

import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.MovieProfiles;
import org.encore.data.RatingMatrix;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;
import org.encore.recommend.BatchScoring;
import org.encore.recommend.Blend;
import org.encore.recommend.TopN;
import org.encore.recommend.baseline.BiasBaseline;
import org.encore.recommend.baseline.Ease;
import org.encore.recommend.baseline.EaseMemory;
import org.encore.recommend.baseline.MostPopular;
import org.encore.training.DenseSolver;
import org.encore.training.RunControl;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.encore.training.TrainingSession;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.stream.IntStream;

/**
 * Held-out evaluation under strong generalisation. Trains (or fits) every candidate on the split's training users
 * only, chooses settings on the validation users, and reports the test users. Every candidate, autoencoder or
 * baseline, goes through the same code path: fold-in rows densified a batch at a time, scored, rated movies
 * removed, top 100 kept.
 */
public final class Evaluator {
    /** Longest list any metric looks at (NDCG@100). */
    public static final int LIST_LENGTH = 100;
    /** Length of the list the beyond-accuracy metrics look at. */
    public static final int SHORT_LIST = 20;

    /** Trains one spec on a plan; normally a {@link TrainingSession} ({@link #training}), tests plug in something cheaper. */
    @FunctionalInterface
    public interface ModelTrainer {
        RowScorer train(ModelSpec spec, RatingMatrix matrix, TrainingPlan plan, CancellationToken cancel) throws Exception;
    }

    /** Trains through {@code session} (the engine's training use case), reporting epochs to {@code listener}. */
    public static ModelTrainer training(TrainingSession session, TrainingListener listener) {
        return training(session, spec -> listener);
    }

    /** As {@link #training(TrainingSession, TrainingListener)}, with a listener chosen for each spec trained. */
    public static ModelTrainer training(TrainingSession session, Function<ModelSpec, TrainingListener> listeners) {
        return (spec, matrix, plan, cancel) -> session.train(spec, plan, listeners.apply(spec), new RunControl(cancel)).model();
    }

    private final Dataset dataset;
    private final StrongGeneralizationSplit split;
    private final int[] trainCounts;
    private final List<UserMetric> metrics;

    public Evaluator(Dataset dataset, SplitSettings settings) {
        this.dataset = dataset;
        RatingMatrix matrix = dataset.ratings();
        this.split = StrongGeneralizationSplit.create(matrix, settings);
        this.trainCounts = MostPopular.ratingCounts(matrix, split.trainRows());
        MovieProfiles profiles = MovieProfiles.of(dataset);
        this.metrics = List.of(new NdcgAtK(100), new RecallAtK(20), new RecallAtK(50), new Rmse(), new Mae(),
                new MeanPopularity(trainCounts, SHORT_LIST),
                new ProfileDistance(profiles, MovieProfiles.Kind.GENRE, SHORT_LIST),
                new ProfileDistance(profiles, MovieProfiles.Kind.DECADE, SHORT_LIST));
    }

    public StrongGeneralizationSplit split() {
        return split;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The training plan every trained model gets: training users train, validation users validate. */
    public TrainingPlan trainingPlan() {
        return new TrainingPlan(split.trainRows(), split.validation().rows());
    }

    /** Scores {@code users} with {@code scorer} and computes every metric. */
    public EvaluationRow evaluate(RowScorer scorer, HeldOutUsers users) {
        RatingMatrix foldIn = users.foldIn();
        int width = foldIn.movieCount();
        boolean predictsRatings = scorer.predictsRatings();
        double scale = scorer.valueScale();
        Map<String, Summary.Accumulator> sums = new LinkedHashMap<>();
        Map<String, double[]> perUser = new LinkedHashMap<>();
        for (UserMetric m : metrics) {
            sums.put(m.name(), new Summary.Accumulator());
            perUser.put(m.name(), new double[users.size()]);
        }
        CatalogCoverage coverage = new CatalogCoverage(SHORT_LIST, width);
        int[] all = IntStream.range(0, users.size()).toArray();
        BatchScoring.forEachBatch(scorer, foldIn, all, (rows, inputs, scores) -> {
            for (int i = 0; i < rows.length; i++) {
                int user = rows[i];
                int offset = i * width;
                int[] ranked = TopN.columns(scores, inputs, offset, width, LIST_LENGTH);
                int[] hidden = users.hiddenColumnsOf(user);
                float[] predictions = null;
                if (predictsRatings) {
                    predictions = new float[hidden.length];
                    for (int h = 0; h < hidden.length; h++) {
                        predictions[h] = (float) (scores[offset + hidden[h]] / scale);
                    }
                }
                UserOutcome outcome = new UserOutcome(ranked, hidden, users.hiddenRatingsOf(user), predictions,
                        users.fedColumnsOf(user), split.settings().relevantRating());
                for (UserMetric m : metrics) {
                    double value = m.of(outcome);
                    sums.get(m.name()).add(value);
                    perUser.get(m.name())[user] = value;
                }
                coverage.add(outcome);
            }
        });
        Map<String, Summary> summaries = new LinkedHashMap<>();
        sums.forEach((name, acc) -> summaries.put(name, acc.summary()));
        return new EvaluationRow(scorer.name(), summaries, coverage.value(), users.size(), 0, "", perUser);
    }

    /** Trains, fits and evaluates everything the request names; EASE inverts its matrix with {@code solver}. */
    public EvaluationReport run(EvaluationRequest request, ModelTrainer trainer, DenseSolver solver,
                                Consumer<String> progress, CancellationToken cancel) throws Exception {
        RatingMatrix matrix = dataset.ratings();
        List<EvaluationRow> test = new ArrayList<>();
        List<EvaluationRow> validation = new ArrayList<>();
        Map<String, RowScorer> models = new LinkedHashMap<>();
        double scale = ModelSpec.REFERENCE_SCALE;
        if (request.ease()) {
            // refuse an EASE that cannot fit before hours of model training, not after
            EaseMemory.check(matrix, (int) Arrays.stream(MostPopular.ratingCounts(matrix, split.trainRows())).filter(c -> c > 0).count(), solver);
        }

        for (ModelSpec spec : request.specs()) {
            cancel.throwIfCancelled();
            ModelSpec run = request.epochs() == null ? spec : spec.withTraining(t -> t.epochs(request.epochs()));
            run = run.withTraining(t -> t.seed(split.settings().seed()));
            progress.accept(String.format(Locale.ROOT, "training %s: %d epochs on %d users (validation: %d users)",
                    run.name(), run.training().epochs(), split.trainRows().length, split.validation().size()));
            long start = System.nanoTime();
            RowScorer model = trainer.train(run, matrix, trainingPlan(), cancel);
            double seconds = (System.nanoTime() - start) / 1e9;
            scale = model.valueScale();
            models.put(run.name(), model);
            String note = run.training().epochs() + " epochs, trained on the training users";
            validation.add(evaluate(model, split.validation()).withFit(seconds, note));
            test.add(evaluate(model, split.test()).withFit(seconds, note));
        }
        for (RowScorer model : request.loaded()) {
            cancel.throwIfCancelled();
            progress.accept("evaluating loaded model " + model.name());
            scale = model.valueScale();
            models.put(model.name(), model);
            String note = "loaded run folder (its own training users; may overlap the held-out users)";
            validation.add(evaluate(model, split.validation()).withFit(0, note));
            test.add(evaluate(model, split.test()).withFit(0, note));
        }
        if (request.referenceBlend() && models.keySet().containsAll(List.of("model1", "model2", "model3", "model4"))) {
            List<RowScorer> four = List.of(models.get("model1"), models.get("model2"), models.get("model3"), models.get("model4"));
            Blend byScore = Blend.withReferenceWeights("blend(1,4 up)", four, Blend.Mode.SCORE);
            Blend byRank = Blend.withReferenceWeights("blend-rrf(1,4 up)", four, Blend.Mode.RANK);
            for (Blend blend : List.of(byScore, byRank)) {
                progress.accept("evaluating " + blend.name());
                String note = "weights " + weightsText(blend.weights()) + ", " + (blend.mode() == Blend.Mode.SCORE
                        ? "z-scored per user" : "reciprocal rank fusion k=" + Blend.RRF_K);
                validation.add(evaluate(blend, split.validation()).withFit(0, note));
                test.add(evaluate(blend, split.test()).withFit(0, note));
            }
        }
        if (request.popular()) {
            cancel.throwIfCancelled();
            long start = System.nanoTime();
            MostPopular popular = MostPopular.fit(matrix, split.trainRows(), scale);
            double seconds = (System.nanoTime() - start) / 1e9;
            String note = "rating counts of the training users";
            validation.add(evaluate(popular, split.validation()).withFit(seconds, note));
            test.add(evaluate(popular, split.test()).withFit(seconds, note));
        }
        if (request.bias()) {
            cancel.throwIfCancelled();
            long start = System.nanoTime();
            BiasBaseline bias = BiasBaseline.fit(matrix, split.trainRows(), scale);
            double seconds = (System.nanoTime() - start) / 1e9;
            String note = "global mean + user bias + movie bias (Koren 2008, lambda user " + BiasBaseline.DEFAULT_LAMBDA_USER
                    + ", movie " + BiasBaseline.DEFAULT_LAMBDA_ITEM + ") on the training users' ratings; user bias from the fed-in ratings";
            validation.add(evaluate(bias, split.validation()).withFit(seconds, note));
            test.add(evaluate(bias, split.test()).withFit(seconds, note));
        }
        if (request.ease()) {
            EvaluationRow bestValidation = null;
            Ease best = null;
            double bestSeconds = 0;
            List<String> tried = new ArrayList<>();
            for (double lambda : request.easeLambdas()) {
                cancel.throwIfCancelled();
                progress.accept("fitting EASE with lambda " + lambda);
                long start = System.nanoTime();
                Ease ease = Ease.fit(matrix, split.trainRows(), lambda, request.easeRatingValued(), scale, solver);
                double seconds = (System.nanoTime() - start) / 1e9;
                EvaluationRow row = evaluate(ease, split.validation());
                tried.add(String.format(Locale.ROOT, "%s: %.4f", Ease.formatLambda(lambda), row.metric("ndcg100").mean()));
                if (bestValidation == null || row.metric("ndcg100").mean() > bestValidation.metric("ndcg100").mean()) {
                    bestValidation = row;
                    best = ease;
                    bestSeconds = seconds;
                }
            }
            String note = "lambda " + Ease.formatLambda(best.lambda()) + " chosen by validation NDCG@100 among {"
                    + String.join(", ", tried) + "}; X " + (request.easeRatingValued() ? "rating-valued" : "binary")
                    + ", " + best.activeItems() + " movies seen in training";
            validation.add(bestValidation.withFit(bestSeconds, note));
            test.add(evaluate(best, split.test()).withFit(bestSeconds, note));
        }
        return new EvaluationReport(dataset.release(), split, request.epochs(), test, validation);
    }

    private static String weightsText(double[] weights) {
        StringBuilder sb = new StringBuilder();
        for (double w : weights) {
            sb.append(sb.length() == 0 ? "" : "/").append(w);
        }
        return sb.toString();
    }
}
