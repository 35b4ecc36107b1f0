import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.encore.data.IdIndex;
import org.encore.data.MovieLensLoader;
import org.encore.data.RatingMatrix;
import org.encore.data.Shuffle;
import org.encore.model.ModelSpec;
import org.encore.model.Presets;
import org.encore.training.EpochMetrics;
import org.encore.training.RunControl;
import org.encore.training.TrainingListener;
import org.encore.training.TrainingPlan;
import org.encore.training.dl4j.Dl4jEngine;
import org.encore.training.dl4j.NetworkFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Training-speed benchmark of Model 1 in DL4J (Encore's network factory and trainer). Prints one JSON object per
 * measurement. Run through bench/training-speed.sh, which alternates it with the PyTorch script.
 *
 * Usage: java -cp CLASSPATH bench/TrainingSpeed.java DATA_DIR OUT_DIR VARIANTS
 *   DATA_DIR  ml-latest-small folder; OUT_DIR  where the shared CSR files are written (for PyTorch);
 *   VARIANTS  comma list of: gemm, dense (plain DL4J layers), optimized (Encore's layers), trainer (the full Trainer),
 *             paired (plain and optimized networks alternating epoch by epoch in one JVM; median of the ratios)
 */
public class TrainingSpeed {
    static final int SYNTHETIC_USERS = 2000;
    static final int SYNTHETIC_WIDTH = 20000;
    static final double SYNTHETIC_DENSITY = 0.016;

    record Workload(String name, RatingMatrix matrix, int epochs) {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path outDir = Path.of(args[1]);
        List<String> variants = Arrays.asList(args[2].split(","));
        Files.createDirectories(outDir);
        List<Workload> workloads = new ArrayList<>();
        workloads.add(new Workload("ml-latest-small", MovieLensLoader.load(dataDir).ratings(), 3));
        workloads.add(new Workload("synthetic-20000", synthetic(), 1));
        for (Workload w : workloads) {
            exportCsr(w, outDir.resolve(w.name() + ".csr"));
        }
        ModelSpec spec = Presets.model1();
        for (Workload w : workloads) {
            for (String variant : variants) {
                switch (variant) {
                    case "gemm" -> gemm(w.matrix().movieCount(), spec.training().batchSize());
                    case "dense" -> fitLoop(w, spec, false);
                    case "optimized" -> fitLoop(w, spec, true);
                    case "trainer" -> trainer(w, spec);
                    case "paired" -> paired(w, spec, 5);
                    default -> throw new IllegalArgumentException("unknown variant " + variant);
                }
            }
        }
    }

    /** 2,000 users x 20,000 movies, about 1.6% non-zero, popularity-skewed columns, half-star ratings. */
    static RatingMatrix synthetic() {
        Random random = new Random(20000);
        int[] rowPointers = new int[SYNTHETIC_USERS + 1];
        List<int[]> columnsByUser = new ArrayList<>();
        int meanPerUser = (int) Math.round(SYNTHETIC_DENSITY * SYNTHETIC_WIDTH);
        for (int u = 0; u < SYNTHETIC_USERS; u++) {
            int count = 20 + random.nextInt(2 * (meanPerUser - 20) + 1);
            java.util.TreeSet<Integer> chosen = new java.util.TreeSet<>();
            while (chosen.size() < count) {
                double x = random.nextDouble();
                chosen.add((int) (SYNTHETIC_WIDTH * x * x)); // denser at low column numbers, like popular movies
            }
            columnsByUser.add(chosen.stream().mapToInt(Integer::intValue).toArray());
            rowPointers[u + 1] = rowPointers[u] + count;
        }
        int nnz = rowPointers[SYNTHETIC_USERS];
        int[] columns = new int[nnz];
        float[] ratings = new float[nnz];
        for (int u = 0; u < SYNTHETIC_USERS; u++) {
            int[] cols = columnsByUser.get(u);
            for (int i = 0; i < cols.length; i++) {
                columns[rowPointers[u] + i] = cols[i];
                ratings[rowPointers[u] + i] = (1 + random.nextInt(10)) / 2f;
            }
        }
        int[] userIds = new int[SYNTHETIC_USERS];
        int[] movieIds = new int[SYNTHETIC_WIDTH];
        Arrays.setAll(userIds, i -> i + 1);
        Arrays.setAll(movieIds, i -> i + 1);
        return new RatingMatrix(rowPointers, columns, ratings, new long[nnz], new IdIndex(userIds), new IdIndex(movieIds));
    }

    /** "rows columns" then one "row column rating" line per entry, for the PyTorch script. */
    static void exportCsr(Workload w, Path file) throws Exception {
        RatingMatrix m = w.matrix();
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter out = Files.newBufferedWriter(tmp)) {
            out.write(m.userCount() + " " + m.movieCount() + "\n");
            for (int r = 0; r < m.userCount(); r++) {
                for (int p = m.rowStart(r); p < m.rowEnd(r); p++) {
                    out.write(r + " " + m.columnAt(p) + " " + m.ratingAt(p) + "\n");
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    /** CPU seconds used by this process so far, all threads (ND4J's OpenMP threads included). */
    static double cpuSeconds() {
        return OS.getProcessCpuTime() / 1e9;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    static void gemm(int width, int batch) {
        INDArray a = Nd4j.rand(DataType.FLOAT, batch, width);
        INDArray b = Nd4j.rand(DataType.FLOAT, width, 1024);
        for (int i = 0; i < 2; i++) {
            a.mmul(b);
        }
        int reps = 5;
        long t = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            a.mmul(b);
        }
        double s = (System.nanoTime() - t) / 1e9 / reps;
        System.out.printf(Locale.ROOT, "{\"framework\":\"dl4j\",\"variant\":\"sgemm\",\"width\":%d,\"batch\":%d,\"gflops\":%.1f,\"load\":%s}%n",
                width, batch, 2.0 * batch * width * 1024 / s / 1e9, load());
    }

    /** Encore's network, fitted batch by batch as the Trainer does, without the per-epoch metric pass. */
    static void fitLoop(Workload w, ModelSpec spec, boolean optimized) {
        RatingMatrix m = w.matrix();
        int width = m.movieCount();
        int batch = spec.training().batchSize();
        MultiLayerNetwork net = NetworkFactory.build(spec, width, optimized);
        float scale = (float) spec.valueScale();
        int[] order = new int[m.userCount()];
        Arrays.setAll(order, i -> i);
        Random shuffle = new Random(1);
        float[] dense = new float[batch * width];
        java.util.Map<Integer, INDArray> arrays = new java.util.HashMap<>();
        long densifyNanos = 0;
        long fitNanos = 0;
        long started = 0;
        double cpuStarted = 0;
        String loadBefore = "";
        for (int epoch = 0; epoch <= w.epochs(); epoch++) {
            if (epoch == 1) { // epoch 0 warms up the JIT and the workspaces
                densifyNanos = 0;
                fitNanos = 0;
                loadBefore = load();
                started = System.nanoTime();
                cpuStarted = cpuSeconds();
            }
            Shuffle.inPlace(order, shuffle);
            for (int from = 0; from < order.length; from += batch) {
                int rows = Math.min(batch, order.length - from);
                long t0 = System.nanoTime();
                m.densify(Arrays.copyOfRange(order, from, from + rows), scale, dense);
                INDArray features = arrays.computeIfAbsent(rows, n -> Nd4j.createUninitialized(DataType.FLOAT, n, width));
                features.data().asNioFloat().put(0, dense, 0, rows * width);
                long t1 = System.nanoTime();
                net.fit(features, features);
                long t2 = System.nanoTime();
                densifyNanos += t1 - t0;
                fitNanos += t2 - t1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpu = cpuSeconds() - cpuStarted;
        report(optimized ? "encore-optimized-layers" : "dl4j-dense", w, net.numParams(), (long) order.length * w.epochs(),
                seconds, String.format(Locale.ROOT, ",\"densify_s\":%.3f,\"fit_s\":%.3f,\"score\":%.6f,\"cpu_s\":%.3f,\"samples_per_cpu_s\":%.1f",
                        densifyNanos / 1e9, fitNanos / 1e9, net.score(), cpu, (double) order.length * w.epochs() / cpu), loadBefore);
    }

    /**
     * Plain DL4J and Encore's layers alternating epoch by epoch (order swapped every round) in one JVM, so that both
     * see the same load; reports the median of the per-round speed-ups in wall and in process CPU time.
     */
    static void paired(Workload w, ModelSpec spec, int rounds) {
        RatingMatrix m = w.matrix();
        int width = m.movieCount();
        MultiLayerNetwork[] nets = {NetworkFactory.build(spec, width, false), NetworkFactory.build(spec, width, true)};
        float[] dense = new float[spec.training().batchSize() * width];
        java.util.Map<Integer, INDArray> arrays = new java.util.HashMap<>();
        int[] order = new int[m.userCount()];
        Arrays.setAll(order, i -> i);
        for (MultiLayerNetwork net : nets) {
            epoch(net, m, order, spec, dense, arrays); // warm-up
        }
        double[] wallRatio = new double[rounds];
        double[] cpuRatio = new double[rounds];
        double[][] wall = new double[2][rounds];
        double[][] cpu = new double[2][rounds];
        String loadBefore = load();
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < 2; k++) {
                int which = (r % 2 == 0) ? k : 1 - k;
                double c0 = cpuSeconds();
                long t0 = System.nanoTime();
                epoch(nets[which], m, order, spec, dense, arrays);
                wall[which][r] = (System.nanoTime() - t0) / 1e9;
                cpu[which][r] = cpuSeconds() - c0;
            }
            wallRatio[r] = wall[0][r] / wall[1][r];
            cpuRatio[r] = cpu[0][r] / cpu[1][r];
        }
        System.out.printf(Locale.ROOT, "{\"framework\":\"dl4j\",\"variant\":\"paired\",\"dataset\":\"%s\",\"width\":%d,\"users\":%d,"
                        + "\"rounds\":%d,\"speedup_wall_median\":%.2f,\"speedup_cpu_median\":%.2f,\"speedup_wall\":%s,\"speedup_cpu\":%s,"
                        + "\"plain_epoch_s\":%s,\"optimized_epoch_s\":%s,\"load_before\":%s,\"load_after\":%s}%n",
                w.name(), width, m.userCount(), rounds, median(wallRatio), median(cpuRatio), json(wallRatio), json(cpuRatio),
                json(wall[0]), json(wall[1]), loadBefore, load());
    }

    static void epoch(MultiLayerNetwork net, RatingMatrix m, int[] order, ModelSpec spec, float[] dense,
                      java.util.Map<Integer, INDArray> arrays) {
        int width = m.movieCount();
        for (int from = 0; from < order.length; from += spec.training().batchSize()) {
            int rows = Math.min(spec.training().batchSize(), order.length - from);
            m.densify(Arrays.copyOfRange(order, from, from + rows), (float) spec.valueScale(), dense);
            INDArray features = arrays.computeIfAbsent(rows, n -> Nd4j.createUninitialized(DataType.FLOAT, n, width));
            features.data().asNioFloat().put(0, dense, 0, rows * width);
            net.fit(features, features);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String json(double[] values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", values[i]));
        }
        return b.append(']').toString();
    }

    /** The real Trainer (optimized layers by default), with its per-epoch metric pass over train and validation. */
    static void trainer(Workload w, ModelSpec spec) throws Exception {
        RatingMatrix m = w.matrix();
        int[] all = new int[m.userCount()];
        Arrays.setAll(all, i -> i);
        int[] validation = Arrays.copyOf(all, Math.max(1, all.length / 5));
        List<EpochMetrics> epochs = new ArrayList<>();
        String loadBefore = load();
        new Dl4jEngine().train(spec.withTraining(t -> t.epochs(w.epochs() + 1)), m, new TrainingPlan(all, validation),
                new TrainingListener() {
                    @Override
                    public void epochFinished(EpochMetrics metrics) {
                        epochs.add(metrics);
                    }
                }, new RunControl());
        double seconds = 0;
        double trainSeconds = 0;
        for (EpochMetrics e : epochs.subList(1, epochs.size())) {
            seconds += e.seconds();
            trainSeconds += all.length / e.samplesPerSecond();
        }
        long samples = (long) all.length * (epochs.size() - 1);
        long numParams = NetworkFactory.build(spec, m.movieCount()).numParams();
        report("encore-trainer", w, numParams, samples, trainSeconds,
                String.format(Locale.ROOT, ",\"with_metric_pass_s\":%.3f,\"samples_per_s_with_metrics\":%.1f",
                        seconds, samples / seconds), loadBefore);
    }

    static void report(String variant, Workload w, long params, long samples, double seconds, String extra, String loadBefore) {
        double perSecond = samples / seconds;
        System.out.printf(Locale.ROOT, "{\"framework\":\"dl4j\",\"variant\":\"%s\",\"dataset\":\"%s\",\"width\":%d,\"users\":%d,"
                        + "\"batch\":512,\"params\":%d,\"samples\":%d,\"seconds\":%.3f,\"samples_per_s\":%.1f,\"gflops\":%.1f,"
                        + "\"load_before\":%s,\"load_after\":%s%s}%n",
                variant, w.name(), w.matrix().movieCount(), w.matrix().userCount(), params, samples, seconds, perSecond,
                6.0 * params * perSecond / 1e9, loadBefore, load(), extra);
    }
}
