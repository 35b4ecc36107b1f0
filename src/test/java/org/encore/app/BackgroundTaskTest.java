package org.encore.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The background helper with its executors passed in: inline, or a real thread and a queue standing in for the FX thread. */
class BackgroundTaskTest {
    private static final Executor INLINE = Runnable::run;

    @Test
    void theValueReachesOnSuccessOnTheUiExecutor() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> "done").onSuccess(seen::add).onFailure(e -> seen.add("failed")).executeWith(task -> new Thread(task).start(), ui::add);
        Runnable hop = ui.poll(10, TimeUnit.SECONDS);
        assertTrue(seen.isEmpty(), "nothing is handed back before the UI executor runs it");
        hop.run();
        assertEquals(List.of("done"), seen);
    }

    @Test
    void anExceptionReachesOnFailureAndNotOnSuccess() {
        List<Object> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> {
            throw new IOException("disk full");
        }).onSuccess(seen::add).onFailure(seen::add).executeWith(INLINE, INLINE);
        assertEquals(1, seen.size());
        assertEquals("disk full", BackgroundTask.describe((Exception) seen.get(0)));
    }

    @Test
    void outOfMemoryIsReportedAsAFailureKeepingItsMessage() {
        List<Exception> seen = new ArrayList<>();
        BackgroundTask.wrap(() -> {
            throw new OutOfMemoryError("Java heap space");
        }).onFailure(seen::add).executeWith(INLINE, INLINE);
        assertTrue(seen.get(0).getMessage().contains("Java heap space"), seen.get(0).getMessage());
    }

    @Test
    void cancellingStopsTheWorkAtItsNextCheckAndCallsOnCancelled() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        List<String> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.<String>wrap((progress, cancel) -> {
            started.countDown();
            while (true) {
                cancel.throwIfCancelled();
                Thread.onSpinWait();
            }
        }).onSuccess(seen::add).onFailure(e -> seen.add("failed")).onCancelled(() -> seen.add("cancelled"));
        task.executeWith(work -> new Thread(work).start(), ui::add);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        task.cancel();
        ui.poll(10, TimeUnit.SECONDS).run();
        assertEquals(List.of("cancelled"), seen);
    }

    @Test
    void workThatFinishesAfterCancelIsReportedCancelledNotSucceeded() {
        List<String> seen = new ArrayList<>();
        BackgroundTask<String> task = BackgroundTask.wrap((progress, cancel) -> {
            cancel.cancel();
            return "late";
        });
        task.onSuccess(seen::add).onCancelled(() -> seen.add("cancelled")).executeWith(INLINE, INLINE);
        assertEquals(List.of("cancelled"), seen);
    }

    @Test
    void progressIsCoalescedToTheLatestFractionWhileTheUiIsBusy() throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        List<Double> shown = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        BackgroundTask.wrap((progress, cancel) -> {
            for (int i = 1; i <= 4; i++) {
                progress.accept(i / 4.0);
            }
            return "done";
        }).onProgress(shown::add).onSuccess(seen::add).executeWith(INLINE, ui::add);
        assertEquals(2, ui.size(), "one progress hop for four reports, then the success");
        ui.forEach(Runnable::run);
        assertEquals(List.of(1.0), shown);
        assertEquals(List.of("done"), seen);
    }

    @Test
    void aFailureWithoutMessageIsDescribedByItsClass() {
        assertInstanceOf(String.class, BackgroundTask.describe(new NullPointerException()));
        assertEquals("java.lang.NullPointerException", BackgroundTask.describe(new NullPointerException()));
    }
}
