package org.encore.app.user;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.app.BackgroundTask;
import org.encore.app.StatusMessage;
import org.encore.app.Workbench;
import org.encore.data.Dataset;
import org.encore.model.RowScorer;
import org.encore.recommend.baseline.Baselines;
import org.encore.training.Engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The baselines the per-user panel offers beside the trained runs: most popular and EASE (λ
 * {@value Baselines#DEFAULT_EASE_LAMBDA}), each switched on by its own check box and then fitted once for the open
 * dataset, on every user ({@link Baselines}), on a {@link BackgroundTask}. Opening another dataset drops them and
 * refits those switched on. A fit that fails (EASE too big for memory, no engine) is reported on the panel's
 * status line and switches that baseline off again.
 */
public final class PanelBaselines {
    private final Workbench workbench;
    private final Engine engine;
    private final Executor background;
    private final Executor ui;
    private final StatusMessage message;
    private final BooleanProperty popular = new SimpleBooleanProperty(this, "popular", false);
    private final BooleanProperty ease = new SimpleBooleanProperty(this, "ease", false);
    private final ObservableList<PanelScorer> fitted = FXCollections.observableArrayList();
    private Dataset fittedFor;
    private PanelScorer popularScorer;
    private PanelScorer easeScorer;
    private boolean fittingPopular;
    private boolean fittingEase;

    /** @param engine supplies EASE's solver; null leaves EASE unavailable (the panel says so when it is picked) */
    public PanelBaselines(Workbench workbench, Engine engine, Executor background, Executor ui, StatusMessage message) {
        this.workbench = workbench;
        this.engine = engine;
        this.background = background;
        this.ui = ui;
        this.message = message;
        popular.addListener((obs, old, on) -> update());
        ease.addListener((obs, old, on) -> update());
        workbench.datasetProperty().addListener((obs, old, dataset) -> update());
    }

    private void update() {
        Dataset dataset = workbench.dataset();
        if (dataset != fittedFor) {
            fittedFor = dataset;
            popularScorer = null;
            easeScorer = null;
            fittingPopular = false;
            fittingEase = false;
        }
        if (dataset != null && popular.get() && popularScorer == null && !fittingPopular) {
            fittingPopular = true;
            BackgroundTask.wrap(() -> (RowScorer) Baselines.popular(dataset.ratings()))
                    .onSuccess(scorer -> fittedPopular(dataset, scorer))
                    .onFailure(e -> failed(dataset, "most popular", e, popular))
                    .executeWith(background, ui);
        }
        if (dataset != null && ease.get() && easeScorer == null && !fittingEase) {
            if (engine == null) {
                message.error("EASE needs the engine's solver, which this panel was not given");
                ease.set(false);
                return;
            }
            fittingEase = true;
            message.info("Fitting EASE on " + dataset.ratings().userCount() + " users…");
            BackgroundTask.wrap(() -> (RowScorer) Baselines.ease(dataset.ratings(), Baselines.DEFAULT_EASE_LAMBDA, engine.solver()))
                    .onSuccess(scorer -> fittedEase(dataset, scorer))
                    .onFailure(e -> failed(dataset, "EASE", e, ease))
                    .executeWith(background, ui);
        }
        publish();
    }

    private void fittedPopular(Dataset dataset, RowScorer scorer) {
        if (dataset == fittedFor) {
            fittingPopular = false;
            popularScorer = PanelScorer.baseline("popular", scorer);
            publish();
        }
    }

    private void fittedEase(Dataset dataset, RowScorer scorer) {
        if (dataset == fittedFor) {
            fittingEase = false;
            easeScorer = PanelScorer.baseline(scorer.name(), scorer);
            message.info("");
            publish();
        }
    }

    private void failed(Dataset dataset, String what, Exception e, BooleanProperty choice) {
        if (dataset == fittedFor) {
            if (choice == popular) {
                fittingPopular = false;
            } else {
                fittingEase = false;
            }
            message.error("Cannot fit " + what + ": " + BackgroundTask.describe(e));
            choice.set(false);
        }
    }

    private void publish() {
        List<PanelScorer> shown = new ArrayList<>(2);
        if (popular.get() && popularScorer != null) {
            shown.add(popularScorer);
        }
        if (ease.get() && easeScorer != null) {
            shown.add(easeScorer);
        }
        if (!shown.equals(fitted)) {
            fitted.setAll(shown);
        }
    }

    /** Most popular switched on. */
    public BooleanProperty popularProperty() {
        return popular;
    }

    /** EASE switched on. */
    public BooleanProperty easeProperty() {
        return ease;
    }

    /** The baselines switched on and fitted for the open dataset, popular first. */
    public ObservableList<PanelScorer> fitted() {
        return fitted;
    }
}
