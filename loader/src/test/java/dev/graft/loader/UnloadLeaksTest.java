package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.LeakyPlugins.Kind;
import dev.graft.loader.testing.LoaderLog;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that registered a JDBC driver, started a thread or left a ThreadLocal value on a host
 * thread, loaded and unloaded 100 times: its loaders are collected (weak references cleared after a
 * bounded number of collections) and the heap does not keep its ballast; what cannot be cleaned is
 * reported by name. ThreadLocals need {@code --add-opens java.base/java.lang}, so those run in child
 * JVMs, with and without the flag.
 */
class UnloadLeaksTest {

    private static final int CYCLES = 100;

    @TempDir
    Path tmp;

    private final ExecutorService hostThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void endThreads() throws InterruptedException {
        hostThread.shutdownNow();
        LeakyPlugins.endLeftoverThreads();
    }

    private PluginRuntime runtime(boolean stopThreads) throws Exception {
        return PluginRuntime.builder().pluginDirectory(Files.createDirectories(tmp.resolve("empty"))).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").cache(tmp.resolve("cache"), 1 << 30)
                .stopPluginThreads(stopThreads).build();
    }

    /** Runs the cycles; returns how many loaders stayed, and checks the heap kept no ballast. */
    private int leakTest(Kind kind, int cycles, boolean stopThreads, List<String> log) throws Exception {
        Path zip = LeakyPlugins.zip(kind, tmp.resolve("work"), tmp.resolve("plugins"));
        try (PluginRuntime runtime = runtime(stopThreads)) {
            long before = LeakyPlugins.heapAfterGc();
            List<WeakReference<ClassLoader>> loaders = logWhile(log,
                    () -> LeakyPlugins.cycles(runtime, zip, kind.id(), cycles, hostThread));
            int retained = LeakyPlugins.retained(loaders);
            long grown = LeakyPlugins.heapAfterGc() - before;
            System.out.printf("%s: %d cycles, %d of %d loaders retained, heap %+.1f MB%n", kind, cycles, retained,
                    loaders.size(), grown / 1e6);
            if (retained == 0) {
                assertTrue(grown < (long) cycles * LeakyPlugins.BALLAST / 4, "heap grew by " + grown + " bytes");
                assertEquals(List.of(), runtime.retainedPlugins());
            }
            return retained;
        }
    }

