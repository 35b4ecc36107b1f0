package org.encore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks the installer inputs under packaging/ and assets/icons/ against the code and the JDK they package. */
class PackagingConfigTest {
    private static final Path PACKAGING = Path.of("packaging");
    private static final Path ICONS = Path.of("assets/icons");

    @Test
    void launcherMainClassExistsAndIsTheJarManifestOne() throws Exception {
        String args = Files.readString(PACKAGING.resolve("jpackage/launcher.args"));
        Matcher m = Pattern.compile("(?m)^--main-class\\s+(\\S+)").matcher(args);
        assertTrue(m.find(), "launcher.args names no --main-class");
        Class.forName(m.group(1), false, getClass().getClassLoader());
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<mainClass>" + m.group(1) + "</mainClass>"),
                "the jar manifest and the installers must start the same class");
    }

    @Test
    void launcherPointsTheAppAtItsBundledSample() throws IOException {
        String args = Files.readString(PACKAGING.resolve("jpackage/launcher.args"));
        assertTrue(args.contains("\"-Dencore.home=$APPDIR\""), "encore.home must be the app folder holding sample-data/");
        assertTrue(Files.isDirectory(Path.of("sample-data")), "sample-data/ is bundled, so it must exist");
    }

    @Test
    void everyListedJdkModuleExistsInThisJdk() throws IOException {
        ModuleFinder system = ModuleFinder.ofSystem();
        List<String> modules = modules(PACKAGING.resolve("jdk-modules.txt"));
        assertTrue(modules.containsAll(List.of("java.base", "java.desktop", "jdk.unsupported", "jdk.management")),
                "ND4J needs Unsafe (jdk.unsupported) and the OS memory bean (jdk.management): " + modules);
        for (String module : modules) {
            assertTrue(system.find(module).isPresent(), "jdk-modules.txt names a module this JDK lacks: " + module);
        }
    }

    @Test
    void everyListedJavaFxModuleComesFromADependency() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String module : modules(PACKAGING.resolve("javafx-modules.txt"))) {
            assertTrue(module.startsWith("javafx."), module);
            String artifact = "javafx-" + module.substring("javafx.".length());
            boolean direct = pom.contains("<artifactId>" + artifact + "</artifactId>");
            // javafx-graphics and javafx-base arrive through javafx-controls
            assertTrue(direct || module.equals("javafx.graphics") || module.equals("javafx.base"),
                    "javafx-modules.txt names " + module + " but the pom has no " + artifact);
        }
    }

    @Test
    void pngIconsHaveTheSizeTheirNameSays() throws IOException {
        for (int size : new int[] {16, 32, 48, 64, 128, 256, 512}) {
            Path png = ICONS.resolve("encore-" + size + ".png");
            int[] wh = pngSize(png);
            assertArrayEquals(new int[] {size, size}, wh, png.toString());
        }
        assertArrayEquals(new int[] {256, 256}, pngSize(ICONS.resolve("encore.png")));
    }

    @Test
    void windowsIconHoldsSeveralSizesUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(ICONS.resolve("encore.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0, ico.getShort(0), "ICO reserved field");
        assertEquals(1, ico.getShort(2), "ICO type must be 1 (icon)");
        int count = ico.getShort(4);
        assertTrue(count >= 4, "want 16..256 px images, found " + count);
        boolean has256 = false;
        for (int i = 0; i < count; i++) {
            has256 |= (ico.get(6 + 16 * i) & 0xff) == 0; // width byte 0 means 256
        }
        assertTrue(has256, "Windows wants a 256 px image for large icons");
    }

    @Test
    void macIconIsAnIcnsFileOfItsDeclaredLength() throws IOException {
        byte[] icns = Files.readAllBytes(ICONS.resolve("encore.icns"));
        assertArrayEquals("icns".getBytes(), Arrays.copyOf(icns, 4), "icns magic");
        assertEquals(icns.length, ByteBuffer.wrap(icns, 4, 4).getInt(), "icns length header");
    }

    private static List<String> modules(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> line.replaceAll("#.*", "").trim())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    private static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = new byte[8];
            data.readFully(signature);
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, signature, png + " is not a PNG");
            data.readInt(); // IHDR length
            data.readInt(); // "IHDR"
            return new int[] {data.readInt(), data.readInt()};
        }
    }
}
