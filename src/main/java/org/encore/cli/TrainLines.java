package org.encore.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.encore.model.ModelSpec;
import org.encore.training.EpochMetrics;
import org.encore.training.Histogram;
import org.encore.training.LayerStatistics;
import org.encore.training.SplitMetrics;
import org.encore.training.TrainingListener;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What {@code encore train} prints while it trains: a line per epoch (one JSON object with {@code --json}); with
 * {@code --layers}, after each epoch a line per layer with its update:parameter ratio and the weight and activation
 * histograms the Training view's "Inside the layers" tab charts (with {@code --json}, one object
 * {@code {"epoch", "layers": [{"layer", "updateRatio", "weights", "activations"}]}} whose histograms hold
 * {@code min}, {@code max} and {@code counts}).
 */
final class TrainLines implements TrainingListener {
    private static final String LEVELS = " ▁▂▃▄▅▆▇█";
    private final ModelSpec spec;
    private final boolean json;
    private final boolean layers;
    private final PrintStream out;
    private final ObjectMapper mapper = new ObjectMapper();

    TrainLines(ModelSpec spec, boolean json, boolean layers, PrintStream out) {
        this.spec = spec;
        this.json = json;
        this.layers = layers;
        this.out = out;
    }

    @Override
    public void epochFinished(EpochMetrics m) {
        if (json) {
            ObjectNode line = mapper.createObjectNode();
            line.put("epoch", m.epoch());
            line.set("train", split(m.train()));
            line.put("trainMetrics", m.trainKind().label());
            ObjectNode validation = split(m.validation());
            validation.put("ndcg100", m.validationNdcg100());
            validation.put("recall20", m.validationRecall20());
            line.set("validation", validation);
            if (m.coding() != null) {
                line.put("kl", m.coding().kl());
                line.put("beta", m.coding().beta());
            }
            line.put("loss", m.loss());
            line.put("seconds", m.seconds());
            line.put("samplesPerSecond", m.samplesPerSecond());
            out.println(line);
        } else if (!spec.loss().predictsRatings()) {
            // a ranking model's outputs are not rating / 5: its MSE, R² and rated errors would mean nothing
            out.printf(Locale.ROOT, "epoch %3d  loss %.6f | validation ndcg@100 %.4f recall@20 %.4f%s | %.1f s, %.0f samples/s%n",
                    m.epoch(), m.loss(), m.validationNdcg100(), m.validationRecall20(), coding(m), m.seconds(),
                    m.samplesPerSecond());
        } else {
            out.printf(Locale.ROOT, "epoch %3d  loss %.6f  train (%s) mse %.6f mae %.6f r2 %.4f r2flat %.4f | "
                            + "validation mse %.6f mae %.6f r2 %.4f r2flat %.4f rated rmse %.3f mae %.3f stars "
                            + "ndcg@100 %.4f recall@20 %.4f%s | %.1f s, %.0f samples/s%n",
                    m.epoch(), m.loss(), m.trainKind().label(), m.train().mse(), m.train().mae(), m.train().r2(),
                    m.train().r2Flat(), m.validation().mse(), m.validation().mae(), m.validation().r2(),
                    m.validation().r2Flat(), m.validation().ratedRmse(), m.validation().ratedMae(),
                    m.validationNdcg100(), m.validationRecall20(), coding(m), m.seconds(), m.samplesPerSecond());
        }
        out.flush();
    }

    @Override
    public void layerStatistics(int epoch, List<LayerStatistics> statistics) {
        if (!layers) {
            return;
        }
        if (json) {
            ObjectNode line = mapper.createObjectNode();
            line.put("epoch", epoch);
            ArrayNode array = line.putArray("layers");
            for (LayerStatistics s : statistics) {
                ObjectNode o = array.addObject();
                o.put("layer", s.layer());
                o.put("updateRatio", s.updateRatio());
                o.set("weights", histogram(s.weights()));
                o.set("activations", histogram(s.activations()));
            }
            out.println(line);
        } else {
            for (LayerStatistics s : statistics) {
                out.printf(Locale.ROOT, "  %-10s update ratio %.1e | weights [%+.3f %s %+.3f] | activations [%+.3f %s %+.3f]%n",
                        s.layer(), s.updateRatio(), min(s.weights()), bars(s.weights()), max(s.weights()),
                        min(s.activations()), bars(s.activations()), max(s.activations()));
            }
        }
        out.flush();
    }

    private static String coding(EpochMetrics m) {
        return m.coding() == null ? "" : String.format(Locale.ROOT, " | kl %.4f beta %.4f", m.coding().kl(), m.coding().beta());
    }

    private ObjectNode split(SplitMetrics s) {
        ObjectNode node = mapper.createObjectNode();
        node.put("mse", s.mse());
        node.put("mae", s.mae());
        node.put("r2", s.r2());
        node.put("r2Flat", s.r2Flat());
        node.put("ratedRmse", s.ratedRmse());
        node.put("ratedMae", s.ratedMae());
        return node;
    }

    private ObjectNode histogram(Histogram h) {
        ObjectNode node = mapper.createObjectNode();
        if (h == null) {
            return node;
        }
        node.put("min", h.min());
        node.put("max", h.max());
        ArrayNode counts = node.putArray("counts");
        for (long c : h.counts()) {
            counts.add(c);
        }
        return node;
    }

    private static double min(Histogram h) {
        return h == null ? Double.NaN : h.min();
    }

    private static double max(Histogram h) {
        return h == null ? Double.NaN : h.max();
    }

    /** The histogram as one character a bin, its height the bin's share of the tallest (a sparkline). */
    static String bars(Histogram h) {
        if (h == null || h.counts().length == 0) {
            return "";
        }
        long most = 1;
        for (long c : h.counts()) {
            most = Math.max(most, c);
        }
        StringBuilder line = new StringBuilder();
        for (long c : h.counts()) {
            int level = c == 0 ? 0 : (int) Math.max(1, Math.round((double) c * (LEVELS.length() - 1) / most));
            line.append(LEVELS.charAt(level));
        }
        return line.toString();
    }
}
