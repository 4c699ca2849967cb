package dev.graft.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginZipTest {

    @TempDir
    Path tmp;

    /** A real jar from Maven Central with META-INF/services and a manifest. */
    private static Path engineJar() throws Exception {
        return jarOf(org.junit.jupiter.engine.JupiterTestEngine.class);
    }

    /** A real multi-release jar from Maven Central. */
    private static Path commonsJar() throws Exception {
        return jarOf(org.junit.platform.commons.util.ModuleUtils.class);
    }

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private Path classes() throws Exception {
        Path classes = Files.createDirectories(tmp.resolve("classes/META-INF/graft")).getParent().getParent();
        Files.writeString(classes.resolve("META-INF/graft/plugin.manifest"), "graft-plugin 1\nid p\nversion 1.0.0\n");
        Files.writeString(classes.resolve("META-INF/graft/extensions.idx"), "graft-index 1\n");
        Files.createDirectories(classes.resolve("com/example"));
        Files.write(classes.resolve("com/example/A.class"), new byte[] {(byte) 0xCA, (byte) 0xFE});
        return classes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void bundlesEveryByteOfEveryJarAndKeepsItsMetaInf() throws Exception {
        Path engine = engineJar();
        Path commons = commonsJar();
        Path zip = tmp.resolve("out/p.zip");
        PluginZip.write(zip, classes(), Map.of("engine.jar", engine, "commons.jar", commons),
                LocalDateTime.of(2026, 1, 1, 0, 0));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Map.Entry<String, Path> jar : Map.of("engine.jar", engine, "commons.jar", commons).entrySet()) {
                ZipEntry lib = z.getEntry("lib/" + jar.getKey());
                assertEquals(ZipEntry.STORED, lib.getMethod(), "stored, not recompressed");
                byte[] inZip = z.getInputStream(lib).readAllBytes();
                assertEquals(sha256(Files.readAllBytes(jar.getValue())), sha256(inZip), jar.getKey());
                Files.write(tmp.resolve(jar.getKey()), inZip);
            }
            try (ZipFile jar = new ZipFile(tmp.resolve("engine.jar").toFile())) {
                assertTrue(jar.getEntry("META-INF/services/org.junit.platform.engine.TestEngine") != null);
                assertTrue(jar.getEntry("META-INF/MANIFEST.MF") != null);
            }
            try (ZipFile jar = new ZipFile(tmp.resolve("commons.jar").toFile())) {
                assertTrue(jar.stream().anyMatch(e -> e.getName().startsWith("META-INF/versions/")),
                        "the multi-release part survives");
            }
            assertArrayEquals(new byte[] {(byte) 0xCA, (byte) 0xFE},
                    z.getInputStream(z.getEntry("classes/com/example/A.class")).readAllBytes());
            assertTrue(z.getEntry("classes/META-INF/graft/plugin.manifest") != null);
        }
    }

    @Test
    void theSameInputsGiveTheSameBytesWithSortedEntriesAndOneTimestamp() throws Exception {
        Path classes = classes();
        Map<String, Path> libs = Map.of("b.jar", engineJar(), "a.jar", engineJar());
        Path first = tmp.resolve("1/p.zip");
        Path second = tmp.resolve("2/p.zip");
        PluginZip.write(first, classes, libs, LocalDateTime.of(2026, 1, 1, 0, 0));
        Thread.sleep(1100);
        Files.setLastModifiedTime(classes.resolve("com/example/A.class"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        PluginZip.write(second, classes, libs, LocalDateTime.of(2026, 1, 1, 0, 0));
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        try (ZipFile z = new ZipFile(first.toFile())) {
            List<String> names = new ArrayList<>();
            z.stream().forEach(e -> {
                names.add(e.getName());
                assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), e.getTimeLocal());
            });
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(null);
            assertEquals(sorted, names);
            assertEquals(List.of("classes/META-INF/graft/extensions.idx", "classes/META-INF/graft/plugin.manifest",
                    "classes/com/example/A.class", "lib/a.jar", "lib/b.jar"), names);
        }
    }

    @Test
    void storesGraftsMetadataAndDeflatesTheClasses() throws Exception {
        Path zip = tmp.resolve("p.zip");
        PluginZip.write(zip, classes(), Map.of(), LocalDateTime.of(2026, 1, 1, 0, 0));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertEquals(ZipEntry.STORED, z.getEntry("classes/META-INF/graft/plugin.manifest").getMethod());
            assertEquals(ZipEntry.STORED, z.getEntry("classes/META-INF/graft/extensions.idx").getMethod());
            assertEquals(ZipEntry.DEFLATED, z.getEntry("classes/com/example/A.class").getMethod());
            assertEquals("graft-index 1\n", new String(z.getInputStream(z.getEntry("classes/META-INF/graft/extensions.idx"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsMavensOutputTimestamp() {
        assertEquals(LocalDateTime.of(2026, 1, 1, 0, 0), PackageMojo.timestamp("2026-01-01T00:00:00Z"));
        assertEquals(LocalDateTime.of(2026, 1, 1, 1, 0), PackageMojo.timestamp("2026-01-01T02:00:00+01:00"));
        assertEquals(LocalDateTime.of(1970, 1, 1, 0, 1), PackageMojo.timestamp("60"));
        assertEquals(LocalDateTime.of(1980, 1, 1, 0, 0), PackageMojo.timestamp(null));
    }
}
