package org.encore.app.latent;

import javafx.fxml.FXML;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.Circle;
import javafx.scene.text.TextAlignment;
import javafx.util.StringConverter;
import org.encore.app.MetricHelp;
import org.encore.app.RunPicker;
import org.encore.app.TrainedRun;
import org.encore.inspect.Colouring;
import org.encore.inspect.LatentMap;
import org.encore.inspect.MapPalette;
import org.encore.inspect.MapPoint;

import java.util.Locale;

/**
 * The latent map drawn on a canvas (thousands of points stay fast): axes labelled with their explained variance,
 * points coloured by the legend, hover to describe, click to open a user, drag a box to select.
 */
public final class LatentMapController {
    private static final double MARGIN_LEFT = 60;
    private static final double MARGIN_RIGHT = 16;
    private static final double MARGIN_TOP = 12;
    private static final double MARGIN_BOTTOM = 46;
    private static final double RADIUS = 3.2;
    private static final double HIT = 7;

    private final LatentMapViewModel viewModel;

    @FXML private ComboBox<TrainedRun> runBox;
    @FXML private ComboBox<String> layerBox;
    @FXML private ComboBox<Colouring> colourBox;
    @FXML private CheckBox moviesCheck;
    @FXML private CheckBox liveCheck;
    @FXML private CheckBox unitLengthCheck;
    @FXML private Label epochLabel;
    @FXML private Label summaryLabel;
    @FXML private Label hoverLabel;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator busy;
    @FXML private Pane canvasHolder;
    @FXML private Canvas canvas;
    @FXML private FlowPane legendPane;
    @FXML private Label selectionLabel;
    @FXML private ListView<String> selectionList;

    private double minX;
    private double maxX;
    private double minY;
    private double maxY;
    private Point2D dragStart;
    private Point2D dragEnd;

    public LatentMapController(LatentMapViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        RunPicker.bind(runBox, viewModel.runs(), viewModel.runProperty());
        layerBox.setItems(viewModel.layers());
        layerBox.valueProperty().bindBidirectional(viewModel.layerProperty());
        layerBox.disableProperty().bind(viewModel.moviesProperty());
        colourBox.getItems().setAll(Colouring.values());
        colourBox.valueProperty().bindBidirectional(viewModel.colouringProperty());
        colourBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Colouring c) {
                return c == null ? "" : switch (c) {
                    case GENRE -> "dominant genre";
                    case DECADE -> "dominant decade";
                    case ACTIVITY -> "activity (ratings)";
                    case RATING -> "mean rating";
                };
            }

