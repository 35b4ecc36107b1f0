package org.encore.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.encore.model.Activation.SELU;
import static org.encore.model.Activation.SIGMOID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every layer and hyperparameter of the four presets against the table of docs/DESIGN.md, "Model kinds". */
class PresetsTest {

    /** One column of the table: layer 2 activation, whether the first dropout exists, coding units, lr, batch. */
    private static void assertMatchesTable(ModelSpec spec, Activation layer2, boolean dropoutAfterLayer2,
                                           int codingUnits, double learningRate, int batch) {
        List<LayerSpec> expected = new java.util.ArrayList<>();
        expected.add(new LayerSpec.Dense(1024, SELU, null));
        expected.add(new LayerSpec.Dense(512, layer2, null));
        if (dropoutAfterLayer2) {
            expected.add(new LayerSpec.Dropout(0.5));
        }
        expected.add(new LayerSpec.Dense(codingUnits, SELU, "coding"));
        expected.add(new LayerSpec.Dropout(0.5));
        expected.add(new LayerSpec.Dense(512, SELU, null));
        assertEquals(expected, spec.architecture().layers(), spec.name());
        assertEquals(OptimizerSpec.Type.ADAM, spec.training().optimizer().type());
        assertEquals(learningRate, spec.training().optimizer().learningRate());
        assertEquals(batch, spec.training().batchSize());
        assertEquals(30, spec.training().epochs());
        assertEquals(LossType.MSE, spec.loss());
        assertEquals(0.1, spec.training().usersFraction());
        assertEquals(0.2, spec.training().validationFraction());
        assertEquals(0.2, spec.valueScale());
        assertTrue(SpecValidator.validate(spec).isEmpty(), () -> SpecValidator.validate(spec).toString());
    }

    @Test
    void presetsMatchTheDesignTable() {
        assertMatchesTable(Presets.model1(), SIGMOID, true, 512, 1e-4, 512);
        assertMatchesTable(Presets.model2(), SELU, true, 384, 1e-4, 256);
        assertMatchesTable(Presets.model3(), SELU, false, 384, 1e-3, 256);
        assertMatchesTable(Presets.model4(), SELU, false, 64, 1e-3, 256);
    }

    @Test
    void presetsAreFoundByName() {
        for (String name : Presets.NAMES) {
            assertEquals(name, Presets.byName(name).name());
        }
        assertEquals(Presets.NAMES, Presets.all().stream().map(ModelSpec::name).toList());
        assertNull(Presets.byName("model5"));
    }
}
