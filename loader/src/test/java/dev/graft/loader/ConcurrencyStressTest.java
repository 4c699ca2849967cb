package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads asking for extensions, classes and resources while plugins load and unload;
 * plugins that share an API loading classes through it at the same time. Repeated, with timeouts,
 * so that a lost update, a second singleton or a deadlock fails the build reliably.
 */
class ConcurrencyStressTest {

    @TempDir
    Path tmp;

    private static final int CLASSES = 40;

    /** An API plugin with CLASSES classes in a chain, and two users with CLASSES classes each extending them. */
    private Path sharedApiPlugins() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec api = plugins.plugin("api");
        for (int i = 0; i < CLASSES; i++) {
            String parent = i == 0 ? "" : " extends api.Base" + (i - 1);
            api.java("api.Base" + i, "package api; public abstract class Base" + i + parent
                    + " { public static final String NAME = \"base" + i + "\"; }");
        }
        api.zip(dir);
        for (String user : List.of("left", "right")) {
            Plugins.Spec spec = plugins.plugin(user).dependency("api").classpath(api.classes());
            for (int i = 0; i < CLASSES; i++) {
                spec.java(user + ".Impl" + i, "package " + user + "; public class Impl" + i + " extends api.Base"
                        + (CLASSES - 1 - i) + " {}");
            }
            spec.resource(user + "/data.txt", user).zip(dir);
        }
        return dir;
    }

    @RepeatedTest(10)
    void pluginsSharingAnApiLoadThroughItConcurrentlyWithoutDeadlock() throws Exception {
        Path dir = sharedApiPlugins();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").build()) {
                ClassLoader left = runtime.plugin("left").orElseThrow().classLoader();
                ClassLoader right = runtime.plugin("right").orElseThrow().classLoader();
                List<String> work = new ArrayList<>();
                for (int i = 0; i < CLASSES; i++) {
                    work.add("left.Impl" + i);
                    work.add("right.Impl" + i);
                }
                int threads = 8;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    List<String> order = new ArrayList<>(work);
                    Collections.shuffle(order, new Random(t));
                    done.add(pool.submit(() -> {
                        start.await();
                        int loaded = 0;
                        for (String name : order) {
                            Class<?> c = (name.startsWith("left") ? left : right).loadClass(name);
                            Class<?> api = c.getSuperclass();
                            while (api.getSuperclass() != Object.class) {
                                api = api.getSuperclass();
                            }
                            assertEquals("api.Base0", api.getName());
                            loaded++;
                        }
                        return loaded;
                    }));
                }
                start.countDown();
                for (Future<Integer> f : done) {
                    assertEquals(work.size(), f.get());
                }
                pool.shutdown();
                ClassLoader apiLoader = runtime.plugin("api").orElseThrow().classLoader();
                assertTrue(left.loadClass("left.Impl0").getSuperclass().getClassLoader() == apiLoader);
                assertTrue(right.loadClass("right.Impl0").getSuperclass().getClassLoader() == apiLoader);
            }
        });
    }

    @Test
    void lookupsWhilePluginsLoadAndUnloadSeeOnlyCompletePluginsAndOneInstanceEach() throws Exception {
        Path stable = Files.createDirectories(tmp.resolve("stable"));
        Path extra = Files.createDirectories(tmp.resolve("extra"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("steady")
                .java("s.Counted", "package s; public class Counted implements dev.graft.loader.fixture.api.Greeter {"
                        + " public static final java.util.concurrent.atomic.AtomicInteger CREATED ="
                        + " new java.util.concurrent.atomic.AtomicInteger();"
                        + " public Counted() { CREATED.incrementAndGet(); }"
                        + " public String greet() { return \"steady\"; } }")
                .extension(GREETER, "s.Counted", 0).resource("s/data.txt", "data").zip(stable);
        List<Path> extras = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            extras.add(plugins.plugin("extra" + i).java("x" + i + ".Hello", greeter("x" + i + ".Hello", "extra" + i))
                    .extension(GREETER, "x" + i + ".Hello", 1).zip(extra));
        }
        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(stable).hostVersion("1.0.0")
                    .sharedPackages("dev.graft.loader.fixture.api").build()) {
                AtomicBoolean stop = new AtomicBoolean();
                Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
                List<Thread> readers = new ArrayList<>();
                ClassLoader steady = runtime.plugin("steady").orElseThrow().classLoader();
                for (int t = 0; t < 6; t++) {
                    Thread reader = new Thread(() -> {
                        try {
                            while (!stop.get()) {
                                List<Greeter> greeters = runtime.extensions(Greeter.class);
                                if (greeters.isEmpty() || !greeters.get(0).greet().equals("steady")) {
                                    throw new AssertionError("steady comes first and is always there: " + greeters);
                                }
                                for (Greeter g : greeters) {
                                    if (g == null || g.greet() == null) {
                                        throw new AssertionError("a half-registered extension: " + greeters);
                                    }
                                }
                                steady.loadClass("s.Counted");
                                URL url = steady.getResource("s/data.txt");
                                try (InputStream in = url.openStream()) {
                                    in.readAllBytes();
                                }
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                    readers.add(reader);
                    reader.start();
                }
                for (int round = 0; round < 20; round++) {
                    for (Path p : extras) {
                        List<PluginStatus> loaded = runtime.load(p);
                        assertEquals(PluginState.LOADED, loaded.get(0).state(), loaded.toString());
                    }
                    for (int i = 0; i < extras.size(); i++) {
                        assertEquals(List.of("extra" + i), runtime.unload("extra" + i));
                    }
                }
                stop.set(true);
                for (Thread r : readers) {
                    r.join();
                }
                assertEquals(List.of(), new ArrayList<>(failures));
                Class<?> counted = steady.loadClass("s.Counted");
                assertEquals(1, ((java.util.concurrent.atomic.AtomicInteger) counted.getField("CREATED").get(null)).get(),
                        "the singleton was created exactly once");
            }
        });
    }
}
