package org.encore.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppPreferencesTest {
    private final AppPreferences preferences = new AppPreferences(Preferences.userRoot().node("org/encore/workbench-unittest"));

    @BeforeEach
    @AfterEach
    void forget() {
        preferences.clear();
    }

    @Test
    void recentDatasetsPutTheLatestFirstWithoutDuplicatesAndAreCapped() {
        for (int i = 0; i < 10; i++) {
            preferences.addRecentDataset("/data/set" + i);
        }
        preferences.addRecentDataset("/data/set5");
        List<String> recent = preferences.recentDatasets();
        assertEquals(8, recent.size());
        assertEquals("/data/set5", recent.get(0));
        assertEquals("/data/set9", recent.get(1));
        assertEquals(1, recent.stream().filter("/data/set5"::equals).count());
        assertTrue(!recent.contains("/data/set0"), "the oldest falls off");
    }

    @Test
    void theChosenLayoutOfThePerUserListsIsRemembered() {
        assertTrue(preferences.listsSideBySide(), "side by side until the user chooses");
        preferences.setListsSideBySide(false);
        assertFalse(new AppPreferences(Preferences.userRoot().node("org/encore/workbench-unittest")).listsSideBySide());
    }

    @Test
    void windowSizeLastViewAndThemeAreRemembered() {
        preferences.setWindowSize(1400, 900);
        preferences.setLastView(2);
        preferences.setDarkTheme(true);
        assertEquals(1400, preferences.windowWidth());
        assertEquals(900, preferences.windowHeight());
        assertEquals(2, preferences.lastView());
        assertTrue(preferences.darkTheme());
    }

    @Test
    void theRunsOpenAtCloseAreRememberedAndATooLongListDropsTheOldest() {
        assertEquals(List.of(), preferences.openRuns());
        preferences.setOpenRuns(List.of("/runs/a", "/runs/b"));
        assertEquals(List.of("/runs/a", "/runs/b"), preferences.openRuns());
        String longPath = "/runs/" + "x".repeat(3000);
        preferences.setOpenRuns(List.of("/runs/old", longPath + 1, longPath + 2, longPath + 3));
        List<String> kept = preferences.openRuns();
        assertFalse(kept.contains("/runs/old"), "the oldest goes first");
        assertEquals(longPath + 3, kept.get(kept.size() - 1), "the newest stays");
    }
}
