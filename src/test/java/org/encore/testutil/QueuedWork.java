package org.encore.testutil;

import java.util.List;

/**
 * Executors held in lists for view-model tests: a view model gets {@code background::add} and {@code ui::add}, and the
 * test runs the queued work when it says.
 */
public final class QueuedWork {
    private QueuedWork() {
    }

    /** Runs the queued background work, then what it handed to the UI executor, until neither has any left. */
    public static void runAll(List<Runnable> background, List<Runnable> ui) {
        while (!background.isEmpty() || !ui.isEmpty()) {
            List<Runnable> work = List.copyOf(background);
            background.clear();
            work.forEach(Runnable::run);
            List<Runnable> shown = List.copyOf(ui);
            ui.clear();
            shown.forEach(Runnable::run);
        }
    }
}
