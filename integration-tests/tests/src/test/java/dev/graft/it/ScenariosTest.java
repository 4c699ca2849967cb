package dev.graft.it;

import static dev.graft.it.ScenarioPlugins.archive;
import static dev.graft.it.ScenarioPlugins.folder;
import static dev.graft.it.ScenarioPlugins.host;
import static dev.graft.it.ScenarioPlugins.reports;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.it.host.Probe;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginFormat;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginState;
import dev.graft.loader.PluginStatus;
import dev.graft.loader.classloading.PluginClassLoader;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scenarios that break plugin systems in practice, one test each, on plugins the build packaged. */
class ScenariosTest {

    @TempDir
    Path tmp;

    private static Map<String, PluginStatus> statuses(PluginRuntime runtime) {
        return runtime.plugins().stream().collect(Collectors.toMap(PluginStatus::name, s -> s, (a, b) -> a));
    }

    @Test
    void scenario1_twoPluginsBundleDifferentKotlinVersionsAndEachSeesItsOwn() {
        try (PluginRuntime runtime = host(folder(tmp, "kotlin-old", "kotlin-new")).build()) {
            Map<String, String> reports = reports(runtime);
            assertEquals(System.getProperty("kotlin.old.version") + " uuid=false loader=graft:kotlin-old:lib",
                    reports.get("kotlin-old"));
            assertEquals(System.getProperty("kotlin.new.version")
                    + " uuid=00000000-0000-0000-0000-00000000002a loader=graft:kotlin-new:lib", reports.get("kotlin-new"));
        }
    }

    @Test
    void scenario2_theApiPluginReceivesItsDependentsExtensionThroughOneInterfaceClass() throws Exception {
        try (PluginRuntime runtime = host(folder(tmp, "greetings-fr", "greetings")).build()) {
            assertEquals(List.of("greetings", "greetings-fr"), runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList());
            assertEquals("Bonjour Graft sameClass=true from=graft:greetings-fr", reports(runtime).get("greetings"));
            Class<?> point = runtime.plugin("greetings").orElseThrow().classLoader()
                    .loadClass("dev.graft.it.greetings.api.Salutation");
            Object bonjour = runtime.extensions(point).get(0);
            assertTrue(point.isInstance(bonjour));
            assertEquals(runtime.plugin("greetings").orElseThrow().classLoader(), point.getClassLoader());
        }
    }

    /** A host loader that records every class plugins ask it for. */
    private static final class RecordingLoader extends ClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        RecordingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void scenario3_anOptionalIntegrationIsActiveOnceWithItsPluginAndNeverLoadedWithout() throws Exception {
        try (PluginRuntime runtime = host(folder(tmp.resolve("with"), "player", "lyrics")).build()) {
            List<String> names = runtime.extensions(Probe.class).stream().map(Probe::name).toList();
            assertEquals(List.of("player", "player+lyrics"), names, "active exactly once");
            assertEquals("la la song", reports(runtime).get("player+lyrics"));
        }
        RecordingLoader recording = new RecordingLoader(getClass().getClassLoader());
        try (PluginRuntime runtime = host(folder(tmp.resolve("without"), "player")).hostClassLoader(recording).build()) {
            assertEquals(PluginState.LOADED, statuses(runtime).get("player").state());
            assertEquals(Map.of("player", "playing"), reports(runtime), "the plugin's other extensions work");
            ExtensionStatus skipped = runtime.describe(Probe.class.getName()).get(1);
            assertEquals(ExtensionStatus.State.SKIPPED, skipped.state());
            assertEquals("needs plugin 'lyrics'@>=0.1.0-0 <1.0.0, which is not installed", skipped.reason());
            PluginClassLoader player = (PluginClassLoader) runtime.plugin("player").orElseThrow().classLoader();
            assertFalse(player.hasLoaded("dev.graft.it.player.LyricsIntegration"));
            assertEquals(List.of(), recording.requested.stream().filter(n -> n.startsWith("dev.graft.it.lyrics")).toList(),
                    "no class of lyrics is requested");
        }
    }

