package org.encore.training.dl4j;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Which device ND4J computes on: "CPU", or the GPU's name under the CUDA backend. */
final class Devices {
    static final String CPU = "CPU";
    /** The name when the CUDA backend does not say which GPU. */
    static final String UNNAMED_GPU = "GPU (CUDA)";
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    static boolean isCpuBackend() {
        return Nd4j.getEnvironment().isCPU();
    }

    /** "CPU", or the GPU name ND4J's environment reports (falling back to "GPU (CUDA)"). */
    static String current() {
        if (isCpuBackend()) {
            return CPU;
        }
        try {
            return name(false, Nd4j.getExecutioner().getEnvironmentInformation());
        } catch (RuntimeException e) {
            LOG.warn("could not read the GPU name from ND4J: {}", e.toString());
            return UNNAMED_GPU;
        }
    }

    /** The device name from the backend kind and ND4J's environment information (the first CUDA device's name). */
    static String name(boolean cpu, Properties environment) {
        if (cpu) {
            return CPU;
        }
        Object devices = environment == null ? null : environment.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
        if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
            Object name = first.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
            if (name != null && !name.toString().isBlank()) {
                return name.toString();
            }
        }
        return UNNAMED_GPU;
    }
}
