import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.encore.app.AppPreferences;
import org.encore.app.DatasetOpener;
import org.encore.app.DesignEntry;
import org.encore.app.Workbench;
import org.encore.app.WorkbenchWindow;
import org.encore.app.designer.SpecForm;
import org.encore.model.ModelSpec;
import org.encore.training.NativeMemoryLimits;
import org.encore.training.dl4j.Dl4jEngine;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * The whole workbench window on a large dataset (ml-32m-shaped), each step as a user takes it: open the dataset,
 * select movies in the movies table, sort both tables by a column header, search, show users in the per-user
 * panel, select and edit model1 in the designer (its estimate), start training model1 (until its first batch,
 * then cancel). Per step: the gaps between JavaFX pulses (an AnimationTimer, as the screenshot tour measures
 * them), the FX thread's CPU time (ThreadMXBean) and the longest of the step's own FX-thread calls, with the
 * load average beside them.
 * Usage (test class path for JavaFX): xvfb-run -a java -Xmx3g -Dprism.order=sw -cp ... bench/WindowPulses.java DATA [STEPS]
 */
public class WindowPulses {
    static final List<Long> pulses = new ArrayList<>();
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();
    static long fxThread;
    /** The render thread's CPU at the step's start (software rendering under -Dprism.order=sw; a pulse waits for it). */
    static long phaseRenderCpu;
    static long phaseCpu;
    static double longestCall;
    static long phaseGc;
    /** With -Dsample=true: where the FX thread is busy, by its innermost frame in org.encore or javafx (every 10 ms). */
    static final java.util.Map<String, Integer> samples = new java.util.HashMap<>();
    static Thread fx;

