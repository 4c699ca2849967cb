package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.CODEC;
import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.format.Version;
import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Codec;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveFormatsTest {

    @TempDir
    Path tmp;

    private PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private Plugins.Spec hello(String id, String text) {
        String cls = id + ".Hello";
        return new Plugins(tmp).plugin(id).java(cls, greeter(cls, text)).extension(GREETER, cls, 0);
    }

    @Test
    void loadsAZipASingleJarAndAnExplodedDirectory() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = TestPlugin.Jars.write(tmp.resolve("l.jar"),
                TestPlugin.in(tmp, "l").java("libz.L", "package libz; public class L {}").classEntries(), null);
        hello("zipped", "from zip").library("l.jar", lib).zip(dir);
        hello("jarred", "from jar").jar(dir);
        hello("exploded", "from dir").library("l.jar", lib).directory(dir);
        Files.writeString(dir.resolve("README.txt"), "not a plugin");
        Files.createDirectories(dir.resolve("config"));
        try (PluginRuntime runtime = runtime(dir)) {
            assertEquals(List.of("from dir", "from jar", "from zip"),
                    runtime.extensions(Greeter.class).stream().map(Greeter::greet).sorted().toList());
            assertEquals(PluginFormat.GRAFT_ZIP, runtime.plugin("zipped").orElseThrow().format());
            assertEquals(PluginFormat.GRAFT_JAR, runtime.plugin("jarred").orElseThrow().format());
            assertEquals(PluginFormat.GRAFT_DIRECTORY, runtime.plugin("exploded").orElseThrow().format());
            assertTrue(runtime.plugin("jarred").orElseThrow().libraryLoader().isEmpty());
            assertEquals("libz.L", runtime.plugin("exploded").orElseThrow().classLoader().loadClass("libz.L").getName());
            assertEquals(3, runtime.plugins().size(), "README.txt and config/ are not plugins");
        }
    }

    /**
     * One stat per folder entry decides what is a plugin: hidden entries, special files and
     * directories without plugin content are left out silently; an archive that cannot be read is
     * reported.
     */
    @Test
    void aFolderEntryIsOpenedOnlyWhenItIsAPlugin() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        hello("visible", "visible").zip(dir);
        Path staging = Files.createDirectories(tmp.resolve("staging"));
        Files.move(hello("hidden", "hidden").zip(staging), dir.resolve(".hidden.zip"));
        Files.move(hello("named", "a directory named like a zip").directory(staging), dir.resolve("named.zip"));
        Files.createDirectories(dir.resolve("empty.zip"));
        Files.createSymbolicLink(dir.resolve("gone.zip"), tmp.resolve("nowhere.zip"));
        // where mkfifo is missing the rest still holds
        new ProcessBuilder("mkfifo", dir.resolve("pipe.zip").toString()).start().waitFor();
        try (PluginRuntime runtime = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(30), () -> runtime(dir), "a named pipe is never opened")) {
            assertEquals(List.of("a directory named like a zip", "visible"),
                    runtime.extensions(Greeter.class).stream().map(Greeter::greet).sorted().toList());
            assertEquals(PluginFormat.GRAFT_DIRECTORY, runtime.plugin("named").orElseThrow().format());
            List<PluginStatus> failed = runtime.plugins().stream()
                    .filter(st -> st.state() == PluginState.FAILED).toList();
            assertEquals(1, failed.size(), failed.toString());
            assertEquals(dir.resolve("gone.zip"), failed.get(0).source());
            assertTrue(failed.get(0).reason().contains("gone.zip"), failed.get(0).reason());
            assertEquals(3, runtime.plugins().size(), "hidden, empty.zip/ and the pipe are not plugins: "
                    + runtime.plugins());
        }
    }

    /** Zips up to 64 KiB are read whole into memory, larger ones through ZipFile: both serve the same. */
    @Test
    void zipsReadWholeAndZipsReadThroughZipFileServeTheSame() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        byte[] noise = new byte[100_000];
        new java.util.Random(7).nextBytes(noise);
        hello("small", "small").resource("data/blob.bin", new byte[] {1, 2, 3}).zip(dir);
        hello("large", "large").resource("data/blob.bin", noise).zip(dir);
        assertTrue(Files.size(dir.resolve("small.zip")) < 64 * 1024);
        assertTrue(Files.size(dir.resolve("large.zip")) > 64 * 1024);
        try (PluginRuntime runtime = runtime(dir)) {
            assertEquals(List.of("large", "small"),
                    runtime.extensions(Greeter.class).stream().map(Greeter::greet).sorted().toList());
            for (String id : List.of("small", "large")) {
                ClassLoader loader = runtime.plugin(id).orElseThrow().classLoader();
                try (var in = loader.getResourceAsStream("data/blob.bin")) {
                    assertEquals(id.equals("small") ? 3 : noise.length, in.readAllBytes().length, id);
                }
                URL url = loader.getResource("data/blob.bin");
                assertTrue(url.toExternalForm().endsWith(id + ".zip!/classes/data/blob.bin"), url.toExternalForm());
                try (var in = url.openStream()) {
                    assertEquals(id.equals("small") ? 3 : noise.length, in.readAllBytes().length, id);
                }
            }
        }
    }

    private Path pf4jAnnotation() {
        return TestPlugin.in(tmp, "pf4j-api").java("org.pf4j.Extension", "package org.pf4j;"
                + " @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                + " public @interface Extension { int ordinal() default 0; }").classes();
    }

    private TestPlugin pf4jPlugin(String name) {
        return TestPlugin.in(tmp, name).classpath(pf4jAnnotation())
                .java("p4.Base", "package p4; public abstract class Base implements dev.graft.loader.fixture.api.Greeter {}")
                .java("p4.Late", "package p4; @org.pf4j.Extension(ordinal = 9) public class Late extends Base {"
                        + " public String greet() { return \"late\"; } }")
                .java("p4.Early", "package p4; @org.pf4j.Extension(ordinal = 1) public class Early extends Base {"
                        + " public String greet() { return \"early\"; } }")
                .java("p4.Rot", "package p4; @org.pf4j.Extension public class Rot implements"
                        + " dev.graft.loader.fixture.api.Codec { public String encode(String s) { return s; } }")
                // pf4j's marker, as a plugin compiled against pf4j sees it
                .java("org.pf4j.ExtensionPoint", "package org.pf4j; public interface ExtensionPoint {}")
                .java("p4.Hook", "package p4; public interface Hook extends org.pf4j.ExtensionPoint {}")
                .java("p4.Hooked", "package p4; @org.pf4j.Extension public class Hooked implements Hook {}")
                .resource("META-INF/extensions.idx", "# Generated by PF4J\np4.Late\np4.Early\np4.Rot\np4.Hooked\n");
    }

    @Test
    void readsPf4jJarsAndFindsPointsWithoutLoadingOtherExtensions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Map<String, byte[]> entries = pf4jPlugin("legacy").classEntries();
        TestPlugin.Jars.write(dir.resolve("legacy.jar"), entries, Map.of("Plugin-Id", "legacy", "Plugin-Version", "0.3",
                "Plugin-Requires", ">=0.9.0 & <2.0.0", "Plugin-Class", "p4.Ignored"));
        try (PluginRuntime runtime = runtime(dir)) {
            LoadedPlugin legacy = runtime.plugin("legacy").orElseThrow();
            assertEquals(Version.parse("0.3.0"), legacy.version());
            assertEquals(PluginFormat.PF4J_JAR, legacy.format());
            assertEquals("jar (pf4j)", legacy.format().toString());
            assertEquals(List.of("early", "late"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList(),
                    "ordinals come from @org.pf4j.Extension");
            PluginClassLoader loader = (PluginClassLoader) legacy.classLoader();
            assertFalse(loader.hasLoaded("p4.Rot"), "finding Greeter read class files but defined no Codec");
            assertEquals(1, runtime.extensions(Codec.class).size());
            assertTrue(runtime.points().containsAll(List.of(GREETER, CODEC, "p4.Base", "p4.Hook")), runtime.points().toString());
            assertFalse(runtime.points().contains("org.pf4j.ExtensionPoint"), "pf4j's marker interface is no point");
            assertFalse(runtime.points().contains("java.lang.Object"), "nor is Object");
        }
    }

    @Test
    void readsPf4jZipsWithPluginProperties() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        TestPlugin plugin = pf4jPlugin("props").resource("plugin.properties", "plugin.id=props\nplugin.version=1.2.0\n"
                + "plugin.dependencies=other?@>=1.0.0\n");
        plugin.classes();
        // plugin.properties belongs at the zip's root in pf4j's zip layout
        Path zip = dir.resolve("props.zip");
        Map<String, byte[]> root = new HashMap<>();
        plugin.classEntries().forEach((path, bytes) -> root.put(path.equals("plugin.properties") ? path : "classes/" + path, bytes));
        TestPlugin.Jars.write(zip, root, null);
        try (PluginRuntime runtime = runtime(dir)) {
            LoadedPlugin props = runtime.plugin("props").orElseThrow();
            assertEquals(PluginFormat.PF4J_ZIP, props.format());
            assertEquals("zip (pf4j)", props.format().toString());
            assertEquals("other?@>=1.0.0", props.manifest().dependencies().get(0).toString());
            assertEquals(2, runtime.extensions(Greeter.class).size());
        }
    }

    @Test
    void sharesOneExtractedCopyOfIdenticalLibrariesOfOneName() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = TestPlugin.Jars.write(tmp.resolve("same.jar"),
                TestPlugin.in(tmp, "same").java("same.S", "package same; public class S {}").classEntries(), null);
        hello("first", "1").library("same.jar", lib).zip(dir);
        hello("second", "2").library("same.jar", lib).zip(dir);
        hello("third", "3").library("renamed.jar", lib).zip(dir);
        Path cache = tmp.resolve("cache");
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .cache(cache, 1 << 20).build()) {
            assertEquals(3, runtime.loadedPlugins().size());
            try (Stream<Path> files = Files.list(cache)) {
                List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".lock")).sorted()
                        .toList();
                assertEquals(2, names.size(), "one copy per name: " + names);
                assertTrue(names.get(0).matches("renamed-[0-9a-f]{64}\\.jar"), names.get(0));
                assertEquals(names.get(0).substring("renamed-".length()), names.get(1).substring("same-".length()),
                        "the same content, so the same hash");
            }
        }
    }

    private static List<String> openFiles() throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    open.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return open;
    }

    @Test
    void closingReleasesEveryFileHandleAndTheLoaders() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc to list open files");
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = TestPlugin.Jars.write(tmp.resolve("lib.jar"),
                TestPlugin.in(tmp, "lib").java("held.H", "package held; public class H {}").classEntries(), null);
        hello("held", "h").library("lib.jar", lib).resource("held/data.txt", "data").zip(dir);
        PluginRuntime runtime = runtime(dir);
        ClassLoader loader = runtime.plugin("held").orElseThrow().classLoader();
        loader.loadClass("held.H");
        try (var in = loader.getResource("held/data.txt").openStream()) {
            in.read();
        }
        runtime.extensions(Greeter.class);
        String root = tmp.toRealPath().toString();
        assertTrue(openFiles().stream().anyMatch(f -> f.startsWith(root)), "files are open while loaded");
        WeakReference<ClassLoader> ref = new WeakReference<>(loader);
        loader = null;
        runtime.close();
        assertEquals(List.of(), openFiles().stream().filter(f -> f.startsWith(root)).toList());
        for (int i = 0; i < 20 && ref.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, ref.get(), "the plugin's loader is collectable once the runtime is closed");
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        assertFalse(Files.exists(dir));
    }

    @Test
    void extensionIndexReadsOnlyTheLoadersOwnIndex() throws Exception {
        Path parentJar = hello("parent", "parent").jar(Files.createDirectories(tmp.resolve("a")));
        Path childJar = hello("child", "child").jar(Files.createDirectories(tmp.resolve("b")));
        try (URLClassLoader parent = new URLClassLoader(new URL[] {parentJar.toUri().toURL()}, getClass().getClassLoader());
                URLClassLoader child = new URLClassLoader(new URL[] {childJar.toUri().toURL()}, parent)) {
            ExtensionIndex index = ExtensionIndex.read(child);
            assertEquals(java.util.Optional.empty(), index.pluginId(), "no plugin: empty, not null");
            assertEquals(java.util.Optional.empty(), index.entries(GREETER).get(0).pluginId());
            assertEquals(List.of("child.Hello"), index.entries(GREETER).stream().map(ExtensionEntry::className).toList());
            assertEquals("child", index.entries(Greeter.class).get(0).instance(Greeter.class).greet());
            assertTrue(index.entries(Greeter.class).get(0).isCreated());
            assertEquals(List.of("parent.Hello"),
                    ExtensionIndex.read(parent).entries(GREETER).stream().map(ExtensionEntry::className).toList());
        }
    }

    @Test
    void extensionIndexOfARuntimeLoaderIsTheRuntimesIndex() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        hello("shared", "s").zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            Greeter viaRuntime = runtime.extensions(Greeter.class).get(0);
            ExtensionIndex index = ExtensionIndex.read(runtime.plugin("shared").orElseThrow().classLoader());
            assertEquals(java.util.Optional.of("shared"), index.pluginId());
            assertEquals(java.util.Optional.of("shared"), index.entries(Greeter.class).get(0).pluginId());
            assertTrue(viaRuntime == index.entries(Greeter.class).get(0).instance(Greeter.class), "one instance");
        }
    }
}
