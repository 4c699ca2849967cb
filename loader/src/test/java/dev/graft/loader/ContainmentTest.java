package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.CODEC;
import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Codec;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.fixture.api.Hooks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a plugin's code does wrong stays that plugin's, or that extension's, failure. */
class ContainmentTest {

    @TempDir
    Path tmp;

    @AfterEach
    void resetHooks() {
        Hooks.onCreate(name -> { });
    }

    private PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void aStaticInitialiserThatThrowsAnErrorFailsItsExtensionTheSameWayOnEveryCall() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("fragile")
                .java("f.Broken", "package f; public class Broken implements dev.graft.loader.fixture.api.Greeter {"
                        + " static { if (true) throw new AssertionError(\"boom in static init\"); }"
                        + " public String greet() { return \"never\"; } }")
                .java("f.Fine", greeter("f.Fine", "fine"))
                .extension(GREETER, "f.Broken", 0)
                .extension(GREETER, "f.Fine", 1)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            for (int call = 0; call < 3; call++) {
                assertEquals(List.of("fine"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList(),
                        "call " + call + ": the healthy extension only, and nothing thrown");
                ExtensionStatus broken = runtime.describe(GREETER).get(0);
                assertEquals(ExtensionStatus.State.FAILED, broken.state());
                assertTrue(broken.reason().contains("AssertionError: boom in static init"), broken.reason());
                assertTrue(broken.reason().contains("f.Broken") && broken.reason().contains("fragile"), broken.reason());
            }
            ExtensionEntry entry = runtime.entries(GREETER).get(0);
            ExtensionException first = assertThrows(ExtensionException.class, () -> entry.instance(Greeter.class));
            assertSame(first, assertThrows(ExtensionException.class, () -> entry.instance(Greeter.class)),
                    "a failed extension reports the same failure on every later call");
        }
    }

    @Test
    void anIndexThatNamesAJdkOrHostClassFailsThatEntryInsteadOfMakingItAnExtension() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("claims")
                .java("c.Own", "package c; public class Own implements Runnable { public void run() { } }")
                .extension("java.lang.Runnable", "java.lang.Thread", 0)
                .extension("java.lang.Runnable", "c.Own", 1)
                .extension("java.lang.Object", "dev.graft.loader.fixture.HostOnly", 0)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            List<Runnable> runnables = runtime.extensions(Runnable.class);
            assertEquals(1, runnables.size(), "java.lang.Thread is not an extension of the plugin");
            assertEquals("c.Own", runnables.get(0).getClass().getName());
            ExtensionStatus thread = runtime.describe("java.lang.Runnable").get(0);
            assertEquals(ExtensionStatus.State.FAILED, thread.state());
            assertTrue(thread.reason().contains("java.lang.Thread") && thread.reason().contains("is not a class of the plugin")
                    && thread.reason().contains("bootstrap"), thread.reason());
            assertEquals(List.of(), runtime.extensions(Object.class), "a host class is not an extension of the plugin");
            ExtensionStatus host = runtime.describe("java.lang.Object").get(0);
            assertEquals(ExtensionStatus.State.FAILED, host.state());
            assertTrue(host.reason().contains("HostOnly") && host.reason().contains("is not a class of the plugin"),
                    host.reason());
        }
    }

    @Test
    void constructorsThatAskForEachOtherOnTwoThreadsFailInsteadOfDeadlocking() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("pair")
                .java("p.A", "package p; public class A implements dev.graft.loader.fixture.api.Greeter {"
                        + " public A() { dev.graft.loader.fixture.api.Hooks.created(\"A\"); }"
                        + " public String greet() { return \"a\"; } }")
                .java("p.B", "package p; public class B implements dev.graft.loader.fixture.api.Codec {"
                        + " public B() { dev.graft.loader.fixture.api.Hooks.created(\"B\"); }"
                        + " public String encode(String s) { return s; } }")
                .extension(GREETER, "p.A", 0)
                .extension(CODEC, "p.B", 0)
                .zip(dir);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (PluginRuntime runtime = runtime(dir)) {
            ExtensionEntry a = runtime.entries(GREETER).get(0);
            ExtensionEntry b = runtime.entries(CODEC).get(0);
            CyclicBarrier bothInside = new CyclicBarrier(2);
            Hooks.onCreate(name -> {
                try {
                    bothInside.await(30, TimeUnit.SECONDS); // both constructors are running now
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                if (name.equals("A")) {
                    b.instance(Codec.class);
                } else {
                    a.instance(Greeter.class);
                }
            });
            Future<?> creatingA = pool.submit(() -> a.instance(Greeter.class));
            Future<?> creatingB = pool.submit(() -> b.instance(Codec.class));
            List<String> failures = new ArrayList<>();
            for (Future<?> f : List.of(creatingA, creatingB)) {
                try {
                    f.get(60, TimeUnit.SECONDS); // a liveness bound, not a speed measure: a deadlock never returns
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(chain(e.getCause()));
                }
            }
            assertTrue(failures.stream().anyMatch(m -> m.contains("circular creation across threads")
                    && m.contains("p.A") && m.contains("p.B")), failures.toString());
            assertTrue(a.failure().isPresent() || b.failure().isPresent(), "the failed creation is recorded");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aConstructorThatAsksForItselfFailsOnItsOwnThread() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("selfish")
                .java("s.Me", "package s; public class Me implements dev.graft.loader.fixture.api.Greeter {"
                        + " public Me() { dev.graft.loader.fixture.api.Hooks.created(\"Me\"); }"
                        + " public String greet() { return \"me\"; } }")
                .extension(GREETER, "s.Me", 0)
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            ExtensionEntry me = runtime.entries(GREETER).get(0);
            Hooks.onCreate(name -> me.instance(Greeter.class));
            ExtensionException e = assertThrows(ExtensionException.class, () -> me.instance(Greeter.class));
            assertTrue(chain(e).contains("circular creation") && chain(e).contains("s.Me"), chain(e));
        }
    }

    private static String chain(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c).append(" | ");
        }
        return all.toString();
    }
}
