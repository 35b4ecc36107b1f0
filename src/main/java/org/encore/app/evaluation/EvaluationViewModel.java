package org.encore.app.evaluation;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.app.DesignEntry;
import org.encore.app.StatusMessage;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.data.OutputPaths;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.evaluation.EvaluationRequest;
import org.encore.evaluation.Evaluator;
import org.encore.evaluation.HtmlReport;
import org.encore.evaluation.MultiSeedEvaluation;
import org.encore.evaluation.MultiSeedReport;
import org.encore.evaluation.ReportCsv;
import org.encore.evaluation.SplitSettings;
import org.encore.evaluation.UserOutcome;
import org.encore.model.ModelSpec;
import org.encore.model.RowScorer;
import org.encore.training.Engine;
import org.encore.training.EpochMetrics;
import org.encore.training.TrainedModel;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingSession;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

/**
 * The Evaluation view: pick specs (trained afresh under every seed), trained runs of the open dataset (evaluated as
 * saved) and baselines; set the seeds, the epochs and the strong-generalisation protocol; run
 * {@link MultiSeedEvaluation} in the background (progress, the evaluator's lines as they come, cancel); show the
 * table with 95% intervals, the best of each column, the paired tests against the best row, the plain-words
 * sentences and the protocol card; export CSV and HTML through {@link OutputPaths}.
 */
