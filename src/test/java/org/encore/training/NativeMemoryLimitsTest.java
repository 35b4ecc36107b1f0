package org.encore.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class NativeMemoryLimitsTest {
    private static final long GIB = 1L << 30;

    @Test
    void unsetLimitsAreSizedFromPhysicalMemory() {
        Properties props = new Properties();
        NativeMemoryLimits.Limits limits = NativeMemoryLimits.apply(16 * GIB, props);

        long expectedOffHeap = (long) (16 * GIB * 0.6);
        long expectedPhysical = (long) (16 * GIB * 0.8);
        assertEquals(Long.toString(expectedOffHeap), props.getProperty(NativeMemoryLimits.MAX_BYTES));
        assertEquals(Long.toString(expectedPhysical), props.getProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES));
        assertTrue(limits.maxBytesSetHere());
        assertTrue(limits.maxPhysicalBytesSetHere());
        assertEquals(Long.toString(expectedOffHeap), limits.maxBytes());
    }

    @Test
    void offHeapLimitStaysBelowPhysicalLimit() {
        Properties props = new Properties();
        NativeMemoryLimits.apply(3 * GIB + 12345, props);
        long offHeap = Long.parseLong(props.getProperty(NativeMemoryLimits.MAX_BYTES));
        long physical = Long.parseLong(props.getProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES));
        assertTrue(offHeap > 0 && offHeap < physical && physical < 3 * GIB + 12345,
                "off-heap " + offHeap + " physical " + physical);
    }

    @Test
    void userSetLimitsAreKept() {
        Properties props = new Properties();
        props.setProperty(NativeMemoryLimits.MAX_BYTES, "2G");
        props.setProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES, "3G");
        NativeMemoryLimits.Limits limits = NativeMemoryLimits.apply(64 * GIB, props);

        assertEquals("2G", props.getProperty(NativeMemoryLimits.MAX_BYTES));
        assertEquals("3G", props.getProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES));
        assertFalse(limits.maxBytesSetHere());
        assertFalse(limits.maxPhysicalBytesSetHere());
        assertEquals("2G", limits.maxBytes());
        assertEquals("3G", limits.maxPhysicalBytes());
    }

    @Test
    void camelCaseSpellingCountsAsSetAndOnlyTheOtherLimitIsFilledIn() {
        Properties props = new Properties();
        props.setProperty("org.bytedeco.javacpp.maxBytes", "5G");
        NativeMemoryLimits.Limits limits = NativeMemoryLimits.apply(10 * GIB, props);

        assertNull(props.getProperty(NativeMemoryLimits.MAX_BYTES));
        assertEquals("5G", limits.maxBytes());
        assertFalse(limits.maxBytesSetHere());
        assertEquals(Long.toString(8 * GIB), props.getProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES));
        assertTrue(limits.maxPhysicalBytesSetHere());
    }

    @Test
    void unknownMemorySizeLeavesJavaCppDefaults() {
        Properties props = new Properties();
        NativeMemoryLimits.Limits limits = NativeMemoryLimits.apply(0, props);
        assertTrue(props.isEmpty());
        assertFalse(limits.maxBytesSetHere());
        assertFalse(limits.maxPhysicalBytesSetHere());
    }

    @Test
    void thisMachineReportsItsMemory() {
        long bytes = NativeMemoryLimits.physicalMemoryBytes();
        // Any machine that runs the build has more than 256 MiB and less than 64 TiB.
        assertTrue(bytes > 256L * 1024 * 1024 && bytes < 64L * 1024 * GIB, "reported " + bytes);
    }

    @Test
    void applyFromMachineSetsSystemPropertiesOnlyWhenAbsent() {
        String oldMax = System.getProperty(NativeMemoryLimits.MAX_BYTES);
        String oldPhysical = System.getProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES);
        try {
            System.clearProperty(NativeMemoryLimits.MAX_BYTES);
            System.setProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES, "7G");
            NativeMemoryLimits.Limits limits = NativeMemoryLimits.applyFromMachine();

            long expected = (long) (NativeMemoryLimits.physicalMemoryBytes() * 0.6);
            assertEquals(Long.toString(expected), System.getProperty(NativeMemoryLimits.MAX_BYTES));
            assertEquals("7G", System.getProperty(NativeMemoryLimits.MAX_PHYSICAL_BYTES));
            assertTrue(limits.maxBytesSetHere());
            assertFalse(limits.maxPhysicalBytesSetHere());
        } finally {
            restore(NativeMemoryLimits.MAX_BYTES, oldMax);
            restore(NativeMemoryLimits.MAX_PHYSICAL_BYTES, oldPhysical);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
