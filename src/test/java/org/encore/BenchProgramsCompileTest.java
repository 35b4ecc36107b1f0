package org.encore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The benchmark programs under bench/ are single-file Java sources run with {@code java File.java}: nothing else
 * compiles them, so an API change would break them unnoticed until a benchmark is run. This compiles each one
 * against the test class path (the project's classes and dependencies).
 */
class BenchProgramsCompileTest {

    @Test
    void everyBenchProgramCompilesAgainstTheCurrentClasses(@TempDir Path out) throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(Path.of("bench"))) {
            programs = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertFalse(programs.isEmpty(), "bench/ holds the benchmark programs");
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertNotNull(compiler, "a JDK is needed to compile bench/");
        List<String> failures = new ArrayList<>();
        for (Path program : programs) {
            // one at a time: each is a program of its own, and two may declare classes of the same name
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, null, errors, "-d", out.resolve(program.getFileName().toString()).toString(),
                    "-cp", System.getProperty("java.class.path"), "-proc:none", program.toString());
            if (status != 0) {
                failures.add(program + ":\n" + errors.toString(StandardCharsets.UTF_8));
            }
        }
        assertEquals(List.of(), failures);
    }
}
