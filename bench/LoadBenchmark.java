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
 * Usage: LoadBenchmark SOURCE parse|cache
 *   parse: load without the cache (a cold parse of the text files)
 *   cache: load through the cache (the script runs it once to write the cache, then again to time the reopen)
 */
public class LoadBenchmark {
    public static void main(String[] args) throws Exception {
        Path source = Path.of(args[0]);
        boolean useCache = args[1].equals("cache");
        long bytes = Files.size(Files.isDirectory(source) ? source.resolve("ratings.csv") : source);
        long start = System.nanoTime();
        Dataset dataset = MovieLensLoader.load(source, new LoadOptions(false, useCache), ProgressListener.NONE,
                CancellationToken.none());
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        int ratings = dataset.ratings().ratingCount();
        System.out.printf("mode=%s fromCache=%s seconds=%.3f MBps=%.0f ratingsPerSecond=%.0f ratings=%d users=%d movies=%d peakHeapMB=%d maxHeapMB=%d%n",
                args[1], dataset.report().fromCache(), seconds, bytes / 1e6 / seconds, ratings / seconds, ratings,
                dataset.ratings().userCount(), dataset.ratings().movieCount(), peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