public final class EvaluationViewModel {
    private final Workbench workbench;
    private final Engine engine;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<EvaluationCandidate> candidates = FXCollections.observableArrayList();
    private final IntegerProperty seeds = new SimpleIntegerProperty(this, "seeds", 3);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", 10);
    private final DoubleProperty validationFraction = new SimpleDoubleProperty(this, "validationFraction", 0.1);
    private final DoubleProperty testFraction = new SimpleDoubleProperty(this, "testFraction", 0.1);
    private final DoubleProperty foldInFraction = new SimpleDoubleProperty(this, "foldInFraction", 0.8);
    private final IntegerProperty minRatings = new SimpleIntegerProperty(this, "minRatings", 5);
    private final DoubleProperty relevantRating = new SimpleDoubleProperty(this, "relevantRating",
            SplitSettings.DEFAULT_RELEVANT_RATING);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "Idle");
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MultiSeedReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> sentences = FXCollections.observableArrayList();
    private final ObservableList<String> card = FXCollections.observableArrayList();
    private final StatusMessage message = new StatusMessage();
    private BackgroundTask<MultiSeedReport> task;
    private Map<String, List<EpochMetrics>> histories = Map.of();

    public EvaluationViewModel(Workbench workbench, Engine engine, Executor background, Executor ui) {
        this.workbench = workbench;
        this.engine = engine;
        this.background = background;
        this.ui = ui;
        workbench.datasetProperty().addListener((obs, old, dataset) -> {
            clearResults();
            refreshCandidates();
        });
        workbench.designs().addListener((ListChangeListener<DesignEntry>) change -> refreshCandidates());
        workbench.runs().addListener((ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                for (TrainedRun run : change.getAddedSubList()) {
                    run.modelProperty().addListener((obs, old, model) -> refreshCandidates());
                    run.statusProperty().addListener((obs, old, status) -> refreshCandidates());
                }
            }
            refreshCandidates();
        });
        refreshCandidates();
    }

    /**
     * Rebuilds the candidate list: the designer's specs, the finished runs of the open dataset, the baselines.
     * Ticks are kept by name; the baselines start ticked.
     */
    public void refreshCandidates() {
        Set<String> ticked = new HashSet<>();
        Set<String> known = new HashSet<>();
        for (EvaluationCandidate c : candidates) {
            known.add(c.kind() + c.name());
            if (c.isSelected()) {
                ticked.add(c.kind() + c.name());
            }
        }
        List<EvaluationCandidate> fresh = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Dataset dataset = workbench.dataset();
        for (DesignEntry entry : workbench.designs()) {
            ModelSpec spec = dataset == null ? entry.spec() : entry.suitedTo(dataset).spec();
            if (names.add(spec.name())) {
                fresh.add(EvaluationCandidate.ofSpec(spec));
            }
        }
        for (TrainedRun run : workbench.runs()) {
            if (run.model() != null && dataset != null && run.dataset() == dataset) {
                String name = run.name();
                for (int k = 2; names.contains(name); k++) {
                    name = run.name() + " (run" + (k == 2 ? "" : " " + k) + ")";
                }
                names.add(name);
                fresh.add(EvaluationCandidate.ofRun(name, run));
            }
        }
        for (Baseline baseline : Baseline.values()) {
            fresh.add(EvaluationCandidate.ofBaseline(baseline));
        }
        for (EvaluationCandidate c : fresh) {
            String key = c.kind() + c.name();
            c.setSelected(ticked.contains(key) || !known.contains(key) && c.kind() == EvaluationCandidate.Kind.BASELINE);
        }
        candidates.setAll(fresh);
    }

    /** The candidate named {@code name}, if listed. */
    public EvaluationCandidate candidate(String name) {
        return candidates.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The protocol as set: fractions, minimum ratings and relevance (the seed is replaced per run). */
    public SplitSettings splitSettings() {
        return new SplitSettings(validationFraction.get(), testFraction.get(), foldInFraction.get(), minRatings.get(),
                1, relevantRating.get());
    }

    /** The seeds of a run: 1 to {@link #seedsProperty()}. */
    public List<Long> seedList() {
        return LongStream.rangeClosed(1, Math.max(1, seeds.get())).boxed().toList();
    }

    /** Runs the evaluation of the ticked candidates in the background; does nothing while one runs. */
    public void run() {
        Dataset dataset = workbench.dataset();
        if (running.get()) {
            return;
        }
        if (dataset == null) {
            message.info("Open a dataset first");
            return;
        }
        List<EvaluationCandidate> chosen = candidates.stream().filter(EvaluationCandidate::isSelected).toList();
        if (chosen.isEmpty()) {
            message.info("Tick at least one spec, run or baseline to evaluate");
            return;
        }
        SplitSettings settings;
        MultiSeedEvaluation evaluation;
        try {
            settings = splitSettings();
            evaluation = new MultiSeedEvaluation(dataset, settings, seedList());
        } catch (IllegalArgumentException e) {
            message.error("Protocol: " + e.getMessage());
            return;
        }
        List<ModelSpec> specs = new ArrayList<>();
        List<RowScorer> loaded = new ArrayList<>();
        // the training curves of every trained model evaluated, for the HTML report
        Map<String, List<EpochMetrics>> curves = Collections.synchronizedMap(new LinkedHashMap<>());
        Set<Baseline> baselines = EnumSet.noneOf(Baseline.class);
        for (EvaluationCandidate c : chosen) {
            switch (c.kind()) {
                case SPEC -> specs.add(c.spec());
                case RUN -> {
                    loaded.add(new RunScorer(c.name(), c.run().model()));
                    curves.put(c.name(), c.run().historySnapshot());
                }
                case BASELINE -> baselines.add(c.baseline());
            }
        }
        Integer epochCount = specs.isEmpty() ? null : Math.max(1, epochs.get());
        EvaluationRequest request = Baseline.request(specs, loaded, baselines, epochCount);
        int perSeed = specs.size() * (epochCount == null ? 0 : epochCount) + loaded.size()
                + (request.popular() ? 1 : 0) + (request.ease() ? request.easeLambdas().length : 0);
        int units = Math.max(1, perSeed * evaluation.seeds().size());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger seedsStarted = new AtomicInteger();

        clearResults();
        running.set(true);
        progress.set(0);
        progressText.set("Starting…");
        message.info("");
        TrainingSession session = new TrainingSession(engine, dataset);
        task = BackgroundTask.wrap((fraction, cancel) -> {
            TrainingListener epochs = new TrainingListener() {
                @Override
                public void epochFinished(EpochMetrics m) {
                    fraction.accept(done.incrementAndGet() / (double) units);
                    say(String.format(Locale.ROOT, "    epoch %d: loss %.4f, val. MSE %.4f (%.1f s)",
                            m.epoch(), m.loss(), m.validation().mse(), m.seconds()));
                }
            };
            Evaluator.ModelTrainer training = Evaluator.training(session, epochs);
            Evaluator.ModelTrainer recording = (spec, matrix, plan, token) -> {
                RowScorer model = training.train(spec, matrix, plan, token);
                if (model instanceof TrainedModel trained) {
                    curves.put(spec.name() + " (seed " + spec.training().seed() + ")", trained.history());
                }
                return model;
            };
            return evaluation.run(request, recording, engine.solver(), line -> {
                if (line.startsWith("seed ") && seedsStarted.getAndIncrement() > 0) {
                    done.set(perSeed * (seedsStarted.get() - 1));
                } else if (line.startsWith("evaluating loaded") || line.startsWith("fitting EASE")) {
                    done.incrementAndGet();
                }
                fraction.accept(Math.min(1, done.get() / (double) units));
                say(line);
            }, cancel);
        });
        task.onProgress(progress::set)
                .onSuccess(result -> {
                    running.set(false);
                    progress.set(1);
                    progressText.set("Done: " + result.sample());
                    histories = Map.copyOf(curves);
                    show(result);
                })
                .onCancelled(() -> {
                    running.set(false);
                    progressText.set("Cancelled");
                    message.info("Evaluation cancelled; nothing was kept");
                })
                .onFailure(e -> {
                    running.set(false);
                    progressText.set("Failed");
                    message.error("Evaluation stopped: " + BackgroundTask.describe(e));
                })
                .executeWith(background, ui);
    }

    private void say(String line) {
        ui.execute(() -> {
            log.add(line);
            if (!line.startsWith("    ")) {
                progressText.set(line);
            }
        });
    }

    /** Stops the evaluation at the next batch or candidate. */
    public void cancel() {
        BackgroundTask<MultiSeedReport> current = task;
        if (current != null && running.get()) {
            current.cancel();
            progressText.set("Cancelling…");
        }
    }

    private void show(MultiSeedReport result) {
        report.set(result);
        rows.setAll(ResultRow.of(result));
        sentences.setAll(result.sentences());
        List<String> lines = new ArrayList<>();
        result.card().entries().forEach((label, text) -> lines.add(label + ": " + text));
        card.setAll(lines);
    }

    private void clearResults() {
        report.set(null);
        rows.clear();
        sentences.clear();
        card.clear();
        log.clear();
    }

    // ---- export ----

    /** Writes the table as CSV (the protocol card as its comment lines); an existing file only with REPLACE. */
    public void exportCsv(Path file, Overwrite overwrite) {
        MultiSeedReport current = report.get();
        if (current == null) {
            message.info("Run an evaluation first");
            return;
        }
        write(file, overwrite, ReportCsv.of(current), "table");
    }

    /** Writes the HTML report (card, table, comparisons); an existing file only with REPLACE. */
    public void exportHtml(Path file, Overwrite overwrite) {
        MultiSeedReport current = report.get();
        if (current == null) {
            message.info("Run an evaluation first");
            return;
        }
        write(file, overwrite, HtmlReport.of(current, orderedHistories()), "report");
    }

    /** The last run's training curves, in the order they were trained. */
    private Map<String, List<EpochMetrics>> orderedHistories() {
        Map<String, List<EpochMetrics>> ordered = new LinkedHashMap<>();
        histories.keySet().stream().sorted().forEach(k -> ordered.put(k, histories.get(k)));
        return ordered;
    }

    private void write(Path file, Overwrite overwrite, String text, String what) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        BackgroundTask.wrap(() -> {
                    OutputPaths.writeFile(file, overwrite, out -> out.write(bytes));
                    return file;
                })
                .onSuccess(written -> message.info("Wrote the " + what + " to " + written))
                .onFailure(e -> message.error("Cannot write the " + what + ": " + BackgroundTask.describe(e)))
                .executeWith(background, ui);
    }

    // ---- properties ----

    public ObservableList<EvaluationCandidate> candidates() {
        return candidates;
    }

    /** How many seeds (1, 2, …, n) the evaluation repeats under. */
    public IntegerProperty seedsProperty() {
        return seeds;
    }

    /** Epochs every ticked spec trains for under each seed. */
    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public DoubleProperty validationFractionProperty() {
        return validationFraction;
    }

    public DoubleProperty testFractionProperty() {
        return testFraction;
    }

    public DoubleProperty foldInFractionProperty() {
        return foldInFraction;
    }

    public IntegerProperty minRatingsProperty() {
        return minRatings;
    }

    /** The relevance threshold of the ranking metrics: a hidden rating of at least this many stars is relevant. */
    public DoubleProperty relevantRatingProperty() {
        return relevantRating;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** The evaluator's lines of the current or last run (candidates, epochs, EASE's λs). */
    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyObjectProperty<MultiSeedReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    public ObservableList<String> sentences() {
        return sentences;
    }

    /** The protocol card as "label: text" lines. */
    public ObservableList<String> card() {
        return card;
    }

    public StatusMessage message() {
        return message;
    }

    public Workbench workbench() {
        return workbench;
    }
}
