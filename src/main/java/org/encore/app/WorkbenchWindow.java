package org.encore.app;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.image.Image;
import javafx.stage.DirectoryChooser;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.encore.app.dataset.DatasetController;
import org.encore.app.dataset.DatasetViewModel;
import org.encore.app.dataset.MovieNeighboursViewModel;
import org.encore.app.designer.DesignerController;
import org.encore.app.designer.DesignerViewModel;
import org.encore.app.evaluation.EvaluationController;
import org.encore.app.evaluation.EvaluationViewModel;
import org.encore.app.latent.LatentMapController;
import org.encore.app.latent.LatentMapViewModel;
import org.encore.app.training.LayerChartsController;
import org.encore.app.training.LayerChartsViewModel;
import org.encore.app.training.TrainingController;
import org.encore.app.training.TrainingViewModel;
import org.encore.app.user.ReconstructionController;
import org.encore.app.user.ReconstructionViewModel;
import org.encore.app.user.UserController;
import org.encore.app.user.UserViewModel;
import org.encore.training.Engine;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Builds the workbench: the shared state, the view models, the controllers and the main window, all wired to
 * one background executor. The application and the UI tests both start it through here.
 */
public final class WorkbenchWindow {
    private final Stage stage;
    private final AppPreferences preferences;
    private final BackgroundExecutor executor = new BackgroundExecutor();
    private final Workbench workbench = new Workbench();
    private final MainViewModel mainViewModel;
    private final DatasetViewModel datasetViewModel;
    private final DesignerViewModel designerViewModel;
    private final TrainingViewModel trainingViewModel;
    private final UserViewModel userViewModel;
    private final EvaluationViewModel evaluationViewModel;
    private final LatentMapViewModel latentMapViewModel;
    private final ReconstructionViewModel reconstructionViewModel;
    private final LayerChartsViewModel layerChartsViewModel;
    private final LatentMapController latentMapController;
    private final MainController mainController;
    private final TrainingController trainingController;
    private final Scene scene;
    private boolean closed;

