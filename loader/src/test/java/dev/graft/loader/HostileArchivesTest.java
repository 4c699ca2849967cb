package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile archives: each fails alone, with a message naming the archive and the
 * entry, writes nothing outside Graft's cache, and leaves the healthy plugin beside it working.
 */
class HostileArchivesTest {

    @TempDir
    Path tmp;
    private Path plugins;

    @BeforeEach
    void healthyNeighbour() throws Exception {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("healthy").java("h.Hello", greeter("h.Hello", "still here"))
                .extension(GREETER, "h.Hello", 0).zip(plugins);
    }

    private PluginStatus loadExpectingFailure(String name, PluginRuntime.Builder builder) throws Exception {
        List<Path> before = listAll(tmp);
        try (PluginRuntime runtime = builder.build()) {
            Map<String, PluginStatus> s = runtime.plugins().stream()
                    .collect(Collectors.toMap(PluginStatus::name, x -> x, (a, b) -> a));
            assertTrue(s.containsKey("healthy"), "statuses: " + s);
            assertEquals(PluginState.LOADED, s.get("healthy").state(), "the healthy plugin loads");
            assertEquals(List.of("still here"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            assertEquals(PluginState.FAILED, s.get(name).state(), name);
            List<Path> after = listAll(tmp);
            after.removeAll(before);
            assertTrue(after.stream().allMatch(p -> p.startsWith(plugins.resolve(".graft-cache"))),
                    "nothing is written outside the cache: " + after);
            return s.get(name);
        }
    }

    private PluginStatus loadExpectingFailure(String name) throws Exception {
        return loadExpectingFailure(name, builder());
    }

    private PluginRuntime.Builder builder() {
        return PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api");
    }

    private static List<Path> listAll(Path root) throws Exception {
        try (Stream<Path> all = Files.walk(root)) {
            return all.collect(Collectors.toList());
        }
    }

    private Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path file = plugins.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    private static Map<String, byte[]> manifest(String id) {
        Map<String, byte[]> entries = new HashMap<>();
        entries.put("classes/META-INF/graft/plugin.manifest",
                ("graft-plugin 1\nid " + id + "\nversion 1.0.0\n").getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    @Test
    void entriesThatLeadOutsideTheArchiveAreRefused() throws Exception {
        Map<String, byte[]> slip = manifest("slip");
        slip.put("lib/../../../evil.jar", new byte[] {1});
        zip("slip.zip", slip);
        Map<String, byte[]> absolute = manifest("absolute");
        absolute.put("/etc/cron.d/evil", new byte[] {1});
        zip("absolute.zip", absolute);
        assertEquals("slip.zip holds the entry 'lib/../../../evil.jar', whose path is absolute or leads outside the"
                + " archive", loadExpectingFailure("slip.zip").reason());
        assertEquals("absolute.zip holds the entry '/etc/cron.d/evil', whose path is absolute or leads outside the"
                + " archive", loadExpectingFailure("absolute.zip").reason());
    }

    @Test
    void anArchiveUnreadableBeforeItsIdHasNoIdNorVersion() throws Exception {
        Files.writeString(plugins.resolve("garbage.zip"), "not a zip at all");
        PluginStatus s = loadExpectingFailure("garbage.zip");
        assertEquals(java.util.Optional.empty(), s.id(), "unknown: empty, not null");
        assertEquals(java.util.Optional.empty(), s.version());
        assertEquals("garbage.zip", s.name(), "named by its file");
        assertTrue(s.toString().startsWith("garbage.zip [FAILED]: "), s.toString());
    }

    @Test
    void symbolicLinksLeadingOutsideAnExplodedPluginAreRefused() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "host secret");
        Path dir = new Plugins(tmp).plugin("linked").directory(plugins);
        try {
            Files.createSymbolicLink(dir.resolve("classes/leak.txt"), secret);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "symbolic links are not supported here: " + e);
        }
        PluginStatus s = loadExpectingFailure("linked.zip".replace(".zip", ""));
        assertEquals("linked/classes/leak.txt is a symbolic link that leads outside the plugin, to "
                + secret.toRealPath(), s.reason());
    }

    @Test
    void tooManyEntriesNamesTheLimit() throws Exception {
        Map<String, byte[]> many = manifest("many");
        for (int i = 0; i < 300; i++) {
            many.put("classes/f" + i + ".txt", new byte[0]);
        }
        zip("many.zip", many);
        PluginStatus s = loadExpectingFailure("many.zip", builder().archiveLimits(new ArchiveLimits(100, 1 << 20, 1 << 20)));
        assertEquals("many.zip has 301 entries, more than the limit of 100", s.reason());
    }

    @Test
    void aZipBombInsideABundledJarIsRefusedBeforeAnythingInflates() throws Exception {
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (ZipOutputStream inner = new ZipOutputStream(jar)) {
            inner.putNextEntry(new ZipEntry("zeros.bin"));
            inner.write(new byte[20 << 20]);
            inner.closeEntry();
        }
        // a 20 MiB entry of zeros deflates to about 20 KB
        Map<String, byte[]> bomb = manifest("bomb");
        bomb.put("lib/bomb.jar", jar.toByteArray());
        Path file = zip("bomb.zip", bomb);
        assertTrue(Files.size(file) < 100_000, "the archive is small: " + Files.size(file));
        PluginStatus s = loadExpectingFailure("bomb.zip",
                builder().archiveLimits(new ArchiveLimits(1000, 1 << 20, 1 << 20)));
        assertEquals("bomb.zip inflates to more than the limit of 1048576 bytes in all (reached at"
                + " bomb.zip!/lib/bomb.jar, which declares 20971520 bytes uncompressed)", s.reason());
    }

    @Test
    void aBundledJarLargerThanTheLimitIsNotExtractedAtAll() throws Exception {
        byte[] noise = new byte[200_000];
        new java.util.Random(1).nextBytes(noise);
        Map<String, byte[]> big = manifest("big-lib");
        big.put("lib/noise.jar", noise);
        zip("big-lib.zip", big);
        PluginStatus s = loadExpectingFailure("big-lib.zip",
                builder().archiveLimits(new ArchiveLimits(1000, 64 << 10, 64 << 10)));
        assertEquals("big-lib.zip!/lib/noise.jar is larger than the limit of 65536 bytes uncompressed; raise"
                + " PluginRuntime.Builder.archiveLimits if it is genuine", s.reason());
        try (Stream<Path> cache = Files.list(plugins.resolve(".graft-cache"))) {
            assertEquals(List.of(), cache.toList(), "the partial extraction was deleted");
        }
    }

    @Test
    void anOversizedManifestIsNotReadIntoMemory() throws Exception {
        Map<String, byte[]> big = new HashMap<>();
        big.put("classes/META-INF/graft/plugin.manifest", new byte[5 << 20]);
        zip("big.zip", big);
        PluginStatus s = loadExpectingFailure("big.zip", builder().archiveLimits(new ArchiveLimits(100, 1 << 20, 1 << 20)));
        assertEquals("big.zip!/classes/META-INF/graft/plugin.manifest declares 5242880 bytes uncompressed, more than"
                + " the limit of 1048576 bytes; raise PluginRuntime.Builder.archiveLimits if it is genuine", s.reason());
    }

    @Test
    void duplicateEntriesAreRefused() throws Exception {
        Map<String, byte[]> entries = manifest("dup");
        entries.put("classes/a/X.class", new byte[] {1});
        entries.put("classes/a/Y.class", new byte[] {2});
        Path file = zip("dup.zip", entries);
        // rename Y to X in the local header and the central directory: two entries, one name
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1).replace("classes/a/Y.class", "classes/a/X.class");
        Files.write(file, latin.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("dup.zip holds the entry 'classes/a/X.class' twice", loadExpectingFailure("dup.zip").reason());
    }

    @Test
    void aNonJarFileInLibIsRefused() throws Exception {
        Map<String, byte[]> entries = manifest("notes");
        entries.put("lib/README.txt", "hello".getBytes(StandardCharsets.UTF_8));
        zip("notes.zip", entries);
        assertEquals("notes.zip!/lib/README.txt: lib/ may hold only .jar files, directly; found 'lib/README.txt'",
                loadExpectingFailure("notes.zip").reason());
    }

    @Test
    void aJarInLibThatIsNoJarIsRefused() throws Exception {
        Map<String, byte[]> entries = manifest("fake");
        entries.put("lib/fake.jar", "not a zip at all".getBytes(StandardCharsets.UTF_8));
        zip("fake.zip", entries);
        assertTrue(loadExpectingFailure("fake.zip").reason().startsWith("fake.zip!/lib/fake.jar is not a readable jar: "));
    }

    @Test
    void emptyTruncatedAndCorruptArchivesAreRefused() throws Exception {
        zip("empty.zip", Map.of());
        Files.write(plugins.resolve("zero.zip"), new byte[0]);
        Files.write(plugins.resolve("zero.jar"), new byte[0]);
        byte[] real = Files.readAllBytes(plugins.resolve("healthy.zip"));
        Files.write(plugins.resolve("truncated.zip"), java.util.Arrays.copyOf(real, real.length - 30));
        assertEquals("empty.zip is empty", loadExpectingFailure("empty.zip").reason());
        assertTrue(loadExpectingFailure("zero.zip").reason().startsWith("zero.zip is not a readable zip ("));
        assertTrue(loadExpectingFailure("zero.jar").reason().startsWith("zero.jar is not a readable jar: "));
        assertTrue(loadExpectingFailure("truncated.zip").reason().startsWith("truncated.zip is not a readable zip ("));
    }

    @Test
    void bundledClassesInJdkPackagesAreNeverDefined() throws Exception {
        Path dir = new Plugins(tmp).plugin("sneaky").directory(plugins);
        Map<String, byte[]> fake = new HashMap<>();
        fake.put("java/lang/Sneaky.class", Files.readAllBytes(
                Path.of(Greeter.class.getResource("Greeter.class").toURI())));
        TestPlugin.Jars.write(Files.createDirectories(dir.resolve("lib")).resolve("sneaky.jar"), fake, null);
        try (PluginRuntime runtime = builder().build()) {
            ClassLoader loader = runtime.plugin("sneaky").orElseThrow().classLoader();
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("java.lang.Sneaky"));
        }
    }
}
