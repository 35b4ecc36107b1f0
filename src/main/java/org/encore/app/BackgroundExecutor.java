package org.encore.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one executor for long work (loading, training, scoring). Daemon threads, so a forgotten task never keeps
 * the JVM alive; the application shuts it down on exit.
 */
public final class BackgroundExecutor implements Executor, AutoCloseable {
    private final ExecutorService pool;

    public BackgroundExecutor() {
        AtomicInteger count = new AtomicInteger();
        pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "encore-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    public Future<?> submit(Runnable task) {
        return pool.submit(task);
    }

    /** Interrupts running work and waits briefly for it to end. */
    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
