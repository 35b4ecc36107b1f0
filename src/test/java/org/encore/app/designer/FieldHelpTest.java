package org.encore.app.designer;

import org.encore.app.designer.SpecForm.Field;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldHelpTest {
    @Test
    void everyFieldOfTheFormSaysWhatItDoes() {
        for (Field field : Field.values()) {
            assertTrue(FieldHelp.text(field).length() > 30, field + ": " + FieldHelp.text(field));
        }
    }

    @Test
    void theAnnealStepsSayWhatZeroMeans() {
        assertTrue(FieldHelp.text(Field.ANNEAL_STEPS).contains("0 = scaled to the run"));
        assertTrue(FieldHelp.text(Field.BINARIZE_AT).startsWith("Blank = off"));
    }
}
