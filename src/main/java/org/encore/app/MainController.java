package org.encore.app;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TabPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.encore.app.training.TrainingController;

import java.io.File;
import java.nio.file.Path;

/** The main window: menu, view tabs, status bar. Binds to {@link MainViewModel} and forwards commands. */
public final class MainController {
    private final MainViewModel viewModel;
    private final Runnable quit;

    @FXML private TabPane views;
    @FXML private Menu recentMenu;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private Label datasetLabel;
    @FXML private Label backendLabel;
    @FXML private Label memoryLabel;
    @FXML private Label loadingLabel;
    @FXML private ProgressBar loadProgress;
    @FXML private Button cancelLoadButton;
    @FXML private TrainingController trainingViewController;

    private Timeline memoryTimer;
    private Alert errorDialog;

    public MainController(MainViewModel viewModel, Runnable quit) {
        this.viewModel = viewModel;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        Workbench workbench = viewModel.workbench();
        selectView(workbench.viewProperty().get());
        views.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> workbench.viewProperty().set(viewOf(index.intValue())));
        workbench.viewProperty().addListener((obs, old, index) -> selectView(index.intValue()));

        datasetLabel.textProperty().bind(viewModel.datasetSummaryProperty());
        backendLabel.textProperty().bind(viewModel.backendTextProperty());
        memoryLabel.textProperty().bind(viewModel.memoryTextProperty());
        loadingLabel.textProperty().bind(viewModel.loadingTextProperty());
        loadProgress.progressProperty().bind(viewModel.loadProgressProperty());
        loadProgress.visibleProperty().bind(viewModel.loadingProperty());
        loadProgress.managedProperty().bind(viewModel.loadingProperty());
        cancelLoadButton.visibleProperty().bind(viewModel.loadingProperty());
        cancelLoadButton.managedProperty().bind(viewModel.loadingProperty());
        darkThemeItem.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());

        viewModel.recentDatasets().addListener((ListChangeListener<String>) change -> fillRecentMenu());
        fillRecentMenu();
        viewModel.errorProperty().addListener((obs, old, message) -> {
            if (message != null) {
                showError(message);
            }
        });

        viewModel.refreshMemory();
        memoryTimer = new Timeline(new KeyFrame(Duration.seconds(2), e -> viewModel.refreshMemory()));
        memoryTimer.setCycleCount(Timeline.INDEFINITE);
        memoryTimer.play();
    }

    /** The Workbench view index of tab {@code tab}: its userData when it has one, else its position. */
    private int viewOf(int tab) {
        if (tab < 0 || tab >= views.getTabs().size()) {
            return tab;
        }
        Object data = views.getTabs().get(tab).getUserData();
        return data == null ? tab : Integer.parseInt(data.toString());
    }

    private void selectView(int view) {
        for (int tab = 0; tab < views.getTabs().size(); tab++) {
            if (viewOf(tab) == view) {
                views.getSelectionModel().select(tab);
                return;
            }
        }
    }

    private void fillRecentMenu() {
        recentMenu.getItems().clear();
        for (String path : viewModel.recentDatasets()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.open(Path.of(path)));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void showError(String message) {
        if (errorDialog != null) {
            errorDialog.close();
        }
        errorDialog = new Alert(Alert.AlertType.ERROR);
        errorDialog.initOwner(window());
        errorDialog.setTitle("Cannot open dataset");
        errorDialog.setHeaderText("The dataset could not be opened; the previous one stays open.");
        errorDialog.setContentText(message);
        errorDialog.getDialogPane().setId("errorDialog");
        errorDialog.setOnHidden(e -> viewModel.clearError());
        errorDialog.show();
    }

    private Window window() {
        return views.getScene() == null ? null : views.getScene().getWindow();
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open MovieLens folder");
        File folder = chooser.showDialog(window());
        if (folder != null) {
            viewModel.open(folder.toPath());
        }
    }

    @FXML
    private void openZip() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open MovieLens zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MovieLens zip", "*.zip"));
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            viewModel.open(file.toPath());
        }
    }

    @FXML
    private void openSample() {
        viewModel.open(AppDirs.sampleData());
    }

    @FXML
    private void cancelOpen() {
        viewModel.cancelOpen();
    }

    @FXML
    private void train() {
        viewModel.workbench().viewProperty().set(Workbench.TRAINING_VIEW);
        trainingViewController.trainQueue();
    }

    @FXML
    private void stop() {
        trainingViewController.stop();
    }

    @FXML
    private void pauseOrResume() {
        trainingViewController.pauseOrResume();
    }

    @FXML
    private void exportCharts() {
        viewModel.workbench().viewProperty().set(Workbench.TRAINING_VIEW);
        trainingViewController.exportAll();
    }

    /** View menu: each item's userData is the index of its tab ({@link Workbench#DATASET_VIEW} and on). */
    @FXML
    private void showView(ActionEvent event) {
        selectView(Integer.parseInt((String) ((MenuItem) event.getSource()).getUserData()));
    }

    @FXML
    private void guide() {
        Guide.show(window());
    }

    @FXML
    private void about() {
        Alert about = new Alert(Alert.AlertType.INFORMATION);
        about.initOwner(window());
        about.setTitle("About Encore");
        String version = getClass().getPackage().getImplementationVersion();
        about.setHeaderText("Encore " + (version == null ? "(development build)" : version));
        about.setContentText("A workbench for building, training and comparing autoencoder movie recommenders on MovieLens.\n"
                + viewModel.backendTextProperty().get());
        about.show();
    }

    @FXML
    private void quit() {
        quit.run();
    }

    /** Stops the status timer (the window is closing). */
    public void dispose() {
        if (memoryTimer != null) {
            memoryTimer.stop();
        }
        Platform.runLater(() -> {
            if (errorDialog != null) {
                errorDialog.close();
            }
        });
    }
}
