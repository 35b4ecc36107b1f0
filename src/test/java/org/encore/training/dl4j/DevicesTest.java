package org.encore.training.dl4j;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DevicesTest {

    @Test
    void theCpuBackendIsCalledCpuWhateverTheEnvironmentSays() {
        Properties cuda = new Properties();
        cuda.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200")));
        assertEquals("CPU", Devices.name(true, cuda));
        assertEquals("CPU", Devices.name(true, new Properties()));
    }

    @Test
    void aGpuIsCalledByTheFirstCudaDevicesName() {
        Properties two = new Properties();
        two.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA H200"),
                Map.of(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY, "NVIDIA A100")));
        assertEquals("NVIDIA H200", Devices.name(false, two));
        Properties unnamed = new Properties();
        unnamed.put(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY, List.of(Map.of("cuda.totalMemory", 1L)));
        assertEquals("GPU (CUDA)", Devices.name(false, unnamed));
        assertEquals("GPU (CUDA)", Devices.name(false, new Properties()));
    }

    /** The backend class ND4J loaded (nd4j-native's CpuBackend, or the CUDA one under -Pcuda) decides the name. */
    @Test
    void theDeviceOfThisProcessFollowsTheBackendOnTheClassPath() {
        boolean cpuBackendLoaded = Nd4j.getBackend().getClass().getSimpleName().equals("CpuBackend");
        assertEquals(cpuBackendLoaded, Devices.current().equals("CPU"), Nd4j.getBackend().getClass().getName());
    }
}
