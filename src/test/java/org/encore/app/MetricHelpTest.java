package org.encore.app;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricHelpTest {
    @Test
    void everyMetricKeyHasAnExplanation() throws Exception {
        int keys = 0;
        for (Field field : MetricHelp.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String text = MetricHelp.text((String) field.get(null));
                assertTrue(text.length() > 60, field.getName() + ": " + text);
                keys++;
            }
        }
        assertTrue(keys >= 10, "keys: " + keys);
        assertTrue(MetricHelp.text(MetricHelp.R2).contains("negative early on"));
        assertTrue(MetricHelp.text(MetricHelp.VALIDATION_ABOVE_TRAINING).contains("dropout"));
        assertTrue(MetricHelp.text(MetricHelp.SCORE).contains("5 stars"));
    }

    @Test
    void anUnknownKeyIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MetricHelp.text("nope"));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }
}