    public static void main(String[] args) throws Exception {
        NativeMemoryLimits.applyFromMachine();
        Path data = Path.of(args[0]).toAbsolutePath();
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path runs = Files.createTempDirectory("encore-window-pulses-runs");
        Preferences node = Preferences.userRoot().node("org/encore/bench-window-pulses");
        AppPreferences preferences = new AppPreferences(node);
        preferences.clear();
        preferences.setWindowSize(1280, 820);
        CompletableFuture<WorkbenchWindow> started = new CompletableFuture<>();
        new Dl4jEngine().loadNativeLibraries(); // before JavaFX loads its libraries (Engine.loadNativeLibraries)
        Platform.startup(() -> {
            fxThread = Thread.currentThread().getId();
            fx = Thread.currentThread();

            WorkbenchWindow w = new WorkbenchWindow(new Stage(), preferences, DatasetOpener.MOVIELENS, runs, new Dl4jEngine());
            w.show();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    synchronized (pulses) {
                        pulses.add(now);
                    }
                }
            }.start();
            started.complete(w);
        });
        WorkbenchWindow window = started.get(60, TimeUnit.SECONDS);
        Workbench workbench = window.workbench();
        waitUntil(() -> workbench.backendReadyProperty().get(), 120);
        if (Boolean.getBoolean("sample")) {
            Thread sampler = new Thread(WindowPulses::sample, "sampler");
            sampler.setDaemon(true);
            sampler.start();
        }
        begin();
        Thread.sleep(3000);
        report("idle, 3 s");

        @SuppressWarnings("unchecked")
        TableView<Object> movies = (TableView<Object>) window.scene().lookup("#moviesTable");
        @SuppressWarnings("unchecked")
        TableView<Object> users = (TableView<Object>) window.scene().lookup("#usersTable");
        begin();
        long t0 = System.nanoTime();
        onFx(() -> {
            workbench.viewProperty().set(Workbench.DATASET_VIEW);
            window.mainViewModel().open(data);
        });
        waitUntil(() -> workbench.dataset() != null, 300);
        double loaded = (System.nanoTime() - t0) / 1e9;
        int movieCount = workbench.dataset().movies().size();
        int userCount = workbench.dataset().ratings().userCount();
        waitUntil(() -> movies.getItems().size() == movieCount && users.getItems().size() == userCount, 120);
        System.out.printf(Locale.ROOT, "opened %s: dataset in %.1f s, tables filled %.1f s after open (%,d movies, %,d users)%n",
                data, loaded, (System.nanoTime() - t0) / 1e9, movieCount, userCount);
        Thread.sleep(2000);
        report("open the dataset");

        begin();
        for (int i = 0; i < steps; i++) {
            // rows on screen, as a click selects them
            int index = i;
            onFx(() -> movies.getSelectionModel().clearAndSelect(index));
            Thread.sleep(400);
        }
        Thread.sleep(1500);
        report("select " + steps + " movies");

        begin();
        for (int i = 0; i < steps; i++) {
            int index = (int) ((long) (i + 1) * (movieCount - 1) / steps);
            onFx(() -> movies.scrollTo(index));
            Thread.sleep(300);
        }
        onFx(() -> movies.scrollTo(0));
        Thread.sleep(1000);
        report("scroll the movies " + steps + " times");

        begin();
        long sortStart = System.nanoTime();
        onFx(() -> movies.getSortOrder().setAll(column(movies, "Title")));
        Object firstBefore = movies.getItems().get(0);
        waitUntil(() -> movies.getItems().get(0) != firstBefore, 300);
        double byTitle = (System.nanoTime() - sortStart) / 1e9;
        sortStart = System.nanoTime();
        onFx(() -> users.getSortOrder().setAll(column(users, "Ratings")));
        Object firstUser = users.getItems().get(0);
        waitUntil(() -> users.getItems().get(0) != firstUser, 300);
        System.out.printf(Locale.ROOT, "sorted: movies by title in %.1f s, users by ratings in %.1f s%n", byTitle,
                (System.nanoTime() - sortStart) / 1e9);
        Thread.sleep(1000);
        report("sort by Title, by Ratings");

        begin();
        for (String text : List.of("s", "st", "sta", "star", "")) {
            onFx(() -> window.datasetViewModel().searchProperty().set(text));
            Thread.sleep(300);
        }
        waitUntil(() -> movies.getItems().size() == movieCount, 300);
        Thread.sleep(1000);
        report("search s, st, sta, star, clear");

        begin();
        for (int i = 0; i < steps; i++) {
            int row = (int) ((long) i * (userCount - 1) / Math.max(1, steps - 1));
            int id = workbench.dataset().ratings().users().idAt(row);
            onFx(() -> workbench.showUser(id));
            Thread.sleep(500);
        }
        Thread.sleep(1500);
        System.out.println("per-user panel: " + window.userViewModel().summaryProperty().get());
        report("show " + steps + " users");

        begin();
        onFx(() -> {
            workbench.viewProperty().set(Workbench.DESIGNER_VIEW);
            List<DesignEntry> designs = window.designerViewModel().designs();
            for (int i = 0; i < designs.size(); i++) {
                if (designs.get(i).name().equals("model1")) {
                    window.designerViewModel().selectedProperty().set(i);
                }
            }
        });
        Thread.sleep(500);
        String presetBatch = window.designerViewModel().textProperty(SpecForm.Field.BATCH_SIZE).get();
        for (int i = 0; i < steps; i++) {
            // the preset's own batch size last, so that the run below is model1 as preset
            String batch = i == steps - 1 ? presetBatch : i % 2 == 0 ? "128" : "96";
            onFx(() -> window.designerViewModel().textProperty(SpecForm.Field.BATCH_SIZE).set(batch));
            Thread.sleep(300);
        }
        Thread.sleep(700);
        System.out.println("designer: " + window.designerViewModel().report().parametersProperty().get() + " · "
                + window.designerViewModel().report().usersProperty().get());
        report("designer: model1, " + steps + " edits");

        begin();
        ModelSpec spec = window.designerViewModel().specProperty().get().withTraining(t -> t.epochs(1));
        long trainStart = System.nanoTime();
        onFx(() -> {
            workbench.viewProperty().set(Workbench.TRAINING_VIEW);
            window.trainingViewModel().enqueue(spec);
            window.trainingViewModel().trainQueue();
        });
        waitUntil(() -> window.trainingViewModel().progressProperty().get() > 0
                || !window.trainingViewModel().runningProperty().get(), 600);
        double firstBatch = (System.nanoTime() - trainStart) / 1e9;
        System.out.printf(Locale.ROOT, "training %s: first batch after %.1f s (%s)%n", spec.name(), firstBatch,
                window.trainingViewModel().progressTextProperty().get() + window.trainingViewModel().messageProperty().get());
        onFx(() -> window.trainingViewModel().cancel());
        waitUntil(() -> !window.trainingViewModel().runningProperty().get(), 300);
        System.out.printf(Locale.ROOT, "cancelled %.1f s after the start%n", (System.nanoTime() - trainStart) / 1e9);
        Thread.sleep(1000);
        report("train model1: start, 1st batch, cancel");

        onFx(window::close);
        preferences.clear();
        node.removeNode();
        Platform.exit();
        System.exit(0);
    }

    static void sample() {
        while (true) {
            Thread.State state = fx.getState();
            StackTraceElement[] stack = fx.getStackTrace();
            boolean inEncore = java.util.Arrays.stream(stack).anyMatch(e -> e.getClassName().startsWith("org.encore"));
            boolean idle = stack.length > 0 && (stack[0].getMethodName().equals("_runLoop") || stack[0].getClassName().endsWith("Unsafe"));
            if (stack.length > 0 && (!idle || inEncore)) {
                StringBuilder key = new StringBuilder();
                int shown = 0;
                for (StackTraceElement e : stack) {
                    String c = e.getClassName();
                    if (shown < 4 && (c.startsWith("org.encore") || c.startsWith("javafx.") && shown == 0 || shown > 0)) {
                        key.append(shown == 0 ? "" : " < ").append(c.substring(c.lastIndexOf('.') + 1)).append('.').append(e.getMethodName())
                                .append(':').append(e.getLineNumber());
                        shown++;
                    }
                }
                String encore = "-";
                for (StackTraceElement e : stack) {
                    if (e.getClassName().startsWith("org.encore")) {
                        encore = e.getClassName().substring(e.getClassName().lastIndexOf('.') + 1) + "." + e.getMethodName() + ":" + e.getLineNumber();
                        break;
                    }
                }
                synchronized (samples) {
                    samples.merge(key.toString(), 1, Integer::sum);
                    samples.merge("[encore] " + encore + (state == Thread.State.RUNNABLE ? "" : " " + state), 1, Integer::sum);
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static TableColumn<Object, ?> column(TableView<Object> table, String text) {
        return table.getColumns().stream().filter(c -> c.getText().equals(text)).findFirst().orElseThrow();
    }

    /** Starts a step: pulses and the FX thread's CPU time counted from now. */
    static void begin() {
        synchronized (pulses) {
            pulses.clear();
        }
        phaseCpu = THREADS.getThreadCpuTime(fxThread);
        phaseRenderCpu = renderCpu();
        phaseGc = gcMillis();
        synchronized (samples) {
            samples.clear();
        }
        longestCall = 0;
    }

    /** Runs on the FX thread and waits; the step's longest such call is reported. */
    static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            long t = System.nanoTime();
            try {
                r.run();
            } finally {
                longestCall = Math.max(longestCall, (System.nanoTime() - t) / 1e6);
                done.countDown();
            }
        });
        done.await();
    }

    static void waitUntil(Callable<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            CompletableFuture<Boolean> value = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    value.complete(condition.call());
                } catch (Exception e) {
                    value.completeExceptionally(e);
                }
            });
            if (value.get(seconds, TimeUnit.SECONDS)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not reached in " + seconds + " s");
    }

    /** Milliseconds the collectors have spent so far (their pauses stop the FX thread too). */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    /** CPU nanoseconds of JavaFX's render threads (QuantumRenderer-*) so far. */
    static long renderCpu() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId()))).sum();
    }

    static void report(String phase) {
        double cpu = (THREADS.getThreadCpuTime(fxThread) - phaseCpu) / 1e6;
        double render = (renderCpu() - phaseRenderCpu) / 1e6;
        long gc = gcMillis() - phaseGc;
        List<Long> copy;
        synchronized (pulses) {
            copy = new ArrayList<>(pulses);
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < copy.size(); i++) {
            gaps.add((copy.get(i) - copy.get(i - 1)) / 1e6);
        }
        gaps.sort(null);
        double p99 = gaps.isEmpty() ? 0 : gaps.get(Math.min(gaps.size() - 1, (int) (gaps.size() * 0.99)));
        double longest = gaps.isEmpty() ? 0 : gaps.get(gaps.size() - 1);
        System.out.printf(Locale.ROOT, "%-40s pulses %5d  gap p99 %5.0f ms  longest %5.0f ms  over 100 ms: %3d  "
                        + "FX CPU %6.0f ms  render CPU %6.0f ms  longest call %5.0f ms  GC %5d ms  load %.1f%n", phase, copy.size(), p99,
                longest, gaps.stream().filter(g -> g > 100).count(), cpu, render, longestCall, gc, OS.getSystemLoadAverage());
        synchronized (samples) {
            samples.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(16)
                    .forEach(e -> System.out.printf(Locale.ROOT, "    %4d  %s%n", e.getValue(), e.getKey()));
        }
    }
}
