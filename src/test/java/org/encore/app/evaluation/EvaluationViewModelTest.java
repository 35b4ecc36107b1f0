package org.encore.app.evaluation;

import org.encore.testutil.TinyData;
import org.encore.app.DesignEntry;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.app.training.TrainingViewModel;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.data.OutputPaths.Overwrite;
import org.encore.evaluation.Comparison;
import org.encore.evaluation.ReportColumn;
import org.encore.training.dl4j.Dl4jEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Evaluation view model without a stage: everything runs inline on a tiny dataset with tiny specs. */
class EvaluationViewModelTest {
    private static final Executor INLINE = Runnable::run;
    private final Workbench workbench = new Workbench();
    private final Dl4jEngine engine = new Dl4jEngine();
    private EvaluationViewModel viewModel;

    @TempDir
    Path temp;

    @BeforeEach
    void setUp() {
        TinyData.openSmallDataset(workbench);
        workbench.designs().add(new DesignEntry(null, TinyData.tinySpec("tiny-a", 2)));
        workbench.designs().add(new DesignEntry(null, TinyData.tinySpec("tiny-b", 2).withTraining(t -> t.seed(99))));
        viewModel = new EvaluationViewModel(workbench, engine, INLINE, INLINE);
        viewModel.seedsProperty().set(2);
        viewModel.epochsProperty().set(2);
    }

    private void tick(String... names) {
        viewModel.candidates().forEach(c -> c.setSelected(false));
        for (String name : names) {
            assertNotNull(viewModel.candidate(name), name + " is offered");
            viewModel.candidate(name).setSelected(true);
        }
    }

    @Test
    void twoSpecsAndABaselineUnderTwoSeedsGiveARowEachTestedAgainstTheBest() {
        assertTrue(viewModel.candidate("popular").isSelected(), "the baselines start ticked");
        tick("tiny-a", "tiny-b", "popular");
        viewModel.run();

        assertFalse(viewModel.runningProperty().get());
        assertEquals("", viewModel.message().get());
        assertEquals(List.of("tiny-a", "tiny-b", "popular"), viewModel.rows().stream().map(ResultRow::name).toList());
        assertEquals(1, viewModel.rows().stream().filter(ResultRow::isBestRow).count(), "one row is the best");
        for (ResultRow row : viewModel.rows()) {
            assertTrue(row.cell(ReportColumn.NDCG_100).matches("0\\.\\d{3} ± \\d\\.\\d{3}"), row.cell(ReportColumn.NDCG_100));
            assertEquals(2, row.candidate().rows().size(), "a test row per seed");
            if (row.isBestRow()) {
                assertEquals("best", row.mark());
                assertTrue(row.best().contains(ReportColumn.NDCG_100));
            } else {
                Comparison t = row.versusBest().orElseThrow();
                assertTrue(t.pValue() >= 0 && t.pValue() <= 1, "p = " + t.pValue());
                assertTrue(t.pValueHolm() >= t.pValue(), "Holm never lowers a p-value");
                assertEquals(t.significant() ? ResultRow.SIGNIFICANT : ResultRow.NOT_SIGNIFICANT, row.mark());
                assertTrue(row.pValues().contains("paired t-test") && row.pValues().contains("Wilcoxon signed-rank"),
                        row.pValues());
                assertTrue(row.pValues().contains("p(Holm)"), row.pValues());
            }
        }
        ResultRow popular = viewModel.rows().get(2);
        assertEquals("", popular.cell(ReportColumn.RMSE), "a ranking-only baseline has no RMSE");
        assertFalse(viewModel.rows().get(0).cell(ReportColumn.RMSE).isEmpty(), "an MSE autoencoder predicts ratings");
        assertEquals(3, viewModel.sentences().size(), "one sentence per pair");
        assertTrue(viewModel.card().stream().anyMatch(line -> line.startsWith("seeds: 1, 2")), viewModel.card().toString());
        assertTrue(viewModel.log().stream().anyMatch(line -> line.startsWith("training tiny-b")), viewModel.log().toString());
        assertTrue(viewModel.log().stream().anyMatch(line -> line.trim().startsWith("epoch 2:")), "epoch lines as they come");
        assertEquals(1.0, viewModel.progressProperty().get());
    }

