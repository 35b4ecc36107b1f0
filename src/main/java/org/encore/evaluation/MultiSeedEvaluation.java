package org.encore.evaluation;

import org.encore.data.CancellationToken;
import org.encore.training.DenseSolver;
import org.encore.data.Dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The held-out evaluation repeated under several seeds: for each seed a new strong-generalisation split (other
 * held-out users, other fed-in ratings) and new initialisations, through the same {@link Evaluator}. The seeds'
 * test rows are kept whole, per-user values included, for the confidence intervals and paired tests of
 * {@link MultiSeedReport}.
 */
public final class MultiSeedEvaluation {
    private final Dataset dataset;
    private final SplitSettings base;
    private final List<Long> seeds;

    /**
     * @param base  split settings; their seed is replaced by each of {@code seeds}
     * @param seeds at least one, no repeats
     */
    public MultiSeedEvaluation(Dataset dataset, SplitSettings base, List<Long> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed is needed");
        }
        if (new LinkedHashSet<>(seeds).size() != seeds.size()) {
            throw new IllegalArgumentException("seeds repeat: " + seeds);
        }
        this.dataset = dataset;
        this.base = base;
        this.seeds = List.copyOf(seeds);
    }

    public List<Long> seeds() {
        return seeds;
    }

    /** The split settings of one seed. */
    public SplitSettings settings(long seed) {
        return base.withSeed(seed);
    }

    /** The evaluator of one seed (builds that seed's split). */
    public Evaluator evaluator(long seed) {
        return new Evaluator(dataset, settings(seed));
    }

    /** Runs {@code request} under every seed, in order. */
    public MultiSeedReport run(EvaluationRequest request, Evaluator.ModelTrainer trainer, DenseSolver solver, Consumer<String> progress,
                               CancellationToken cancel) throws Exception {
        List<EvaluationReport> reports = new ArrayList<>();
        StrongGeneralizationSplit first = null;
        for (int i = 0; i < seeds.size(); i++) {
            cancel.throwIfCancelled();
            long seed = seeds.get(i);
            if (seeds.size() > 1) {
                progress.accept(String.format(Locale.ROOT, "seed %d (%d of %d)", seed, i + 1, seeds.size()));
            }
            Evaluator evaluator = evaluator(seed);
            if (first == null) {
                first = evaluator.split();
            }
            reports.add(evaluator.run(request, trainer, solver, progress, cancel));
        }
        return MultiSeedReport.of(ProtocolCard.of(dataset, first, seeds, request), seeds, reports);
    }
}
