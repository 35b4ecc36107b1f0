package org.encore.training;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DevicesTest {
    @Test
    void theCpuBackendReportsCpu() {
        // the test class path carries nd4j-native; under -Pcuda the name is the GPU's
        if (Nd4j.getEnvironment().isCPU()) {
            assertEquals("CPU", Devices.current());
        } else {
            assertFalse(Devices.current().isBlank());
        }
    }
}
