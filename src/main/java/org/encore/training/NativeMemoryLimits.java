package org.encore.training;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sizes JavaCPP's off-heap limits (which bound every ND4J array) from the machine's memory instead of
 * JavaCPP's defaults, which are derived from the Java heap and so are far too small for a desktop app
 * whose heap is modest but whose matrices live off-heap.
 *
 * <p>JavaCPP reads these properties once, when {@code org.bytedeco.javacpp.Pointer} is initialised, so
 * {@link #applyFromMachine()} must run before the first ND4J or DL4J class is touched (first thing in
 * {@code main}). A limit the user already set, in either spelling JavaCPP accepts, is left alone.
 */
public final class NativeMemoryLimits {
    /** Off-heap bytes that JavaCPP may allocate (ND4J arrays and workspaces). */
    public static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    /** Resident set size of the whole process above which JavaCPP refuses to allocate. */
    public static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxphysicalbytes";

    /** JavaCPP also reads these camel-case spellings and lets them win, so they count as "already set". */
    private static final String MAX_BYTES_CAMEL = "org.bytedeco.javacpp.maxBytes";
    private static final String MAX_PHYSICAL_BYTES_CAMEL = "org.bytedeco.javacpp.maxPhysicalBytes";

    /** Share of physical memory for off-heap arrays: leaves room for the heap, JavaFX and the OS. */
    static final double OFF_HEAP_FRACTION = 0.60;
    /** Share of physical memory for the whole process (heap + off-heap + code), below swapping. */
    static final double PHYSICAL_FRACTION = 0.80;

    private static final Logger log = LoggerFactory.getLogger(NativeMemoryLimits.class);

    private NativeMemoryLimits() {
    }

    /** What {@link #apply} decided; a value is the one in force, whether set now or by the user. */
    public record Limits(long physicalMemoryBytes, String maxBytes, String maxPhysicalBytes,
                         boolean maxBytesSetHere, boolean maxPhysicalBytesSetHere) {
    }

    /**
     * Sets {@value #MAX_BYTES} to 60% and {@value #MAX_PHYSICAL_BYTES} to 80% of this machine's physical
     * memory (the container limit inside a container), each unless already set. When the memory size
     * cannot be read, nothing is set and JavaCPP keeps its defaults.
     */
    public static Limits applyFromMachine() {
        Limits limits = apply(physicalMemoryBytes(), System.getProperties());
        if (limits.physicalMemoryBytes() <= 0) {
            log.warn("Physical memory size unavailable; ND4J off-heap limits left at JavaCPP defaults");
        } else {
            log.debug("ND4J off-heap limits: {}={} ({}), {}={} ({}), physical memory {} bytes",
                    MAX_BYTES, limits.maxBytes(), limits.maxBytesSetHere() ? "from machine" : "user set",
                    MAX_PHYSICAL_BYTES, limits.maxPhysicalBytes(),
                    limits.maxPhysicalBytesSetHere() ? "from machine" : "user set",
                    limits.physicalMemoryBytes());
        }
        return limits;
    }

    /**
     * Applies the limits for a machine of {@code physicalMemoryBytes} to {@code properties}; values are
     * written as plain byte counts. A non-positive size means "unknown": nothing is written.
     */
    static Limits apply(long physicalMemoryBytes, Properties properties) {
        boolean known = physicalMemoryBytes > 0;
        boolean setMax = known && !isSet(properties, MAX_BYTES, MAX_BYTES_CAMEL);
        boolean setPhysical = known && !isSet(properties, MAX_PHYSICAL_BYTES, MAX_PHYSICAL_BYTES_CAMEL);
        if (setMax) {
            properties.setProperty(MAX_BYTES, Long.toString(share(physicalMemoryBytes, OFF_HEAP_FRACTION)));
        }
        if (setPhysical) {
            properties.setProperty(MAX_PHYSICAL_BYTES,
                    Long.toString(share(physicalMemoryBytes, PHYSICAL_FRACTION)));
        }
        return new Limits(physicalMemoryBytes,
                effective(properties, MAX_BYTES, MAX_BYTES_CAMEL),
                effective(properties, MAX_PHYSICAL_BYTES, MAX_PHYSICAL_BYTES_CAMEL),
                setMax, setPhysical);
    }

    /** Total memory of this machine, or of its container when limited; 0 when the JVM cannot tell. */
    public static long physicalMemoryBytes() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean hotspot) {
            return Math.max(0, hotspot.getTotalMemorySize());
        }
        return 0;
    }

    private static long share(long total, double fraction) {
        return (long) (total * fraction);
    }

    private static boolean isSet(Properties properties, String key, String camelKey) {
        return hasText(properties.getProperty(key)) || hasText(properties.getProperty(camelKey));
    }

    /** The value JavaCPP will use: the camel-case spelling overrides the lower-case one, as in Pointer. */
    private static String effective(Properties properties, String key, String camelKey) {
        String camel = properties.getProperty(camelKey);
        return hasText(camel) ? camel : properties.getProperty(key);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