    @Test
    void scenario4_libraryServiceLoadersWorkInsideAPlugin() throws Exception {
        try (PluginRuntime runtime = host(folder(tmp, "services")).build()) {
            String lookups = "slf4j=org.slf4j.simple.SimpleLoggerFactory slf4jFrom=graft:services:lib jacksonModules=[Jdk8Module]";
            assertEquals("context[" + lookups + "] plugin[" + lookups + "]", reports(runtime).get("services"));
            Class<?> pluginFactory = runtime.plugin("services").orElseThrow().classLoader().loadClass("org.slf4j.LoggerFactory");
            assertNotSame(org.slf4j.LoggerFactory.class, pluginFactory, "the host's older SLF4J stays the host's");
        }
    }

    @Test
    void scenario5_theHostsSharedApiWinsOverACopyThePluginBundles() throws Exception {
        try (ZipFile zip = new ZipFile(archive("bundled-api").toFile())) {
            assertTrue(zip.stream().anyMatch(e -> e.getName().matches("lib/graft-it-host-api-.*\\.jar")),
                    "the plugin really bundles the API");
        }
        try (PluginRuntime runtime = host(folder(tmp, "bundled-api")).build()) {
            List<Probe> probes = runtime.extensions(Probe.class);
            assertEquals(1, probes.size(), "its extension implements the host's Probe");
            assertEquals("probe from " + Probe.class.getClassLoader(), probes.get(0).report(ScenarioPlugins.hostOf(runtime)));
            PluginClassLoader lib = (PluginClassLoader) runtime.plugin("bundled-api").orElseThrow().libraryLoader().orElseThrow();
            assertFalse(lib.hasLoaded(Probe.class.getName()));
        }
    }

    private static final String[] HEALTHY = {"kotlin-old", "kotlin-new", "greetings", "greetings-fr", "lyrics", "player",
        "services", "single", "pf4j-legacy"};

    @Test
    void scenario6_shuffledFolderListingsGiveIdenticalLoadAndExtensionOrder() throws Exception {
        Random random = new Random(6);
        List<String> expected = null;
        for (int round = 0; round < 5; round++) {
            Path folder = Files.createDirectories(tmp.resolve("round" + round));
            List<String> modules = new ArrayList<>(List.of(HEALTHY));
            Collections.shuffle(modules, random);
            for (String m : modules) {
                Path archive = archive(m);
                String ext = archive.getFileName().toString().substring(archive.getFileName().toString().lastIndexOf('.'));
                Files.copy(archive, folder.resolve(random.nextInt(1_000_000) + "-" + m + ext));
            }
            try (PluginRuntime runtime = host(folder).build()) {
                List<String> observed = new ArrayList<>();
                runtime.loadedPlugins().forEach(p -> observed.add("load " + p.id()));
                runtime.extensions(Probe.class).forEach(p -> observed.add("probe " + p.getClass().getName()));
                assertEquals(HEALTHY.length, runtime.loadedPlugins().size());
                if (expected == null) {
                    expected = observed;
                }
                assertEquals(expected, observed, "round " + round);
            }
        }
    }

    @Test
    void scenario7_failuresStayIsolatedAndEachIsReported() throws Exception {
        Path folder = folder(tmp, "greetings", "greetings-fr", "player", "needs-ghost", "cycle-a", "cycle-b", "throwing");
        Files.write(folder.resolve("corrupt.zip"), new byte[] {'P', 'K', 3, 4, 'n', 'o', 't', ' ', 'a', ' ', 'z', 'i', 'p'});
        byte[] real = Files.readAllBytes(archive("lyrics"));
        Files.write(folder.resolve("truncated.zip"), java.util.Arrays.copyOf(real, real.length / 2));
        try (PluginRuntime runtime = host(folder).build()) {
            Map<String, PluginStatus> s = statuses(runtime);
            assertEquals("plugin 'needs-ghost' (graft-it-needs-ghost.zip) requires ghost@^1.0.0, which is not installed",
                    s.get("needs-ghost").reason());
            assertEquals("plugin 'cycle-a' (graft-it-cycle-a.zip) is in a dependency cycle: cycle-a -> cycle-b -> cycle-a",
                    s.get("cycle-a").reason());
            assertEquals("plugin 'cycle-b' (graft-it-cycle-b.zip) is in a dependency cycle: cycle-a -> cycle-b -> cycle-a",
                    s.get("cycle-b").reason());
            for (String broken : List.of("corrupt.zip", "truncated.zip")) {
                assertEquals(PluginState.FAILED, s.get(broken).state());
                assertTrue(s.get(broken).reason().startsWith(broken + " is not a readable zip ("), s.get(broken).reason());
            }
            for (String healthy : List.of("greetings", "greetings-fr", "player", "throwing")) {
                assertEquals(PluginState.LOADED, s.get(healthy).state(), healthy);
            }
            assertEquals(List.of("greetings", "player", "steady"),
                    runtime.extensions(Probe.class).stream().map(Probe::name).toList());
            ExtensionStatus broken = runtime.describe(Probe.class.getName()).stream()
                    .filter(e -> e.className().endsWith("BrokenProbe")).findFirst().orElseThrow();
            assertEquals(ExtensionStatus.State.FAILED, broken.state());
            assertEquals("extension dev.graft.it.throwing.BrokenProbe of plugin 'throwing' could not be created: its"
                    + " constructor threw java.lang.IllegalStateException: no configuration for broken-probe", broken.reason());
        }
    }