    @Test
    void onlyFinishedRunsOfTheOpenDatasetAreOfferedUnderAUniqueName() throws Exception {
        TrainingViewModel training = new TrainingViewModel(workbench, engine, INLINE, INLINE, temp.resolve("runs"));
        training.enqueue(TinyData.tinySpec("tiny-a", 1));
        training.trainQueue();
        TrainedRun run = workbench.runs().get(0);
        EvaluationCandidate offered = viewModel.candidate("tiny-a (run)");
        assertNotNull(offered, "the run is offered beside the spec of the same name");
        assertEquals(EvaluationCandidate.Kind.RUN, offered.kind());
        assertEquals(run, offered.run());

        tick("tiny-a (run)", "ease");
        viewModel.seedsProperty().set(1);
        viewModel.run();
        assertEquals(2, viewModel.rows().size());
        assertEquals("tiny-a (run)", viewModel.rows().get(0).name());
        assertTrue(viewModel.rows().get(1).name().startsWith("ease"), "one seed names the lambda: " + viewModel.rows().get(1).name());

        Path html = temp.resolve("with-curves.html");
        viewModel.exportHtml(html, Overwrite.REFUSE);
        String page = Files.readString(html);
        assertTrue(page.contains("<h2 id=\"training\">Training</h2>") && page.contains("<polyline"),
                "the run's training curve is drawn in the report");
        assertTrue(page.contains("<title>tiny-a (run)</title>"), "with its name in the legend");

        Dataset other = TinyData.smallDataset();
        workbench.setDataset(other, DatasetStatistics.of(other));
        assertNull(viewModel.candidate("tiny-a (run)"), "a run of another dataset is not offered");
        assertTrue(viewModel.rows().isEmpty(), "results of the old dataset are cleared");
    }

    @Test
    void cancellingEndsWithoutResults() {
        Queue<Runnable> later = new ArrayDeque<>();
        EvaluationViewModel deferred = new EvaluationViewModel(workbench, engine, later::add, INLINE);
        deferred.run();
        assertTrue(deferred.runningProperty().get());
        deferred.cancel();
        later.forEach(Runnable::run);
        assertFalse(deferred.runningProperty().get());
        assertEquals("Cancelled", deferred.progressTextProperty().get());
        assertTrue(deferred.rows().isEmpty());
        assertNull(deferred.reportProperty().get());
    }

    @Test
    void aProtocolThatCannotSplitIsRefusedByName() {
        viewModel.validationFractionProperty().set(0.5);
        viewModel.testFractionProperty().set(0.6);
        viewModel.run();
        assertTrue(viewModel.message().errorProperty().get());
        assertTrue(viewModel.message().get().startsWith("Protocol: validation and test fractions"), viewModel.message().get());
        assertFalse(viewModel.runningProperty().get());
    }

    @Test
    void exportsReplaceAnExistingFileOnlyWhenAsked() throws Exception {
        tick("popular");
        viewModel.seedsProperty().set(2);
        viewModel.run();
        Path csv = Files.writeString(temp.resolve("table.csv"), "keep me");
        viewModel.exportCsv(csv, Overwrite.REFUSE);
        assertTrue(viewModel.message().errorProperty().get(), viewModel.message().get());
        assertEquals("keep me", Files.readString(csv));
        viewModel.exportCsv(csv, Overwrite.REPLACE);
        assertTrue(Files.readString(csv).contains("# protocol") || Files.readString(csv).startsWith("# dataset"),
                Files.readString(csv));
        Path html = temp.resolve("report.html");
        viewModel.exportHtml(html, Overwrite.REFUSE);
        assertTrue(Files.readString(html).contains("popular"));
        assertFalse(viewModel.message().errorProperty().get(), viewModel.message().get());
    }
}