    public WorkbenchWindow(Stage stage, AppPreferences preferences, DatasetOpener opener, Path runsDir, Engine engine) {
        this.stage = stage;
        this.preferences = preferences;
        Executor ui = Platform::runLater;
        mainViewModel = new MainViewModel(workbench, engine, opener, preferences, executor, ui);
        datasetViewModel = new DatasetViewModel(workbench);
        designerViewModel = new DesignerViewModel(workbench, engine);
        trainingViewModel = new TrainingViewModel(workbench, engine, executor, ui, runsDir);
        userViewModel = new UserViewModel(workbench, engine, new Random(), executor, ui);
        evaluationViewModel = new EvaluationViewModel(workbench, engine, executor, ui);
        userViewModel.sideBySideProperty().set(preferences.listsSideBySide());
        userViewModel.sideBySideProperty().addListener((obs, old, side) -> preferences.setListsSideBySide(side));
        latentMapViewModel = new LatentMapViewModel(workbench, executor, ui);
        reconstructionViewModel = new ReconstructionViewModel(workbench, userViewModel.userIdProperty(), executor, ui);
        layerChartsViewModel = new LayerChartsViewModel(workbench);
        latentMapController = new LatentMapController(latentMapViewModel);
        // runs open last time come back with their dataset, once its saved runs are listed (in the background)
        trainingViewModel.saved().listedForProperty().addListener((obs, old, dataset) -> {
            if (dataset != null) {
                reopenRemembered();
            }
        });
        mainController = new MainController(mainViewModel, this::quit);
        trainingController = new TrainingController(trainingViewModel);
        Map<Class<?>, Object> controllers = Map.of(
                MainController.class, mainController,
                DatasetController.class, new DatasetController(datasetViewModel, new MovieNeighboursViewModel(workbench, executor, ui)),
                DesignerController.class, new DesignerController(designerViewModel),
                TrainingController.class, trainingController,
                UserController.class, new UserController(userViewModel),
                EvaluationController.class, new EvaluationController(evaluationViewModel),
                LatentMapController.class, latentMapController,
                ReconstructionController.class, new ReconstructionController(reconstructionViewModel),
                LayerChartsController.class, new LayerChartsController(layerChartsViewModel));
        workbench.viewProperty().set(Math.max(0, Math.min(Workbench.LATENT_VIEW, preferences.lastView())));
        Fxml.Loaded<MainController> main = Fxml.load(MainController.class, "MainView.fxml", controllers);
        // the remembered (or default 1280x820) size, never larger than the screen: on a 1024x700 display the window
        // would otherwise open with its left and top edges off-screen
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(main.root(), Math.min(preferences.windowWidth(), screen.getWidth()),
                Math.min(preferences.windowHeight(), screen.getHeight()));
        Themes.apply(scene, mainViewModel.darkThemeProperty().get());
        mainViewModel.darkThemeProperty().addListener((obs, old, dark) -> Themes.apply(scene, dark));
        stage.setScene(scene);
        stage.titleProperty().bind(mainViewModel.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        for (int size : new int[] {16, 32, 48, 64, 256}) {
            try (InputStream icon = WorkbenchWindow.class.getResourceAsStream("/assets/icons/encore-" + size + ".png")) {
                if (icon != null) {
                    stage.getIcons().add(new Image(icon));
                }
            } catch (IOException ignored) {
                // an icon is a nicety: the window opens without one
            }
        }
        stage.setOnCloseRequest(e -> {
            if (confirmQuit()) {
                close();
            } else {
                e.consume();
            }
        });
    }

    private void reopenRemembered() {
        Set<String> remembered = new HashSet<>(preferences.openRuns());
        List.copyOf(trainingViewModel.savedRuns()).stream()
                .filter(dir -> remembered.contains(dir.toAbsolutePath().normalize().toString()))
                .forEach(trainingViewModel::open);
    }

    public void show() {
        stage.show();
        mainViewModel.detectBackend();
    }

    /**
     * Opens {@code explicit} when given, else the most recent dataset that still exists, else the bundled sample
     * (the first launch).
     */
    public void openInitial(Path explicit) {
        Path source = explicit;
        if (source == null) {
            source = preferences.recentDatasets().stream().map(Path::of).filter(Files::exists).findFirst().orElse(AppDirs.sampleData());
        }
        mainViewModel.open(source);
    }

    private void quit() {
        if (confirmQuit()) {
            close();
            Platform.exit();
        }
    }

    /**
     * Presets edited in place live only in this session: asks whether to save them as spec files, discard the
     * edits (the presets come back next time) or stay. True to go on quitting.
     */
    private boolean confirmQuit() {
        List<DesignEntry> modified = designerViewModel.modifiedPresets();
        if (modified.isEmpty()) {
            return true;
        }
        ButtonType save = new ButtonType("Save as spec files…", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard the edits", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("Edited presets");
        alert.setHeaderText(String.join(", ", modified.stream().map(DesignEntry::name).toList())
                + (modified.size() == 1 ? " was" : " were") + " edited in place and not saved");
        alert.setContentText("Save the edited specs as JSON files (load them back with Load in the Model designer), "
                + "or discard the edits: the presets come back unchanged next time.");
        alert.getDialogPane().setId("quitDialog");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == save) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder for the edited specs");
            File folder = chooser.showDialog(stage);
            if (folder == null) {
                return false;
            }
            designerViewModel.saveAll(modified, folder.toPath());
            return !designerViewModel.message().errorProperty().get();
        }
        return answer == discard;
    }

    /** Remembers the window, stops training and the background executor. Safe to call twice. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stage.getWidth() > 0 && stage.getHeight() > 0 && !stage.isMaximized()) {
            preferences.setWindowSize(stage.getWidth(), stage.getHeight());
        }
        preferences.setLastView(workbench.viewProperty().get());
        preferences.setOpenRuns(workbench.runs().stream().filter(r -> r.runDir() != null)
                .map(r -> r.runDir().toAbsolutePath().normalize().toString()).distinct().toList());
        trainingViewModel.cancel();
        evaluationViewModel.cancel();
        mainController.dispose();
        executor.close();
    }

    public Stage stage() {
        return stage;
    }

    public Scene scene() {
        return scene;
    }

    public Workbench workbench() {
        return workbench;
    }

    public MainViewModel mainViewModel() {
        return mainViewModel;
    }

    public DatasetViewModel datasetViewModel() {
        return datasetViewModel;
    }

    public DesignerViewModel designerViewModel() {
        return designerViewModel;
    }

    public TrainingViewModel trainingViewModel() {
        return trainingViewModel;
    }

    public UserViewModel userViewModel() {
        return userViewModel;
    }

    public EvaluationViewModel evaluationViewModel() {
        return evaluationViewModel;
    }

    public LatentMapViewModel latentMapViewModel() {
        return latentMapViewModel;
    }

    public LatentMapController latentMapController() {
        return latentMapController;
    }

    public ReconstructionViewModel reconstructionViewModel() {
        return reconstructionViewModel;
    }

    public LayerChartsViewModel layerChartsViewModel() {
        return layerChartsViewModel;
    }

    public TrainingController trainingController() {
        return trainingController;
    }
}
