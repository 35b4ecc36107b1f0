package org.encore.app;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import org.encore.app.evaluation.EvaluationCandidate;
import org.encore.app.evaluation.EvaluationController;
import org.encore.app.evaluation.EvaluationViewModel;
import org.encore.app.evaluation.ResultRow;
import org.encore.evaluation.ReportColumn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.encore.app.UiWindow.fx;
import static org.encore.app.UiWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Evaluation view driven headless on its own window (own stage, temporary data directory and runs folder, own
 * preferences node; as {@link WorkbenchUiTest}): two presets and a baseline under two seeds on sample-data, one
 * epoch each on 200 training users (40% of the users held out for validation and 40% for test).
 */
class EvaluationUiTest {
    private static final Path SAMPLE = Path.of("sample-data").toAbsolutePath();
    private static final FxRobot ROBOT = new FxRobot();
    private WorkbenchWindow window;
    private AppPreferences preferences;
    private UiWindow ui;

    @TempDir
    Path temp;

    @BeforeAll
    static void startToolkit() throws Exception {
        UiWindow.startToolkit();
    }

    @BeforeEach
    void startWorkbench(TestInfo test) throws Exception {
        ui = UiWindow.open(temp, "evaluation-uitest", test.getTestMethod().orElseThrow().getName());
        window = ui.window();
        preferences = ui.preferences();
    }

    @AfterEach
    void closeWorkbench() throws Exception {
        if (ui != null) {
            ui.close();
        }
    }

    @Test
    void twoPresetsAndABaselineUnderTwoSeedsFillTheTableWithIntervalsAndPValues() throws Exception {
        fx(() -> window.stage().requestFocus());
        ROBOT.clickOn("#datasetLabel");
        ROBOT.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Workbench.EVALUATION_VIEW, ROBOT.lookup(".views").queryAs(TabPane.class).getSelectionModel().getSelectedIndex());
        @SuppressWarnings("unchecked")
        ListView<EvaluationCandidate> list = ROBOT.lookup("#candidateList").queryAs(ListView.class);
        assertTrue(list.getItems().stream().anyMatch(c -> c.name().equals("model4")), "the presets are offered");

        EvaluationViewModel vm = window.evaluationViewModel();
        fx(() -> {
            for (EvaluationCandidate c : vm.candidates()) {
                c.setSelected(List.of("model3", "model4", "popular").contains(c.name()));
            }
            vm.seedsProperty().set(2);
            vm.epochsProperty().set(1);
            vm.validationFractionProperty().set(0.4);
            vm.testFractionProperty().set(0.4);
        });
        ROBOT.clickOn("#evaluateButton");
        waitFor(10, () -> vm.runningProperty().get() || !vm.rows().isEmpty());
        waitFor(240, () -> !vm.runningProperty().get());
        assertEquals("", vm.message().get(), "no error");
        assertTrue(vm.log().stream().anyMatch(line -> line.startsWith("training model3")), "the fitting is shown as it goes");

        @SuppressWarnings("unchecked")
        TableView<ResultRow> table = ROBOT.lookup("#resultTable").queryAs(TableView.class);
        assertEquals(List.of("model3", "model4", "popular"), table.getItems().stream().map(ResultRow::name).toList());
        assertTrue(text("#evaluationProgressLabel").startsWith("Done: 2 seeds × 400 users"), text("#evaluationProgressLabel"));
        assertTrue(text("#protocolCard").contains("seeds: 1, 2"), text("#protocolCard"));

        TableCell<?, ?> best = null;
        TableCell<?, ?> tested = null;
        for (TableCell<?, ?> cell : ROBOT.lookup("#resultTable").lookup(".table-cell").queryAllAs(TableCell.class)) {
            if (cell.getTableColumn() == null || !"ndcg100Column".equals(cell.getTableColumn().getId()) || cell.getText() == null) {
                continue;
            }
            assertTrue(cell.getText().matches("0\\.\\d{3}\\n± \\d\\.\\d{3}"), cell.getText());
            ResultRow row = (ResultRow) cell.getItem();
            if (row.isBestRow()) {
                best = cell;
            } else {
                tested = cell;
            }
        }
        assertNotNull(best, "the best row's cell is drawn");
        assertTrue(best.getStyleClass().contains(EvaluationController.BEST_STYLE), "the best NDCG is marked");
        assertNotNull(tested, "another row's cell is drawn");
        Tooltip tip = tested.getTooltip();
        assertNotNull(tip, "a tested cell explains its p-values on hover");
        assertTrue(tip.getText().contains("paired t-test: p") && tip.getText().contains("Wilcoxon signed-rank: p"), tip.getText());
        assertTrue(tip.getText().contains("p(Holm)"), tip.getText());
        ResultRow testedRow = (ResultRow) tested.getItem();
        double p = testedRow.versusBest().orElseThrow().pValueHolm();
        assertTrue(p >= 0 && p <= 1, "Holm p = " + p);
        assertTrue(List.of(ResultRow.SIGNIFICANT, ResultRow.NOT_SIGNIFICANT).contains(testedRow.mark()));
        assertEquals("", table.getItems().get(2).cell(ReportColumn.RMSE), "popular predicts no ratings: RMSE blank");
        assertEquals(3, ROBOT.lookup("#sentenceList").queryAs(ListView.class).getItems().size(), "a sentence per pair");
        assertFalse(ROBOT.lookup("#evaluateButton").query().isDisabled(), "ready for another run");
    }

    private static String text(String query) {
        return ROBOT.lookup(query).queryAs(Label.class).getText();
    }


}
