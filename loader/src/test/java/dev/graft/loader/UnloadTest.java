package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnloadTest {

    @TempDir
    Path tmp;

    private static void collect(List<WeakReference<?>> refs) throws InterruptedException {
        for (int i = 0; i < 50 && refs.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
    }

    @Test
    void unloadingAPluginUnloadsItsDependentsFirstAndReleasesEverything() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = TestPlugin.Jars.write(tmp.resolve("l.jar"),
                TestPlugin.in(tmp, "l").java("lib.L", "package lib; public class L {}").classEntries(), null);
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec api = plugins.plugin("api").java("api.Api", "package api; public interface Api {}");
        api.library("l.jar", lib).zip(dir);
        plugins.plugin("user").dependency("api").classpath(api.classes())
                .java("user.Hello", "package user; public class Hello implements api.Api,"
                        + " dev.graft.loader.fixture.api.Greeter { public String greet() { return \"user\"; } }")
                .extension(GREETER, "user.Hello", 0).zip(dir);
        plugins.plugin("soft").dependency("api?").zip(dir);
        plugins.plugin("alone").java("a.Hi", greeter("a.Hi", "alone")).extension(GREETER, "a.Hi", 1).zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            assertEquals(List.of("user", "alone"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            List<WeakReference<?>> refs = new ArrayList<>();
            List<PluginClassLoader> loaders = new ArrayList<>();
            for (String id : List.of("api", "user", "soft")) {
                LoadedPlugin p = runtime.plugin(id).orElseThrow();
                loaders.add((PluginClassLoader) p.classLoader());
                refs.add(new WeakReference<>(p.classLoader()));
                p.libraryLoader().ifPresent(l -> refs.add(new WeakReference<>(l)));
            }
            assertEquals(4, refs.size());

            assertEquals(List.of("user", "soft", "api"), runtime.unloadOrder("api"), "asked before, nothing unloaded yet");
            assertEquals(List.of("alone"), runtime.unloadOrder("alone"));
            assertEquals(List.of(), runtime.unloadOrder("ghost"));
            assertTrue(loaders.stream().noneMatch(PluginClassLoader::isClosed));
            assertEquals(List.of("user", "soft", "api"), runtime.unload("api"), "dependents first, in reverse load order");
            assertTrue(loaders.stream().allMatch(PluginClassLoader::isClosed));
            ClassNotFoundException gone = assertThrows(ClassNotFoundException.class,
                    () -> loaders.get(1).loadClass("user.Hello$Missing"));
            assertTrue(gone.getMessage().contains("plugin 'user' was unloaded"), gone.getMessage());
            ClassNotFoundException elsewhere = assertThrows(ClassNotFoundException.class,
                    () -> loaders.get(1).loadClass("dev.graft.loader.fixture.HostOnly"),
                    "a class it never loaded, that host fallback would have found");
            assertTrue(elsewhere.getMessage().contains("plugin 'user' was unloaded"), elsewhere.getMessage());
            assertSame(java.util.concurrent.ConcurrentSkipListMap.class,
                    loaders.get(1).loadClass("java.util.concurrent.ConcurrentSkipListMap"),
                    "an instance kept from the plugin still reaches the JDK's classes");
            IllegalStateException resource = assertThrows(IllegalStateException.class,
                    () -> loaders.get(1).getResource("user/data.txt"));
            assertTrue(resource.getMessage().contains("plugin 'user' was unloaded"), resource.getMessage());
            java.io.IOException resources = assertThrows(java.io.IOException.class,
                    () -> loaders.get(1).getResources("user/data.txt"));
            assertTrue(resources.getMessage().contains("plugin 'user' was unloaded"), resources.getMessage());
            Map<String, PluginStatus> s = runtime.plugins().stream()
                    .collect(Collectors.toMap(PluginStatus::name, x -> x, (a, b) -> a));
            assertEquals(PluginState.UNLOADED, s.get("api").state());
            assertEquals("unloaded by the host", s.get("api").reason());
            assertEquals("depends on 'api', which was unloaded", s.get("user").reason());
            assertEquals(PluginState.LOADED, s.get("alone").state());
            assertEquals(List.of("alone"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());

            loaders.clear();
            collect(refs);
            assertEquals(0, refs.stream().filter(r -> r.get() != null).count(), "the unloaded loaders were collected");
            for (String f : List.of("api.zip", "user.zip", "soft.zip")) {
                Files.delete(dir.resolve(f));
            }
            assertEquals(List.of(), runtime.unload("api"), "unloading what is not loaded does nothing");
        }
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void aHundredLoadUnloadCyclesGrowNeitherTheHeapNorTheOpenFiles() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc to count open files");
        Path stable = Files.createDirectories(tmp.resolve("stable"));
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        TestPlugin big = TestPlugin.in(tmp, "l").java("cyc.L", "package cyc; public class L {"
                + " public static final byte[] BIG = new byte[1 << 20]; }");
        Path lib = TestPlugin.Jars.write(tmp.resolve("l.jar"), big.classEntries(), null);
        Path cycled = new Plugins(tmp).plugin("cycled").library("l.jar", lib).classpath(big.classes())
                .java("cyc.Hello", "package cyc; public class Hello implements dev.graft.loader.fixture.api.Greeter {"
                        + " final byte[] big = L.BIG; public String greet() { return \"cycled\"; } }")
                .extension(GREETER, "cyc.Hello", 0).zip(extra);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(stable).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").cache(tmp.resolve("cache"), 1 << 30).build()) {
            long filesAt10 = 0;
            long heapAt10 = 0;
            WeakReference<ClassLoader> last = null;
            for (int cycle = 1; cycle <= 100; cycle++) {
                assertEquals(PluginState.LOADED, runtime.load(cycled).get(0).state());
                assertEquals("cycled", runtime.extensions(Greeter.class).get(0).greet());
                last = new WeakReference<>(runtime.plugin("cycled").orElseThrow().classLoader());
                assertEquals(List.of("cycled"), runtime.unload("cycled"));
                if (cycle == 10) {
                    filesAt10 = openFiles();
                    heapAt10 = usedHeap();
                }
            }
            long files = openFiles();
            long heap = usedHeap();
            assertTrue(files <= filesAt10 + 2, "open files: " + filesAt10 + " after 10 cycles, " + files + " after 100");
            assertTrue(heap - heapAt10 < 8L << 20, "heap: " + heapAt10 + " after 10 cycles, " + heap + " after 100;"
                    + " each cycle's plugin holds 1 MiB, so a leak of one per cycle would show 90 MiB");
            List<WeakReference<?>> refs = List.of(last);
            collect(refs);
            assertFalse(last.get() != null, "the last cycle's loader was collected");
            try (Stream<Path> all = Files.walk(extra)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            assertFalse(Files.exists(extra), "the plugin files can be deleted");
        }
    }

    @Test
    void plugins_showsOneCurrentRowPerPluginAcrossUnloadsAndLoads() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        Path a = plugins.plugin("a").java("a.Hi", greeter("a.Hi", "a")).extension(GREETER, "a.Hi", 0).zip(dir);
        plugins.plugin("b").java("b.Hi", greeter("b.Hi", "b")).extension(GREETER, "b.Hi", 1).zip(dir);
        Files.writeString(dir.resolve("broken.zip"), "not a zip");
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            java.util.function.Supplier<List<String>> rows = () -> runtime.plugins().stream()
                    .map(st -> st.name() + " " + st.state()).toList();
            assertEquals(List.of("a LOADED", "b LOADED", "broken.zip FAILED"), rows.get());
            runtime.unload("a");
            assertEquals(List.of("b LOADED", "a UNLOADED", "broken.zip FAILED"), rows.get(),
                    "loaded ones in load order, then the others by name");
            runtime.load(a);
            assertEquals(List.of("b LOADED", "a LOADED", "broken.zip FAILED"), rows.get(), "one row for 'a', its current one");
            runtime.unload("a");
            Files.writeString(a, "now broken");
            runtime.load(a);
            assertEquals(1, runtime.plugins().stream().filter(st -> st.source().equals(a)).count(),
                    "a failed load of the same file replaces its row too: " + rows.get());
        }
    }
}
