package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.CODEC;
import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Codec;
import dev.graft.loader.fixture.api.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeExtensionsTest {

    @TempDir
    Path tmp;

    private Path pluginDir() throws Exception {
        return Files.createDirectories(tmp.resolve("plugins"));
    }

    private PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void findsAndCreatesTheExtensionsOfAPointInOrder() throws Exception {
        Path dir = pluginDir();
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("beta")
                .java("b.Second", greeter("b.Second", "second"))
                .java("b.First", greeter("b.First", "first"))
                .extension(GREETER, "b.Second", 5)
                .extension(GREETER, "b.First", -1)
                .zip(dir);
        plugins.plugin("alpha")
                .java("a.Tie", greeter("a.Tie", "tie-alpha"))
                .extension(GREETER, "a.Tie", 5)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            List<String> greetings = runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList();
            assertEquals(List.of("first", "tie-alpha", "second"), greetings, "ordinal, then plugin id, then class");
            Greeter first = runtime.extensions(Greeter.class).get(0);
            assertTrue(first.getClass().getClassLoader() instanceof PluginClassLoader);
            assertEquals("graft:beta", first.getClass().getClassLoader().getName());
            assertSame(Greeter.class, runtime.extensions(Greeter.class).get(1).getClass().getInterfaces()[0],
                    "the shared API comes from the host");
        }
    }

    @Test
    void loadsOnlyTheClassesOfTheRequestedPoint() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("mixed")
                .java("m.Hello", greeter("m.Hello", "hi"))
                .java("m.Rot", "package m; public class Rot implements dev.graft.loader.fixture.api.Codec {"
                        + " public String encode(String s) { return s; } }")
                .extension(GREETER, "m.Hello", 0)
                .extension(CODEC, "m.Rot", 0)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            PluginClassLoader loader = (PluginClassLoader) runtime.plugin("mixed").orElseThrow().classLoader();
            assertEquals(1, runtime.entries(CODEC).size(), "listing the entries of a point...");
            assertFalse(loader.hasLoaded("m.Rot"), "...loads no class");
            assertEquals(1, runtime.extensions(Greeter.class).size());
            assertTrue(loader.hasLoaded("m.Hello"));
            assertFalse(loader.hasLoaded("m.Rot"), "a lookup of Greeter never loads the Codec extension");
            assertEquals(1, runtime.extensions(Codec.class).size());
            assertTrue(loader.hasLoaded("m.Rot"));
        }
    }

    @Test
    void skipsAnExtensionWhoseDependencyIsMissingWithoutLoadingIt() throws Exception {
        Path dir = pluginDir();
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("search").version("2.0.0").zip(dir);
        plugins.plugin("src")
                .dependency("lyrics?").dependency("search?")
                .java("s.Lyrics", greeter("s.Lyrics", "lyrics"))
                .java("s.Search", greeter("s.Search", "search"))
                .java("s.OldSearch", greeter("s.OldSearch", "old"))
                .java("s.Plain", greeter("s.Plain", "plain"))
                .extension(GREETER, "s.Lyrics", 0, "lyrics@^1.0.0")
                .extension(GREETER, "s.Search", 1, "search@^2.0.0")
                .extension(GREETER, "s.OldSearch", 2, "search@^1.0.0")
                .extension(GREETER, "s.Plain", 3)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            assertEquals(List.of("search", "plain"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            PluginClassLoader loader = (PluginClassLoader) runtime.plugin("src").orElseThrow().classLoader();
            assertFalse(loader.hasLoaded("s.Lyrics"));
            assertFalse(loader.hasLoaded("s.OldSearch"));
            List<ExtensionStatus> described = runtime.describe(GREETER);
            assertEquals(described, runtime.describe(Greeter.class), "the Class form is the String form");
            assertEquals(runtime.entries(GREETER), runtime.entries(Greeter.class));
            assertEquals(List.of("s.Search", "s.Plain"),
                    runtime.entries(Greeter.class).stream().map(ExtensionEntry::className).toList());
            assertEquals(ExtensionStatus.State.SKIPPED, described.get(0).state());
            assertEquals("needs plugin 'lyrics'@^1.0.0, which is not installed", described.get(0).reason());
            assertEquals(ExtensionStatus.State.ACTIVE, described.get(1).state());
            assertEquals("needs search@^1.0.0, but search 2.0.0 is installed", described.get(2).reason());
        }
    }

    @Test
    void logsTheReasonForASkippedExtensionAtDebugLevel() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("lonely").dependency("partner?")
                .java("l.Duet", greeter("l.Duet", "duet"))
                .extension(GREETER, "l.Duet", 0, "partner@^3.0.0")
                .zip(dir);
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("dev.graft.loader");
        List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                messages.add(r.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(r));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Level before = jul.getLevel();
        jul.setLevel(java.util.logging.Level.ALL);
        jul.addHandler(handler);
        try (PluginRuntime runtime = runtime(dir)) {
            assertEquals(List.of(), runtime.extensions(Greeter.class));
        } finally {
            jul.removeHandler(handler);
            jul.setLevel(before);
        }
        assertTrue(messages.contains("FINE skipping extension l.Duet of plugin 'lonely' for " + GREETER
                + ": needs plugin 'partner'@^3.0.0, which is not installed"), messages.toString());
    }

    @Test
    void reportsAThrowingConstructorOrInitialiserAndSkipsOnlyThatExtension() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("flaky")
                .java("f.Boom", "package f; public class Boom implements dev.graft.loader.fixture.api.Greeter {"
                        + " public Boom() { throw new IllegalStateException(\"no config\"); }"
                        + " public String greet() { return \"boom\"; } }")
                .java("f.Static", "package f; public class Static implements dev.graft.loader.fixture.api.Greeter {"
                        + " static { if (true) throw new RuntimeException(\"static boom\"); }"
                        + " public String greet() { return \"static\"; } }")
                .java("f.Fine", greeter("f.Fine", "fine"))
                .extension(GREETER, "f.Boom", 0)
                .extension(GREETER, "f.Static", 1)
                .extension(GREETER, "f.Fine", 2)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            List<Greeter> greeters = runtime.extensions(Greeter.class);
            assertEquals(List.of("fine"), greeters.stream().map(Greeter::greet).toList());
            assertEquals(greeters.size(), runtime.extensions(Greeter.class).size(), "asking again gives the same");
            List<ExtensionStatus> described = runtime.describe(GREETER);
            assertEquals(ExtensionStatus.State.FAILED, described.get(0).state());
            assertEquals("extension f.Boom of plugin 'flaky' could not be created: its constructor threw"
                    + " java.lang.IllegalStateException: no config", described.get(0).reason());
            assertEquals("extension f.Static of plugin 'flaky' could not be created: its static initialiser threw"
                    + " java.lang.RuntimeException: static boom", described.get(1).reason());
            assertEquals(ExtensionStatus.State.ACTIVE, described.get(2).state());
        }
    }

    @Test
    void createsEachExtensionOnceForEveryThreadAndPoint() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("single")
                .java("s.Both", "package s; public class Both implements dev.graft.loader.fixture.api.Greeter,"
                        + " dev.graft.loader.fixture.api.Codec {"
                        + " public static final java.util.concurrent.atomic.AtomicInteger CREATED ="
                        + " new java.util.concurrent.atomic.AtomicInteger();"
                        + " public Both() throws Exception { CREATED.incrementAndGet(); Thread.sleep(50); }"
                        + " public String greet() { return \"both\"; } public String encode(String s) { return s; } }")
                .extension(GREETER, "s.Both", 0)
                .extension(CODEC, "s.Both", 0)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            int threads = 16;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                boolean greeter = i % 2 == 0;
                results.add(pool.submit(() -> {
                    start.await();
                    return greeter ? runtime.extensions(Greeter.class).get(0) : runtime.extensions(Codec.class).get(0);
                }));
            }
            start.countDown();
            Set<Object> distinct = ConcurrentHashMap.newKeySet();
            for (Future<Object> f : results) {
                distinct.add(f.get());
            }
            pool.shutdown();
            assertEquals(1, distinct.size(), "one shared instance");
            Object instance = distinct.iterator().next();
            assertEquals(1, ((java.util.concurrent.atomic.AtomicInteger) instance.getClass().getField("CREATED")
                    .get(null)).get(), "the constructor ran once");
        }
    }

    @Test
    void usesTheHostsFactoryWithTheContextLoaderSet() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("made").java("m.Made", greeter("m.Made", "made")).extension(GREETER, "m.Made", 0).zip(dir);
        List<ClassLoader> contextLoaders = new ArrayList<>();
        ExtensionFactory factory = context -> {
            contextLoaders.add(Thread.currentThread().getContextClassLoader());
            return context.type().getConstructor().newInstance();
        };
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").extensionFactory(factory).build()) {
            runtime.extensions(Greeter.class);
            runtime.extensions(Greeter.class);
            assertEquals(1, contextLoaders.size(), "called once");
            assertSame(runtime.plugin("made").orElseThrow().classLoader(), contextLoaders.get(0));
            assertSame(before, Thread.currentThread().getContextClassLoader(), "restored afterwards");
        }
    }

    @Test
    void theFactoryIsToldThePluginOfEachClassItCreates() throws Exception {
        Path dir = pluginDir();
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("one").java("o.One", greeter("o.One", "one")).extension(GREETER, "o.One", 0).zip(dir);
        plugins.plugin("two").java("t.Two", greeter("t.Two", "two")).extension(GREETER, "t.Two", 1).zip(dir);
        List<ExtensionFactory.Context> asked = new ArrayList<>();
        ExtensionFactory factory = context -> {
            asked.add(context);
            return ExtensionFactory.CONSTRUCTOR.create(context);
        };
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").extensionFactory(factory).build()) {
            assertEquals(List.of("one", "two"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            assertEquals(List.of("o.One", "t.Two"), asked.stream().map(c -> c.type().getName()).toList());
            assertSame(runtime.plugin("one").orElseThrow(), asked.get(0).plugin());
            assertSame(runtime.plugin("two").orElseThrow(), asked.get(1).plugin());
            assertSame(asked.get(1).plugin().classLoader(), asked.get(1).type().getClassLoader(),
                    "the class is the plugin's own");
        }
    }

    @Test
    void aFactoryResultThatIsNotOfThePointFailsThatExtension() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("odd").java("o.Odd", greeter("o.Odd", "odd")).extension(GREETER, "o.Odd", 0).zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").extensionFactory(context -> "not a greeter").build()) {
            assertEquals(List.of(), runtime.extensions(Greeter.class));
            ExtensionStatus status = runtime.describe(Greeter.class).get(0);
            assertEquals(ExtensionStatus.State.FAILED, status.state());
            assertTrue(status.reason().startsWith("extension o.Odd of plugin 'odd' does not implement "
                    + GREETER), status.reason());
        }
    }

    @Test
    void aFactoryReturningNullIsReportedNotReturned() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("nul").java("n.N", greeter("n.N", "n")).extension(GREETER, "n.N", 0).zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").extensionFactory(context -> null).build()) {
            assertEquals(List.of(), runtime.extensions(Greeter.class));
            assertEquals("extension n.N of plugin 'nul': the extension factory returned null",
                    runtime.describe(GREETER).get(0).reason());
        }
    }

    @Test
    void anIndexThatNamesAClassOfTheWrongTypeFailsThatExtension() throws Exception {
        Path dir = pluginDir();
        new Plugins(tmp).plugin("stale")
                .java("s.NotAGreeter", "package s; public class NotAGreeter {}")
                .extension(GREETER, "s.NotAGreeter", 0)
                .extension(GREETER, "s.Missing", 1)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            assertEquals(List.of(), runtime.extensions(Greeter.class));
            List<ExtensionStatus> d = runtime.describe(GREETER);
            assertTrue(d.get(0).reason().startsWith("extension s.NotAGreeter of plugin 'stale' does not implement"
                    + " dev.graft.loader.fixture.api.Greeter"), d.get(0).reason());
            assertTrue(d.get(1).reason().startsWith("extension s.Missing of plugin 'stale' cannot be loaded:"),
                    d.get(1).reason());
        }
    }

    @Test
    void closedRuntimeRefusesLookups() throws Exception {
        PluginRuntime runtime = runtime(pluginDir());
        runtime.close();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> runtime.extensions(Greeter.class));
        assertEquals("the plugin runtime is closed", e.getMessage());
    }
}
