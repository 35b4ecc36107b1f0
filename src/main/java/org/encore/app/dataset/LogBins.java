package org.encore.app.dataset;

import org.encore.app.Bar;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts in logarithmic bins (1, 2–3, 4–7, 8–15 …): long-tailed activity and popularity read on a log scale.
 * Zero counts get their own bin "0" only when present; bins below the smallest count are left out.
 */
public final class LogBins {
    private LogBins() {
    }

    public static List<Bar> of(int[] counts) {
        long zeros = 0;
        long[] bins = new long[32];
        int highest = -1;
        int lowest = 32;
        for (int count : counts) {
            if (count <= 0) {
                zeros++;
                continue;
            }
            int bin = 31 - Integer.numberOfLeadingZeros(count);
            bins[bin]++;
            highest = Math.max(highest, bin);
            lowest = Math.min(lowest, bin);
        }
        List<Bar> bars = new ArrayList<>();
        if (zeros > 0) {
            bars.add(new Bar("0", zeros));
        }
        for (int bin = lowest; bin <= highest; bin++) {
            int low = 1 << bin;
            int high = (1 << (bin + 1)) - 1;
            bars.add(new Bar(low == high ? String.valueOf(low) : low + "–" + high, bins[bin]));
        }
        return bars;
    }
}
