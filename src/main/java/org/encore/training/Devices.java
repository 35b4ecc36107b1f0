package org.encore.training;

import org.nd4j.linalg.api.environment.Nd4jEnvironment;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Which device ND4J computes on: "CPU", or the GPU's name under the CUDA backend. */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {
    }

    static boolean isCpuBackend() {
        return Nd4j.getEnvironment().isCPU();
    }

    /** "CPU", or the GPU name ND4J's environment reports (falling back to "GPU (CUDA)"). */
    public static String current() {
        if (isCpuBackend()) {
            return "CPU";
        }
        try {
            Properties info = Nd4j.getExecutioner().getEnvironmentInformation();
            Object devices = info.get(Nd4jEnvironment.CUDA_DEVICE_INFORMATION_KEY);
            if (devices instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> first) {
                Object name = first.get(Nd4jEnvironment.CUDA_DEVICE_NAME_KEY);
                if (name != null) {
                    return name.toString();
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not read the GPU name from ND4J: {}", e.toString());
        }
        return "GPU (CUDA)";
    }
}
