import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.encore.app.Workbench;
import org.encore.app.dataset.DatasetViewModel;
import org.encore.app.dataset.MovieRow;
import org.encore.data.Dataset;
import org.encore.data.DatasetStatistics;
import org.encore.data.MovieLensLoader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * FX-thread time of the dataset view's model at a large dataset, A/B: A is DatasetViewModel as the workbench
 * builds it (tables and the selected movie's rating scan on a background thread), B the same class with both
 * executors on the FX thread (the work as it was done before). Opens DATA off the FX thread, hands it to each
 * Workbench on the FX thread, then selects SELECTIONS movies in each, alternating, 300 ms apart. An
 * AnimationTimer records the gaps between JavaFX pulses in each phase; each FX-thread call is also timed.
 * The view model only: the tables and charts of DatasetController are not on the stage.
 * Usage (with the test class path for JavaFX): xvfb-run -a java -cp ... bench/DatasetViewPulses.java DATA [SELECTIONS]
 */
public class DatasetViewPulses {
    static final List<Long> pulses = new ArrayList<>();
    static final double[] longestUiTaskA = new double[1];

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int selections = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        // A: the view model as the workbench builds it (tables and scans on a background thread);
        // B: the same class with both executors on the FX thread, i.e. the work as it was done before
        Workbench workbenchA = new Workbench();
        Workbench workbenchB = new Workbench();
        DatasetViewModel[] vm = new DatasetViewModel[2];
        onFx(() -> {
            // A's UI-thread tasks timed: the same view model code, results handed over through Platform.runLater
            java.util.concurrent.Executor scans = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "scan");
                t.setDaemon(true);
                return t;
            });
            vm[0] = new DatasetViewModel(workbenchA, scans, task -> Platform.runLater(() -> {
                long t = System.nanoTime();
                task.run();
                longestUiTaskA[0] = Math.max(longestUiTaskA[0], (System.nanoTime() - t) / 1e6);
            }));
            vm[1] = new DatasetViewModel(workbenchB, Runnable::run, Runnable::run);
            Stage stage = new Stage();
            stage.setScene(new Scene(new Label("pulses"), 200, 100));
            stage.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    synchronized (pulses) {
                        pulses.add(System.nanoTime());
                    }
                }
            }.start();
        });
        Thread.sleep(2000);
        report("idle, 2 s");
        long t0 = System.nanoTime();
        Dataset dataset = MovieLensLoader.load(data);
        DatasetStatistics stats = DatasetStatistics.of(dataset);
        System.out.printf(Locale.ROOT, "loaded %s off the FX thread in %.1f s (%,d ratings)%n", data,
                (System.nanoTime() - t0) / 1e9, dataset.ratings().ratingCount());
        report("while loading");
        for (int i = 0; i < 2; i++) {
            Workbench w = i == 0 ? workbenchB : workbenchA;
            String tag = i == 0 ? "B (before: rebuild on the FX thread)" : "A (now: rebuild in the background)";
            double ms = onFx(() -> w.setDataset(dataset, stats));
            Thread.sleep(i == 0 ? 1000 : 8000);
            System.out.printf(Locale.ROOT, "setDataset, %s: FX thread busy %.0f ms (A: then %.0f ms to show the tables)%n",
                    tag, ms, longestUiTaskA[0]);
            longestUiTaskA[0] = 0;
            report("setDataset " + tag.substring(0, 1));
        }
        System.out.println("movies in the tables: A " + vm[0].movies().size() + ", B " + vm[1].movies().size());
        double[] worst = new double[2];
        for (int i = 0; i < 2 * selections; i++) {
            int which = i % 2;
            int index = (i / 2) * 997 % vm[which].movies().size();
            MovieRow row = vm[which].movies().get(index);
            worst[which] = Math.max(worst[which], onFx(() -> vm[which].selectMovie(row)));
            Thread.sleep(300);
        }
        System.out.printf(Locale.ROOT, "selectMovie, longest FX-thread call of %d each, alternating: A (scan in the background) "
                + "%.1f ms, then %.1f ms to show the bars; B (scan on the FX thread) %.1f ms%n", selections, worst[0],
                longestUiTaskA[0], worst[1]);
        report("selecting movies A and B");
        Platform.exit();
        System.exit(0);
    }

    /** Runs on the FX thread, waits, returns the milliseconds the call took there. */
    static double onFx(Runnable r) throws InterruptedException {
        double[] ms = new double[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long t = System.nanoTime();
            r.run();
            ms[0] = (System.nanoTime() - t) / 1e6;
            done.countDown();
        });
        done.await();
        return ms[0];
    }

    static void report(String phase) {
        List<Long> copy;
        synchronized (pulses) {
            copy = new ArrayList<>(pulses);
            pulses.clear();
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < copy.size(); i++) {
            gaps.add((copy.get(i) - copy.get(i - 1)) / 1e6);
        }
        gaps.sort(null);
        if (gaps.isEmpty()) {
            System.out.println(phase + ": no pulses");
            return;
        }
        System.out.printf(Locale.ROOT, "%-28s pulses %5d  gap p99 %6.0f ms  longest %6.0f ms  gaps over 100 ms: %d%n", phase,
                copy.size(), gaps.get((int) (gaps.size() * 0.99)), gaps.get(gaps.size() - 1),
                gaps.stream().filter(g -> g > 100).count());
    }
}
