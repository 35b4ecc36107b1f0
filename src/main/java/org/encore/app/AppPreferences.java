package org.encore.app;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * What the workbench remembers between sessions: recent datasets, window size, last view, theme. Backed by
 * {@link java.util.prefs}; tests pass their own node so that they never touch a user's settings.
 */
public final class AppPreferences {
    public static final String DEFAULT_NODE = "org/encore/workbench";
    private static final int MAX_RECENT = 8;
    private final Preferences node;

    public AppPreferences(Preferences node) {
        this.node = node;
    }

    /** The user's node, or the one named by the system property {@code encore.prefs.node}. */
    public static AppPreferences forUser() {
        return new AppPreferences(Preferences.userRoot().node(System.getProperty("encore.prefs.node", DEFAULT_NODE)));
    }

    public List<String> recentDatasets() {
        List<String> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String path = node.get("recent." + i, null);
            if (path != null) {
                recent.add(path);
            }
        }
        return recent;
    }

    /** Puts {@code path} first in the recent list, dropping duplicates and the oldest beyond the limit. */
    public List<String> addRecentDataset(String path) {
        List<String> recent = recentDatasets();
        recent.remove(path);
        recent.add(0, path);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                node.put("recent." + i, recent.get(i));
            } else {
                node.remove("recent." + i);
            }
        }
        flush();
        return recent;
    }

    public double windowWidth() {
        return node.getDouble("window.width", 1280);
    }

    public double windowHeight() {
        return node.getDouble("window.height", 820);
    }

    public void setWindowSize(double width, double height) {
        node.putDouble("window.width", width);
        node.putDouble("window.height", height);
        flush();
    }

    public int lastView() {
        return node.getInt("view.last", 0);
    }

    public void setLastView(int view) {
        node.putInt("view.last", view);
        flush();
    }

    public boolean darkTheme() {
        return node.getBoolean("theme.dark", false);
    }

    public void setDarkTheme(boolean dark) {
        node.putBoolean("theme.dark", dark);
        flush();
    }

    /** The per-user panel shows its recommendation lists side by side (true) or one at a time, full width. */
    /** The run folders open when the window last closed (absolute paths); reopened with their dataset. */
    public List<String> openRuns() {
        String value = node.get("runs.open", "");
        return value.isEmpty() ? List.of() : List.of(value.split("\n"));
    }

    /** Remembers {@code runDirs}, as many as fit in one preference value (the oldest are dropped first). */
    public void setOpenRuns(List<String> runDirs) {
        List<String> kept = new ArrayList<>(runDirs);
        while (String.join("\n", kept).length() > Preferences.MAX_VALUE_LENGTH) {
            kept.remove(0);
        }
        node.put("runs.open", String.join("\n", kept));
    }

    public boolean listsSideBySide() {
        return node.getBoolean("user.listsSideBySide", true);
    }

    public void setListsSideBySide(boolean sideBySide) {
        node.putBoolean("user.listsSideBySide", sideBySide);
        flush();
    }

    /** Forgets everything (tests). */
    public void clear() {
        try {
            node.clear();
        } catch (BackingStoreException e) {
            throw new IllegalStateException("cannot clear preferences", e);
        }
    }

    private void flush() {
        try {
            node.flush();
        } catch (BackingStoreException ignored) {
            // Preferences are a convenience: an unwritable store must not break the workbench.
        }
    }
}
