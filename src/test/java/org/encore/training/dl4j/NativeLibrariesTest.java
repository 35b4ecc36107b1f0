package org.encore.training.dl4j;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Dl4jEngine#loadNativeLibraries} loads everything training and the solver need, so that the workbench can
 * load them before JavaFX starts loading its own (see Engine.loadNativeLibraries for the deadlock this avoids). In
 * a fresh JVM: in this one the other tests have loaded every library already.
 */
class NativeLibrariesTest {
    @Test
    void afterTheWarmUpTrainingAndSolvingLoadNoFurtherNativeLibrary() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), NativeLibrariesProbe.class.getName()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the probe did not finish");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("after warm-up: [") && output.contains("jnind4jcpu"),
                "the warm-up loads ND4J's backend: " + output);
        assertTrue(output.contains("jniopenblas"), "the warm-up loads OpenBLAS: " + output);
        assertTrue(output.contains("loaded later: []"), "nothing may load after the warm-up: " + output);
    }
}
