package org.encore.app;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;

/**
 * State the views share: the open dataset and its statistics, the designer's specs, the training runs,
 * the selected view, and a user one view asks another to show. Touched on the FX thread only.
 */
public final class Workbench {
    public static final int DATASET_VIEW = 0;
    public static final int DESIGNER_VIEW = 1;
    public static final int TRAINING_VIEW = 2;
    public static final int USER_VIEW = 3;
    public static final int EVALUATION_VIEW = 4;
    /** The latent map (the Evaluation view takes 4). */
    public static final int LATENT_VIEW = 5;

    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>(this, "dataset");
    private final ReadOnlyObjectWrapper<DatasetStatistics> statistics = new ReadOnlyObjectWrapper<>(this, "statistics");
    private final ObservableList<DesignEntry> designs = FXCollections.observableArrayList();
    private final ObservableList<TrainedRun> runs = FXCollections.observableArrayList();
    private final ObservableList<ModelSpec> trainingQueue = FXCollections.observableArrayList();
    private final IntegerProperty view = new SimpleIntegerProperty(this, "view", DATASET_VIEW);
    private final ReadOnlyBooleanWrapper backendReady = new ReadOnlyBooleanWrapper(this, "backendReady");
    private final ReadOnlyIntegerWrapper requestedUser = new ReadOnlyIntegerWrapper(this, "requestedUser", -1);

    public Workbench() {
        Presets.all().forEach(spec -> designs.add(new DesignEntry(spec.name(), spec)));
    }

    public Dataset dataset() {
        return dataset.get();
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() {
        return dataset.getReadOnlyProperty();
    }

    public DatasetStatistics statistics() {
        return statistics.get();
    }

    public ReadOnlyObjectProperty<DatasetStatistics> statisticsProperty() {
        return statistics.getReadOnlyProperty();
    }

    /** Replaces the open dataset; statistics first so that listeners of the dataset see matching ones. */
    public void setDataset(Dataset newDataset, DatasetStatistics newStatistics) {
        statistics.set(newStatistics);
        dataset.set(newDataset);
        requestedUser.set(-1);
    }

    public ObservableList<DesignEntry> designs() {
        return designs;
    }

    /** Every run of this session and every reopened run, oldest first. */
    public ObservableList<TrainedRun> runs() {
        return runs;
    }

    /** Specs waiting to be trained, in order. */
    public ObservableList<ModelSpec> trainingQueue() {
        return trainingQueue;
    }

    public IntegerProperty viewProperty() {
        return view;
    }

    /** Asks the per-user panel to show MovieLens user {@code userId} and switches to it. */
    public void showUser(int userId) {
        requestedUser.set(-1);
        requestedUser.set(userId);
        view.set(USER_VIEW);
    }

    /** ND4J and its native libraries are loaded (done in the background at start-up). */
    public ReadOnlyBooleanProperty backendReadyProperty() {
        return backendReady.getReadOnlyProperty();
    }

    public void markBackendReady() {
        backendReady.set(true);
    }

    public ReadOnlyIntegerProperty requestedUserProperty() {
        return requestedUser.getReadOnlyProperty();
    }
}