    @Test
    void theJdbcDriversAPluginRegisteredAreDeregisteredAtUnload() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        assertEquals(0, leakTest(Kind.DRIVER, CYCLES, false, log), "loaders kept alive by DriverManager");
        assertTrue(log.contains("INFO plugin 'driver' (driver.zip) was unloaded; Graft deregistered the JDBC driver"
                + " leakydb.LeakyDriver that it registered"), String.join("\n", log));
    }

    @Test
    void aDriverOfThePluginsOwnClassesRegisteredByHandIsDeregisteredToo() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        assertEquals(0, leakTest(Kind.OWN_DRIVER, 10, false, log), "loaders kept alive by DriverManager");
        assertTrue(log.contains("INFO plugin 'own-driver' (own-driver.zip) was unloaded; Graft deregistered the JDBC"
                + " driver leakydb.LeakyDriver that it registered"), String.join("\n", log));
    }

    @Test
    void threadsThePluginStartedAreStoppedWhereTheHostOptsIn() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        assertEquals(0, leakTest(Kind.THREAD, CYCLES, true, log), "loaders kept alive by the plugin's threads");
        assertTrue(log.contains("INFO plugin 'thread' (thread.zip) was unloaded; Graft stopped its thread 'leaky-worker'"
                + " (its context class loader is the plugin's)"), String.join("\n", log));
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("leaky-worker")));
    }

    @Test
    void aThreadStartedFromAHostCallIsFoundByTheCodeItRuns() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        assertEquals(0, leakTest(Kind.LATE_THREAD, 10, true, log), "loaders kept alive by the plugin's threads");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO plugin 'late-thread' (late-thread.zip) was unloaded;"
                + " Graft stopped its thread 'leaky-late-worker' (it runs leaky.Starter.work")), String.join("\n", log));
    }

    @Test
    void aRunningPluginThreadIsReportedByNameAndHoldsTheLoaderUntilItEnds() throws Exception {
        Path zip = LeakyPlugins.zip(Kind.THREAD, tmp.resolve("work"), tmp.resolve("plugins"));
        List<String> log = new CopyOnWriteArrayList<>();
        try (PluginRuntime runtime = runtime(false)) {
            List<WeakReference<ClassLoader>> loaders = logWhile(log,
                    () -> LeakyPlugins.cycles(runtime, zip, "thread", 1, hostThread));
            assertEquals(1, LeakyPlugins.retained(loaders));
            assertEquals(List.of("WARNING plugin 'thread' (thread.zip) was unloaded, but its class loaders stay reachable"
                    + " through: thread 'leaky-worker' is still running (its context class loader is the plugin's); a plugin"
                    + " should end its threads when it stops (PluginLifecycle.stop), and PluginRuntime.Builder.stopPluginThreads(true) lets Graft"
                    + " interrupt them at unload"), warnings(log));
            List<RetainedPlugin> retained = runtime.retainedPlugins();
            assertEquals(1, retained.size(), retained.toString());
            assertEquals("thread", retained.get(0).id());
            assertEquals(List.of("thread 'leaky-worker' is still running (its context class loader is the plugin's)"),
                    retained.get(0).holders().stream().filter(h -> h.startsWith("thread")).toList());
            runtime.close();
            assertEquals(1, runtime.retainedPlugins().size(), "still answered once the runtime is closed");
            LeakyPlugins.endLeftoverThreads();
            assertEquals(0, LeakyPlugins.retained(loaders));
            assertEquals(List.of(), runtime.retainedPlugins(), "checked again on every query");
        }
    }

    @Test
    void aThreadThatIgnoresInterruptsIsReportedStillRunning() throws Exception {
        Path zip = LeakyPlugins.zip(Kind.STUBBORN_THREAD, tmp.resolve("work"), tmp.resolve("plugins"));
        List<String> log = new CopyOnWriteArrayList<>();
        try (PluginRuntime runtime = runtime(true)) {
            logWhile(log, () -> LeakyPlugins.cycles(runtime, zip, "stubborn-thread", 1, hostThread));
            List<String> warnings = warnings(log);
            assertEquals(1, warnings.size(), String.join("\n", log));
            assertTrue(warnings.get(0).startsWith("WARNING plugin 'stubborn-thread' (stubborn-thread.zip) was unloaded,"
                    + " but its class loaders stay reachable through: thread 'leaky-stubborn' is still running (it runs"
                    + " leaky.Starter.stubborn"), warnings.get(0));
            assertTrue(warnings.get(0).contains("interrupted at unload, it did not end within"), warnings.get(0));
        }
    }

    @Test
    void threadLocalValuesOnHostThreadsAreClearedWithTheFlag() throws Exception {
        List<String> out = child(Kind.THREAD_LOCAL, CYCLES, true);
        assertTrue(out.contains("retained 0 of " + CYCLES), String.join("\n", out));
        assertTrue(out.stream().noneMatch(l -> l.startsWith("WARNING ")), String.join("\n", out));
        assertTrue(out.contains("INFO plugin 'thread-local' (thread-local.zip) was unloaded; Graft cleared 1 ThreadLocal"
                + " value of its classes from thread 'pool-1-thread-1'"), String.join("\n", out));
    }

    @Test
    void withoutTheFlagThreadLocalsAreReportedOnceNamingTheFlag() throws Exception {
        List<String> out = child(Kind.THREAD_LOCAL, 3, false);
        assertTrue(out.contains("retained 3 of 3"), String.join("\n", out));
        List<String> flag = out.stream().filter(l -> l.contains("--add-opens")).toList();
        assertEquals(List.of("WARNING Graft cannot clear the ThreadLocal values unloaded plugins leave on threads:"
                + " java.lang is not open to it; add --add-opens java.base/java.lang=ALL-UNNAMED to the java command"),
                flag.stream().filter(l -> l.startsWith("WARNING ")).toList(), String.join("\n", out));
        assertTrue(out.contains("report thread-local: [ThreadLocal values on threads were not checked: add --add-opens"
                + " java.base/java.lang=ALL-UNNAMED]"), String.join("\n", out));
    }

    @Test
    void withTheFlagAThreadIsFoundByItsRunnable() throws Exception {
        List<String> out = child(Kind.LATE_THREAD, 1, true, true);
        assertTrue(out.contains("retained 0 of 1"), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("INFO plugin 'late-thread' (late-thread.zip) was unloaded;"
                + " Graft stopped its thread 'leaky-late-worker' (its Runnable leaky.Starter$$Lambda")), String.join("\n", out));
    }

    private List<String> child(Kind kind, int cycles, boolean addOpens) throws Exception {
        return child(kind, cycles, addOpens, false);
    }

    /** Runs {@link Child} in a fresh JVM, with or without the flag; its output lines. */
    private List<String> child(Kind kind, int cycles, boolean addOpens, boolean stopThreads) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m"));
        if (addOpens) {
            command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), kind.name(),
                tmp.toString(), String.valueOf(cycles), String.valueOf(stopThreads)));
        Path log = tmp.resolve("child.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        List<String> out = Files.readAllLines(log);
        System.out.println(String.join("\n", out));
        assertEquals(0, p.exitValue(), String.join("\n", out));
        return out;
    }

    /** A JVM of its own: {@code Child <kind> <work folder> <cycles> <stop threads>}, printing what the parent checks. */
    public static final class Child {
        private Child() {
        }

        public static void main(String[] args) throws Exception {
            Kind kind = Kind.valueOf(args[0]);
            Path tmp = Path.of(args[1]);
            int cycles = Integer.parseInt(args[2]);
            Path zip = LeakyPlugins.zip(kind, tmp.resolve("work"), tmp.resolve("plugins"));
            ExecutorService hostThread = Executors.newSingleThreadExecutor();
            List<String> log = new CopyOnWriteArrayList<>();
            try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(Files.createDirectories(tmp.resolve("empty")))
                    .hostVersion("1.0.0").sharedPackages("dev.graft.loader.fixture.api").cache(tmp.resolve("cache"), 1 << 30)
                    .stopPluginThreads(Boolean.parseBoolean(args[3])).build()) {
                long before = LeakyPlugins.heapAfterGc();
                List<WeakReference<ClassLoader>> loaders = logWhile(log,
                        () -> LeakyPlugins.cycles(runtime, zip, kind.id(), cycles, hostThread));
                int retained = LeakyPlugins.retained(loaders);
                long grown = LeakyPlugins.heapAfterGc() - before;
                log.forEach(System.out::println);
                System.out.println("retained " + retained + " of " + loaders.size());
                System.out.printf("heap %+.1f MB%n", grown / 1e6);
                for (RetainedPlugin r : runtime.retainedPlugins()) {
                    System.out.println("report " + r.id() + ": " + r.holders());
                }
            }
            hostThread.shutdownNow();
            System.exit(0);
        }
    }


    /** The plugins' warnings (not the JVM's one about --add-opens, which the first unload in the JVM logs). */
    private static List<String> warnings(List<String> log) {
        return log.stream().filter(l -> l.startsWith("WARNING") && !l.contains("--add-opens")).toList();
    }

    /** Runs {@code work}, adding the loader's INFO and WARNING records to {@code log}. */
    private static <T> T logWhile(List<String> log, LoaderLog.Work<T> work) throws Exception {
        return LoaderLog.lines(log, Level.INFO, work);
    }
}