    @Test
    void scenario8_legacySingleJarAndPf4jPluginsLoadNextToNewFormatPlugins() {
        try (PluginRuntime runtime = host(folder(tmp, "single", "pf4j-legacy", "player")).build()) {
            assertEquals(PluginFormat.GRAFT_JAR, runtime.plugin("single").orElseThrow().format());
            assertEquals(PluginFormat.PF4J_JAR, runtime.plugin("pf4j-legacy").orElseThrow().format());
            assertEquals("0.3.1", runtime.plugin("pf4j-legacy").orElseThrow().version().toString());
            assertEquals(PluginFormat.GRAFT_ZIP, runtime.plugin("player").orElseThrow().format());
            Map<String, String> reports = reports(runtime);
            assertEquals("from graft:single", reports.get("single"));
            assertEquals("pf4j extension from graft:pf4j-legacy", reports.get("pf4j-legacy"));
            assertEquals("playing", reports.get("player"));
        }
    }

    private static List<String> openFilesUnder(Path root) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith(root.toString())) {
                        open.add(target);
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return open;
    }

    @Test
    void scenario9_closingReleasesEveryFileHandleAndThePluginsLoaders() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc to list open files");
        Path folder = folder(tmp, "services", "kotlin-new", "greetings", "greetings-fr");
        Path root = folder.toRealPath();
        PluginRuntime runtime = host(folder).build();
        assertEquals(4, runtime.loadedPlugins().size());
        assertEquals(List.of("greetings", "kotlin-new", "services"), List.copyOf(reports(runtime).keySet()),
                "every plugin's classes and libraries are in use");
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (LoadedPlugin p : runtime.loadedPlugins()) {
            loaders.add(new WeakReference<>(p.classLoader()));
            p.libraryLoader().ifPresent(l -> loaders.add(new WeakReference<>(l)));
        }
        assertFalse(openFilesUnder(root).isEmpty(), "archives are open while plugins are loaded");
        runtime.close();
        assertEquals(List.of(), openFilesUnder(root));
        runtime = null;
        for (int i = 0; i < 50 && loaders.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(0, loaders.stream().filter(r -> r.get() != null).count(), "every loader was collected");
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        assertFalse(Files.exists(folder));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void thePackagedZipKeepsEveryByteOfEveryBundledJar() throws Exception {
        Path bundled = Path.of(System.getProperty("bundled.jars", "target/bundled-jars"));
        Map<String, String> expected = Map.of(
                "services", "slf4j-simple-" + System.getProperty("slf4j.simple.version", "2.0.17") + ".jar",
                "kotlin-new", "kotlin-stdlib-" + System.getProperty("kotlin.new.version") + ".jar");
        int compared = 0;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            try (ZipFile zip = new ZipFile(archive(e.getKey()).toFile())) {
                byte[] inZip = zip.getInputStream(zip.getEntry("lib/" + e.getValue())).readAllBytes();
                byte[] original = Files.readAllBytes(bundled.resolve(e.getValue()));
                assertEquals(sha256(original), sha256(inZip), e.getValue());
                compared++;
            }
        }
        try (ZipFile zip = new ZipFile(archive("services").toFile())) {
            for (String jar : List.of("jackson-databind-" + System.getProperty("jackson.version", "2.18.2") + ".jar")) {
                assertArrayEquals(Files.readAllBytes(bundled.resolve(jar)),
                        zip.getInputStream(zip.getEntry("lib/" + jar)).readAllBytes(), jar);
                compared++;
            }
        }
        assertEquals(3, compared);
    }
}
