package org.encore.app;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The runs' line styles on the Training view's charts. */
class RunColoursTest {
    @Test
    void twelveRunsGetTwelveColoursAndTheNextTwelveOtherDashes() {
        Set<String> colours = new HashSet<>();
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            if (i < 12) {
                colours.add(Charts.runColour(i));
                assertEquals("", Charts.runDash(i, false), "the first twelve train solid");
            }
            looks.add(Charts.runLineStyle(i, false));
            looks.add(Charts.runLineStyle(i, true));
        }
        assertEquals(12, colours.size(), "twelve distinct colours");
        assertEquals(48, looks.size(), "no two of the first 24 runs' lines look alike");
        assertTrue(Charts.runLineStyle(13, true).contains("-fx-stroke-dash-array: 10 4 2 4"), Charts.runLineStyle(13, true));
    }
}
