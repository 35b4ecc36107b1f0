import org.encore.model.Architecture;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.model.TrainingSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the training settings of the named presets as one JSON object keyed by preset name (batchSize, epochs,
 * learningRate, l2, and a VAE's betaCap), so that a peer implementation (bench/mult_vae.py, run by bench/mult-vae.sh)
 * trains with exactly the settings Encore's preset has.
 *
 * Usage: java -cp CLASSPATH bench/PresetSettings.java PRESET...
 */
public class PresetSettings {
    public static void main(String[] args) {
        List<String> entries = new ArrayList<>();
        for (String name : args) {
            ModelSpec spec = Presets.byName(name);
            if (spec == null) {
                System.err.println("no preset called " + name + "; presets: " + Presets.NAMES);
                System.exit(2);
            }
            TrainingSettings t = spec.training();
            String beta = spec.architecture() instanceof Architecture.Vae vae
                    ? String.format(Locale.ROOT, ", \"betaCap\": %s, \"annealSteps\": %d", vae.betaCap(), vae.annealSteps()) : "";
            entries.add(String.format(Locale.ROOT, "\"%s\": {\"batchSize\": %d, \"epochs\": %d, \"learningRate\": %s, \"l2\": %s%s}",
                    name, t.batchSize(), t.epochs(), t.optimizer().learningRate(), t.l2(), beta));
        }
        System.out.println("{" + String.join(", ", entries) + "}");
    }
}
