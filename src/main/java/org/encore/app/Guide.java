package org.encore.app;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * Help › Guide: a short built-in walk through the four reference models for a student, with no network (formatted
 * labels in a scroll pane; the themes' sheets apply through the owner's scene).
 */
public final class Guide {
    /** One step: a heading and its paragraph. */
    record Step(String heading, String text) {
    }

    static final List<Step> STEPS = List.of(
            new Step("The four reference models",
                    "Each is an autoencoder that reads a user's whole rating row (one value per movie, 0 where the user "
                            + "has not rated) and learns to reproduce it through a narrow 'coding' layer. model1 squeezes "
                            + "through 512 units with sigmoid and heavy dropout; model2 and model3 use 384; model4 only 64 "
                            + "(and a ten times larger learning rate). The narrower the coding layer, the more the model has "
                            + "to summarise a user's taste."),
            new Step("1. Open the sample",
                    "File › Open sample data. The Dataset view (Ctrl+1) shows its users, movies and rating histograms; "
                            + "about 98% of the user × movie cells are empty."),
            new Step("2. Train model1 and model4",
                    "In the Training view (Ctrl+3) pick model1, Add to queue, then model4, Add to queue, and Train queue. "
                            + "Watch R² (Keras' per-column average): it starts negative, because a model that outputs small "
                            + "non-zero values for the ~98% empty cells has per-column residuals larger than their variance, "
                            + "and rises as the model learns to output near 0 there. Validation can sit above training: the "
                            + "training numbers are averaged during the steps with dropout on. Hover any metric name for its "
                            + "definition. The 'Inside the layers' tab shows the weight and activation histograms and the "
                            + "update:parameter ratio (around 10^-3 is healthy)."),
            new Step("3. Compare their maps",
                    "Open the Latent map (Ctrl+6), pick the model1 run, then the model4 run, coloured by dominant genre. "
                            + "Each point is a user's coding-layer activation projected on its first two principal axes; the "
                            + "axis labels say how much of the variance they explain. Do users of one colour gather? Drag a "
                            + "box around a cluster to list the movies its users rated most. Tick 'Movies' to map the output "
                            + "layer's movie vectors instead."),
            new Step("4. One user's reconstruction",
                    "Click a point to open that user in the per-user panel (Ctrl+4), then its Reconstruction tab: the "
                            + "rated movies beside the model's output for them (in stars) and the error, and the unrated "
                            + "movies with the highest outputs, which are exactly the recommendations, predict(x) * (x == 0). "
                            + "Compare model1's and model4's reconstructions of the same user: which reproduces the ratings "
                            + "more closely, and which recommends more varied movies?"));

    private Guide() {
    }

    /** Shows the guide beside {@code owner}. */
    public static Stage show(Window owner) {
        VBox body = new VBox(10);
        body.setPadding(new Insets(14));
        body.setId("guideBody");
        for (Step step : STEPS) {
            Label heading = new Label(step.heading());
            heading.getStyleClass().add("section");
            heading.setStyle("-fx-font-size: 1.15em; -fx-font-weight: bold;");
            Label text = new Label(step.text());
            text.setWrapText(true);
            body.getChildren().addAll(heading, text);
        }
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        Stage stage = new Stage();
        Button close = new Button("Close");
        close.setOnAction(e -> stage.close());
        HBox buttons = new HBox(close);
        buttons.setPadding(new Insets(8, 14, 10, 14));
        BorderPane root = new BorderPane(scroll, null, null, buttons, null);
        root.getStyleClass().add("view");
        Scene scene = new Scene(root, 620, 560);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.setTitle("Encore guide");
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
