package org.encore.recommend.baseline;

import org.encore.data.MovieRatingsFilter;
import org.encore.data.RatingMatrix;
import org.encore.training.DenseSolver;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Whether EASE's item x item fit fits in memory, checked before any of it is allocated. The fit holds one
 * items x items float matrix on the Java heap (the Gram matrix, inverted and turned into B in place) and, while
 * LAPACK inverts it, a native copy of the same size: 2 x items² x 4 bytes in all. A Java array also cannot hold
 * more than 2³¹ − 9 floats, which caps EASE at 46,340 movies whatever the memory.
 * <p>
 * A refusal gives the figures (needed, heap free, native limit left, the machine's physical memory) and the
 * smallest {@code --min-movie-ratings} N whose movies fit ({@link MovieRatingsFilter}), with how many movies it keeps.
 */
public final class EaseMemory {
    /** The most floats one Java array holds. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private EaseMemory() {
    }

    /** Bytes the fit needs for {@code items} movies (heap matrix plus LAPACK's native copy). */
    public static long bytesNeeded(long items) {
        return 2L * items * items * Float.BYTES;
    }

    /** Free memory now, as the fit sees it. */
    record Room(long heapFree, long nativeFree, long physicalTotal) {
        static Room now(DenseSolver solver) {
            Runtime rt = Runtime.getRuntime();
            long heapFree = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
            long solverFree = solver.nativeBytesFree();
            long nativeFree = solverFree == Long.MAX_VALUE ? Long.MAX_VALUE : solverFree - heapFree;
            long physical = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                    ? os.getTotalMemorySize() : Long.MAX_VALUE;
            return new Room(heapFree, nativeFree, physical);
        }

        /** Whether a fit over {@code items} movies fits. */
        boolean fits(long items) {
            long matrix = items * items * Float.BYTES;
            return items * items <= MAX_ARRAY && matrix <= heapFree && matrix <= nativeFree
                    && bytesNeeded(items) <= physicalTotal;
        }
    }

    /**
     * Refuses (IllegalStateException with the figures and the filter to use) a fit over {@code items} movies of
     * {@code matrix} that does not fit now, with {@code solver}'s native memory.
     */
    public static void check(RatingMatrix matrix, int items, DenseSolver solver) {
        check(matrix, items, Room.now(solver));
    }

    static void check(RatingMatrix matrix, int items, Room room) {
        if (room.fits(items)) {
            return;
        }
        int[] usersPerMovie = MovieRatingsFilter.usersPerMovie(matrix);
        int n = smallestFittingMinimum(usersPerMovie, room);
        long matrixBytes = (long) items * items * Float.BYTES;
        StringBuilder message = new StringBuilder(String.format(Locale.ROOT,
                "EASE over %,d movies needs a %,d x %,d float matrix: %s on the Java heap plus %s of native memory "
                        + "while LAPACK inverts it (%s in all)", items, items, items, gb(matrixBytes), gb(matrixBytes),
                gb(bytesNeeded(items))));
        message.append(String.format(Locale.ROOT, "; this process has %s of heap free (-Xmx), %s left under the native "
                        + "limit (-Dorg.bytedeco.javacpp.maxphysicalbytes), the machine %s of memory",
                gb(room.heapFree()), room.nativeFree() == Long.MAX_VALUE ? "no limit" : gb(room.nativeFree()),
                gb(room.physicalTotal())));
        if ((long) items * items > MAX_ARRAY) {
            message.append("; and a Java array holds at most 46,340 x 46,340 floats");
        }
        if (n > 0) {
            int kept = MovieRatingsFilter.moviesKept(usersPerMovie, n);
            message.append(String.format(Locale.ROOT, ". Use --min-movie-ratings %d (keeps the %,d movies rated by at "
                    + "least %d users; EASE then needs at most %s)", n, kept, n, gb(bytesNeeded(kept))));
        } else {
            message.append(". Even the most-rated movies alone do not fit: raise -Xmx or use a machine with more memory");
        }
        throw new IllegalStateException(message.toString());
    }

    /** The smallest minimum number of ratings per movie whose movies fit, or 0 when none does. */
    static int smallestFittingMinimum(int[] usersPerMovie, Room room) {
        int max = 0;
        for (int count : usersPerMovie) {
            max = Math.max(max, count);
        }
        // movies kept falls as the minimum rises: binary search for the first minimum that fits
        int low = 2;
        int high = max;
        if (high < low || !room.fits(MovieRatingsFilter.moviesKept(usersPerMovie, high))) {
            return 0;
        }
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (room.fits(MovieRatingsFilter.moviesKept(usersPerMovie, mid))) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    private static String gb(long bytes) {
        return String.format(Locale.ROOT, "%.2f GB", bytes / 1e9);
    }
}