            @Override
            public Colouring fromString(String text) {
                return null;
            }
        });
        moviesCheck.selectedProperty().bindBidirectional(viewModel.moviesProperty());
        unitLengthCheck.selectedProperty().bindBidirectional(viewModel.unitLengthProperty());
        unitLengthCheck.disableProperty().bind(viewModel.moviesProperty());
        unitLengthCheck.setTooltip(new Tooltip("Scale each user's vector to length 1 before the PCA, so that the map shows"
                + " its direction (cosine distances: what a user likes) and not its size, which in a coding layer mostly"
                + " follows how many movies they rated and takes the first axis. On sample-data this is the map where"
                + " the six planted taste groups come apart."));
        liveCheck.selectedProperty().bindBidirectional(viewModel.liveUpdatesProperty());
        liveCheck.setTooltip(new Tooltip(String.format(Locale.ROOT, "While a run trains, pick \"live: …\" under Run to watch"
                + " its map form: with this ticked the map is redrawn after every epoch (the layer's activations are read"
                + " between epochs, the PCA runs beside the training). On by default for sets of up to %,d users and %,d"
                + " movies; off above that, where each epoch would map a %,d-user sample and slow the training.",
                LatentMapViewModel.LIVE_LIMIT, LatentMapViewModel.LIVE_LIMIT, LatentMap.MAX_USERS)));
        epochLabel.textProperty().bind(viewModel.epochLabelProperty());
        summaryLabel.textProperty().bind(viewModel.summaryProperty());
        MetricHelp.install(summaryLabel, MetricHelp.EXPLAINED_VARIANCE);
        viewModel.message().bind(messageLabel);
        busy.visibleProperty().bind(viewModel.computingProperty());
        selectionList.setItems(viewModel.selectedMovies());
        viewModel.selection().addListener((javafx.collections.ListChangeListener<MapPoint>) c -> describeSelection());
        describeSelection();

        canvas.widthProperty().bind(canvasHolder.widthProperty());
        canvas.heightProperty().bind(canvasHolder.heightProperty());
        canvas.widthProperty().addListener((obs, old, w) -> draw());
        canvas.heightProperty().addListener((obs, old, h) -> draw());
        viewModel.mapProperty().addListener((obs, old, map) -> {
            fillLegend(map);
            draw();
        });
        viewModel.xLabelProperty().addListener((obs, old, text) -> draw());
        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMousePressed(e -> {
            dragStart = new Point2D(e.getX(), e.getY());
            dragEnd = null;
        });
        canvas.setOnMouseDragged(e -> {
            dragEnd = new Point2D(e.getX(), e.getY());
            draw();
        });
        canvas.setOnMouseReleased(this::release);
        fillLegend(viewModel.mapProperty().get());
    }

    private void describeSelection() {
        int n = viewModel.selection().size();
        selectionLabel.setText(n == 0 ? "Drag a box on the map to select"
                : viewModel.moviesProperty().get() ? n + " movies selected"
                : n + " users selected; the movies they rated most:");
    }

    private void release(MouseEvent e) {
        if (dragStart != null && dragEnd != null && dragStart.distance(dragEnd) > 4) {
            Point2D a = toMap(dragStart);
            Point2D b = toMap(dragEnd);
            viewModel.selectBox(a.getX(), a.getY(), b.getX(), b.getY());
        } else {
            MapPoint hit = pointAt(e.getX(), e.getY());
            if (hit != null) {
                viewModel.open(hit);
            }
        }
        dragStart = null;
        dragEnd = null;
        draw();
    }

    private void hover(MouseEvent e) {
        MapPoint hit = pointAt(e.getX(), e.getY());
        hoverLabel.setText(hit == null ? "" : viewModel.describe(hit)
                + (viewModel.moviesProperty().get() ? "" : " · click to open in the per-user panel"));
    }

    /** The point drawn nearest to canvas position (x, y) within a few pixels, or null. */
    MapPoint pointAt(double x, double y) {
        LatentMap map = viewModel.mapProperty().get();
        if (map == null) {
            return null;
        }
        MapPoint best = null;
        double bestDistance = HIT;
        for (MapPoint p : map.points()) {
            Point2D at = toCanvas(p);
            double d = at.distance(x, y);
            if (d <= bestDistance) {
                best = p;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Where {@code point} is drawn, in canvas coordinates (for tests and hit testing). */
    public Point2D toCanvas(MapPoint point) {
        double w = Math.max(1, canvas.getWidth() - MARGIN_LEFT - MARGIN_RIGHT);
        double h = Math.max(1, canvas.getHeight() - MARGIN_TOP - MARGIN_BOTTOM);
        double x = MARGIN_LEFT + (point.x() - minX) / (maxX - minX) * w;
        double y = MARGIN_TOP + (1 - (point.y() - minY) / (maxY - minY)) * h;
        return new Point2D(x, y);
    }

    private Point2D toMap(Point2D at) {
        double w = Math.max(1, canvas.getWidth() - MARGIN_LEFT - MARGIN_RIGHT);
        double h = Math.max(1, canvas.getHeight() - MARGIN_TOP - MARGIN_BOTTOM);
        return new Point2D(minX + (at.getX() - MARGIN_LEFT) / w * (maxX - minX),
                minY + (1 - (at.getY() - MARGIN_TOP) / h) * (maxY - minY));
    }

    /** The canvas the map is drawn on. */
    public Canvas canvas() {
        return canvas;
    }

    private void fillLegend(LatentMap map) {
        legendPane.getChildren().clear();
        if (map == null) {
            return;
        }
        int[] colours = MapPalette.legendColours(map);
        int[] counts = new int[colours.length];
        for (int index : map.legendIndices()) {
            counts[index]++;
        }
        for (int i = 0; i < colours.length; i++) {
            Label entry = new Label(String.format(Locale.ROOT, "%s (%,d)", map.legend().get(i), counts[i]));
            entry.setGraphic(new Circle(5, rgb(colours[i], 1)));
            legendPane.getChildren().add(entry);
        }
    }

    private static Color rgb(int rgb, double opacity) {
        return Color.rgb(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff, opacity);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double width = canvas.getWidth();
        double height = canvas.getHeight();
        g.clearRect(0, 0, width, height);
        LatentMap map = viewModel.mapProperty().get();
        Paint ink = summaryLabel.getTextFill();
        if (map == null) {
            return;
        }
        range(map);
        double left = MARGIN_LEFT;
        double top = MARGIN_TOP;
        double right = width - MARGIN_RIGHT;
        double bottom = height - MARGIN_BOTTOM;
        g.setStroke(ink);
        g.setLineWidth(1);
        g.strokeRect(left, top, right - left, bottom - top);
        g.setFill(ink);
        g.setTextAlign(TextAlignment.CENTER);
        for (int i = 0; i <= 4; i++) {
            double fx = minX + i / 4.0 * (maxX - minX);
            double fy = minY + i / 4.0 * (maxY - minY);
            double px = left + i / 4.0 * (right - left);
            double py = bottom - i / 4.0 * (bottom - top);
            g.strokeLine(px, bottom, px, bottom + 4);
            g.fillText(tick(fx), px, bottom + 16);
            g.strokeLine(left - 4, py, left, py);
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText(tick(fy), left - 6, py + 4);
            g.setTextAlign(TextAlignment.CENTER);
        }
        g.fillText(viewModel.xLabelProperty().get(), (left + right) / 2, height - 10);
        g.save();
        g.translate(14, (top + bottom) / 2);
        g.rotate(-90);
        g.fillText(viewModel.yLabelProperty().get(), 0, 0);
        g.restore();

        int[] colours = MapPalette.legendColours(map);
        int[] labels = map.legendIndices();
        Color[] fills = new Color[colours.length];
        for (int i = 0; i < colours.length; i++) {
            fills[i] = rgb(colours[i], 0.78);
        }
        java.util.Set<MapPoint> selected = new java.util.HashSet<>(viewModel.selection());
        for (int i = 0; i < map.points().size(); i++) {
            MapPoint p = map.points().get(i);
            Point2D at = toCanvas(p);
            g.setFill(fills[labels[i]]);
            g.fillOval(at.getX() - RADIUS, at.getY() - RADIUS, 2 * RADIUS, 2 * RADIUS);
            if (selected.contains(p)) {
                g.setStroke(ink);
                g.strokeOval(at.getX() - RADIUS - 1.5, at.getY() - RADIUS - 1.5, 2 * RADIUS + 3, 2 * RADIUS + 3);
            }
        }
        if (dragStart != null && dragEnd != null) {
            g.setStroke(ink);
            g.setLineDashes(4, 4);
            g.strokeRect(Math.min(dragStart.getX(), dragEnd.getX()), Math.min(dragStart.getY(), dragEnd.getY()),
                    Math.abs(dragEnd.getX() - dragStart.getX()), Math.abs(dragEnd.getY() - dragStart.getY()));
            g.setLineDashes();
        }
    }

    private void range(LatentMap map) {
        minX = Double.POSITIVE_INFINITY;
        maxX = Double.NEGATIVE_INFINITY;
        minY = Double.POSITIVE_INFINITY;
        maxY = Double.NEGATIVE_INFINITY;
        for (MapPoint p : map.points()) {
            minX = Math.min(minX, p.x());
            maxX = Math.max(maxX, p.x());
            minY = Math.min(minY, p.y());
            maxY = Math.max(maxY, p.y());
        }
        double padX = maxX > minX ? 0.04 * (maxX - minX) : 1;
        double padY = maxY > minY ? 0.04 * (maxY - minY) : 1;
        minX -= padX;
        maxX += padX;
        minY -= padY;
        maxY += padY;
    }

    private static String tick(double value) {
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 1 ? "%.1f" : "%.2f", value);
    }
}
