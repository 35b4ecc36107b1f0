import org.encore.data.CancellationToken;
import org.encore.data.Dataset;
import org.encore.data.LoadOptions;
import org.encore.data.MovieLensLoader;
import org.encore.data.ProgressListener;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One load of a MovieLens source in this JVM, printed as one line of key=value pairs for load-benchmark.sh.
 * Usage: LoadBenchmark SOURCE parse|parse-again|cache
 *   parse: load without the cache (a cold parse of the text files) in a fresh JVM
 *   parse-again: the same, twice in this JVM; the second load is timed (the app opening another dataset)
 *   cache: load through the cache (the script runs it once to write the cache, then again to time the reopen)
 */
public class LoadBenchmark {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        boolean useCache = args[1].equals("cache");
        if (args[1].equals("parse-again")) {
            MovieLensLoader.load(source, new LoadOptions(false, false), ProgressListener.NONE, CancellationToken.none());
            System.gc();
        }
        // The app and the CLI have logging up before any load; start it here too so that it is not timed.
        org.slf4j.LoggerFactory.getLogger(LoadBenchmark.class).debug("load benchmark of {}", source);
        long bytes = Files.size(Files.isDirectory(source) ? source.resolve("ratings.csv") : source);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        Dataset dataset = MovieLensLoader.load(source, new LoadOptions(false, useCache), ProgressListener.NONE,
                CancellationToken.none());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int ratings = dataset.ratings().ratingCount();
        System.out.printf("mode=%s fromCache=%s seconds=%.3f cpuSeconds=%.2f MBps=%.0f ratingsPerSecond=%.0f ratings=%d users=%d movies=%d peakHeapMB=%d maxHeapMB=%d%n",
                args[1], dataset.report().fromCache(), seconds, cpuSeconds, bytes / 1e6 / seconds, ratings / seconds, ratings,
                dataset.ratings().userCount(), dataset.ratings().movieCount(), peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
