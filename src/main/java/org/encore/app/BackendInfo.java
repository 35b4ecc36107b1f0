package org.encore.app;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Locale;

/** What ND4J runs on. Touching {@link Nd4j} loads native libraries: call it off the FX thread. */
final class BackendInfo {
    private BackendInfo() {
    }

    static String describe() {
        try {
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            boolean gpu = backend.toLowerCase(Locale.ROOT).contains("cuda") || backend.toLowerCase(Locale.ROOT).contains("cublas");
            String device = gpu ? "GPU" : "CPU, " + Runtime.getRuntime().availableProcessors() + " cores";
            return "ND4J " + backend.replace("Backend", "") + " · " + device + " · " + Nd4j.dataType().name().toLowerCase(Locale.ROOT);
        } catch (Throwable e) {
            return "ND4J unavailable: " + e.getMessage();
        }
    }

    static long offHeapBytes() {
        return Pointer.totalBytes();
    }
}
