package org.encore.data;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/** Runs a few CPU-bound tasks at once: task 0 on the caller's thread, the others on short-lived threads. */
final class Parallel {
    private Parallel() {
    }

    /** A task that may be interrupted by cancellation. */
    @FunctionalInterface
    interface Task {
        void run(int index);
    }

    static int threads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors());
    }

    /** Runs {@code body(0..count-1)} concurrently and waits for all; the first failure is rethrown. */
    static void forEach(int count, Task body) {
        if (count <= 1) {
            if (count == 1) {
                body.run(0);
            }
            return;
        }
        RuntimeException[] failures = new RuntimeException[count];
        Error[] errors = new Error[count];
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    body.run(index);
                } catch (RuntimeException e) {
                    failures[index] = e;
                } catch (Error e) {
                    errors[index] = e;
                }
            }, "encore-build-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            body.run(0);
        } catch (RuntimeException e) {
            failures[0] = e;
        } catch (Error e) {
            errors[0] = e;
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
        for (int i = 0; i < count; i++) {
            if (errors[i] != null) {
                throw errors[i];
            }
            if (failures[i] != null) {
                throw failures[i];
            }
        }
    }
}
