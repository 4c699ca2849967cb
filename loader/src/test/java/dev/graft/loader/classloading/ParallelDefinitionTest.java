package dev.graft.loader.classloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.archive.ZipRoot;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads loading the same classes of one plugin at once, released together by a
 * {@link CyclicBarrier}, in a fresh loader each round: every thread gets the same class of each
 * name, none fails (a class defined twice throws {@code LinkageError: duplicate class definition}),
 * and none waits for ever. The classes form chains of superclasses, so a thread defining one holds
 * its lock while the JVM loads the next, which other threads are defining themselves. Once every
 * class is loaded, the loader keeps no lock (it drops a name's lock once its class is loaded).
 */
class ParallelDefinitionTest {

    private static final int CHAINS = 4;
    private static final int LENGTH = 12;
    private static final int THREADS = 8;
    private static final int ROUNDS = 30;

    @TempDir
    static Path tmp;

    private static Path jar;
    private static List<String> names;

    @BeforeAll
    static void compile() {
        TestPlugin plugin = TestPlugin.in(tmp, "chains");
        names = new ArrayList<>();
        for (int c = 0; c < CHAINS; c++) {
            for (int i = 0; i < LENGTH; i++) {
                String name = "c" + c + ".K" + i;
                plugin.java(name, "package c" + c + "; public class K" + i + (i == 0 ? "" : " extends K" + (i - 1))
                        + " {}");
                names.add(name);
            }
        }
        jar = plugin.jar(tmp);
    }

    private static PluginClassLoader loader(ZipRoot root) {
        return SelfRoutedLoader.of("chains", PluginClassLoader.Role.CLASSES, ParallelDefinitionTest.class.getClassLoader(),
                List.of(root));
    }

    /** How one thread asks for a class. */
    private interface Lookup {
        Class<?> load(PluginClassLoader loader, String name) throws Exception;
    }

    /** Runs the rounds; thread {@code t} asks through {@code lookups[t % lookups.length]}. */
    private static void race(boolean locksDropped, Lookup... lookups) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                try (ZipRoot root = ZipRoot.openJar(jar, "chains.jar", ArchiveLimits.DEFAULT)) {
                    PluginClassLoader loader = loader(root);
                    CyclicBarrier start = new CyclicBarrier(THREADS);
                    Map<String, Class<?>> seen = new ConcurrentHashMap<>();
                    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
                    List<Thread> threads = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        List<String> order = new ArrayList<>(names);
                        Collections.shuffle(order, new Random(round * 31L + t));
                        Lookup lookup = lookups[t % lookups.length];
                        Thread thread = new Thread(() -> {
                            try {
                                start.await();
                                for (String name : order) {
                                    Class<?> c = lookup.load(loader, name);
                                    Class<?> first = seen.putIfAbsent(name, c);
                                    if (first != null && first != c) {
                                        throw new AssertionError(name + " was defined twice");
                                    }
                                }
                            } catch (Throwable e) {
                                failures.add(e);
                            }
                        });
                        threads.add(thread);
                        thread.start();
                    }
                    for (Thread thread : threads) {
                        thread.join();
                    }
                    if (!failures.isEmpty()) {
                        AssertionError error = new AssertionError("round " + round + ": " + failures.size()
                                + " threads failed, first: " + failures.peek(), failures.peek());
                        throw error;
                    }
                    assertEquals(names.size(), seen.size());
                    for (Map.Entry<String, Class<?>> e : seen.entrySet()) {
                        assertSame(loader, e.getValue().getClassLoader());
                        assertEquals(e.getKey(), e.getValue().getName());
                    }
                    if (locksDropped) {
                        assertEquals(Map.of(), locks(loader), "locks kept after every class was loaded");
                    }
                }
            }
        });
    }

    private static Map<?, ?> locks(PluginClassLoader loader) throws ReflectiveOperationException {
        java.lang.reflect.Field f = PluginClassLoader.class.getDeclaredField("classLocks");
        f.setAccessible(true);
        return (Map<?, ?>) f.get(loader);
    }

    @Test
    void threadsLoadingTheSameClassesGetOneClassOfEachAndLeaveNoLock() {
        race(true, (loader, name) -> loader.loadClass(name));
    }

    /**
     * {@code Class.forName(Module, String)} goes through the JDK's {@code loadClass(Module, String)},
     * which takes {@code getClassLoadingLock} itself before it asks {@code findClass}; threads asking
     * that way and threads asking {@code loadClass} still define each class once. (That path makes a
     * lock for a name already loaded, which stays: the locks are not checked here.)
     */
    @Test
    void theJdksOwnLockingPathDefinesEachClassOnceToo() {
        race(false, (loader, name) -> loader.loadClass(name),
                (loader, name) -> Class.forName(loader.getUnnamedModule(), name));
    }
}
