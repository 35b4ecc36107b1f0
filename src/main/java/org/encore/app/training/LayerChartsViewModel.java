package org.encore.app.training;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.encore.app.Bar;
import org.encore.app.TrainedRun;
import org.encore.app.Workbench;
import org.encore.training.Histogram;
import org.encore.training.LayerStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Inside the layers" in the Training view: for one run of this session and one of its layers, the weight and
 * activation histograms of the latest epoch and the log10 mean update:parameter ratio of every epoch
 * ({@link LayerStatistics}, as DL4J's training UI charts them). Fed on the FX thread from the run's
 * {@link TrainedRun#layerHistory()}, which the training view model fills from
 * {@code TrainingListener.layerStatistics}; follows the newest run unless another is picked.
 */
public final class LayerChartsViewModel {
    private final ObservableList<TrainedRun> runs = FXCollections.observableArrayList();
    private final ObjectProperty<TrainedRun> run = new SimpleObjectProperty<>(this, "run");
    private final ObservableList<String> layers = FXCollections.observableArrayList();
    private final ObjectProperty<String> layer = new SimpleObjectProperty<>(this, "layer");
    private final ObservableList<Bar> weights = FXCollections.observableArrayList();
    private final ObservableList<Bar> activations = FXCollections.observableArrayList();
    private final ObservableList<Bar> ratios = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "Train a run to see inside its layers");
    private final ListChangeListener<List<LayerStatistics>> onEpoch = change -> update();

    public LayerChartsViewModel(Workbench workbench) {
        workbench.runs().addListener((ListChangeListener<TrainedRun>) change -> {
            while (change.next()) {
                if (!change.getAddedSubList().isEmpty()) {
                    runs.setAll(workbench.runs());
                    run.set(change.getAddedSubList().get(change.getAddedSubList().size() - 1));
                }
                if (change.wasRemoved()) {
                    runs.setAll(workbench.runs());
                }
            }
        });
        run.addListener((obs, old, picked) -> {
            if (old != null) {
                old.layerHistory().removeListener(onEpoch);
            }
            if (picked != null) {
                picked.layerHistory().addListener(onEpoch);
            }
            layer.set(null);
            update();
        });
        layer.addListener((obs, old, name) -> update());
        runs.setAll(workbench.runs());
    }

    private void update() {
        TrainedRun picked = run.get();
        List<List<LayerStatistics>> history = picked == null ? List.of() : picked.layerHistory();
        if (history.isEmpty()) {
            layers.clear();
            List.of(weights, activations, ratios).forEach(List::clear);
            summary.set(picked == null ? "Train a run to see inside its layers"
                    : "No layer statistics for " + picked.name() + " (they are recorded while a run trains in this session)");
            return;
        }
        List<LayerStatistics> latest = history.get(history.size() - 1);
        List<String> names = latest.stream().map(LayerStatistics::layer).toList();
        if (!layers.equals(names)) {
            layers.setAll(names);
        }
        if (layer.get() == null || !names.contains(layer.get())) {
            // the latent layer first when there is one, as the map shows it
            layer.set(names.contains("coding") ? "coding" : names.get(0));
            return;
        }
        String name = layer.get();
        LayerStatistics current = latest.stream().filter(s -> s.layer().equals(name)).findFirst().orElseThrow();
        weights.setAll(bars(current.weights()));
        activations.setAll(bars(current.activations()));
        List<Bar> perEpoch = new ArrayList<>();
        for (int e = 0; e < history.size(); e++) {
            for (LayerStatistics s : history.get(e)) {
                if (s.layer().equals(name) && !Double.isNaN(s.log10UpdateRatio())) {
                    perEpoch.add(new Bar(String.valueOf(e + 1), s.log10UpdateRatio()));
                }
            }
        }
        ratios.setAll(perEpoch);
        summary.set(String.format(Locale.ROOT, "%s · layer %s · epoch %d · update:parameter ratio %.2g (log10 %.2f)",
                picked.name(), name, history.size(), current.updateRatio(), current.log10UpdateRatio()));
    }

    /** One bar per histogram bin, labelled by the bin's centre. */
    static List<Bar> bars(Histogram histogram) {
        List<Bar> bars = new ArrayList<>();
        long[] counts = histogram.counts();
        for (int i = 0; i < counts.length; i++) {
            bars.add(new Bar(String.format(Locale.ROOT, "%.3g", histogram.binStart(i) + histogram.binWidth() / 2), counts[i]));
        }
        return bars;
    }

    public ObservableList<TrainedRun> runs() {
        return runs;
    }

    public ObjectProperty<TrainedRun> runProperty() {
        return run;
    }

    public ObservableList<String> layers() {
        return layers;
    }

    public ObjectProperty<String> layerProperty() {
        return layer;
    }

    /** The latest epoch's weight histogram of the layer. */
    public ObservableList<Bar> weights() {
        return weights;
    }

    /** The latest epoch's activation histogram of the layer. */
    public ObservableList<Bar> activations() {
        return activations;
    }

    /** log10 of the mean update:parameter ratio, one bar per epoch (label: the epoch). */
    public ObservableList<Bar> ratios() {
        return ratios;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
