package org.encore.app;

import org.bytedeco.javacpp.Pointer;
import org.encore.training.Devices;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/** What ND4J runs on. Touching {@link Nd4j} loads native libraries: call it off the FX thread. */
final class BackendInfo {
    private BackendInfo() {
    }

    static String describe() {
        try {
            String device = Devices.current();
            boolean cpu = "CPU".equals(device);
            String backend = cpu ? "native" : "CUDA";
            String where = cpu ? "CPU, " + Runtime.getRuntime().availableProcessors() + " cores" : "GPU " + device;
            return "ND4J " + backend + " · " + where + " · " + Nd4j.dataType().name().toLowerCase(Locale.ROOT);
        } catch (Throwable e) {
            return "ND4J unavailable: " + e.getMessage();
        }
    }

    /** Resident memory of the whole process: heap plus ND4J's native arrays and libraries. */
    static long processBytes() {
        return Pointer.physicalBytes();
    }
}
