package org.encore;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/encore");

    @Test
    void onlyTheAppPackageImportsJavaFx() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(MAIN)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !MAIN.relativize(p).startsWith("app"))
                    .filter(ArchitectureTest::mentionsJavaFx)
                    .map(Path::toString)
                    .toList();
        }
        assertEquals(List.of(), offenders, "JavaFX belongs in org.encore.app only");
    }

    @Test
    void thereIsNoModuleInfo() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("module-info.java")),
                    "DL4J is not modular: Encore runs on the class path");
        }
    }

    private static boolean mentionsJavaFx(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .anyMatch(line -> line.startsWith("import javafx.") || line.startsWith("import static javafx.")
                            || line.contains("javafx.application.") || line.contains("javafx.scene."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
