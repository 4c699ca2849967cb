package dev.graft.loader;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Task;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Real plugins (compiled by javac, zipped as graft-maven-plugin does) that keep their loaders alive
 * after an unload, as plugins do in the wild, each with a static ballast so that what stays is seen
 * on the heap: one registers a JDBC driver, one starts a thread that never ends, one leaves a
 * ThreadLocal value on a host thread. {@link #cycles} loads, uses and unloads one many times.
 */
final class LeakyPlugins {

    static final String TASK = "dev.graft.loader.fixture.api.Task";
    /** What each plugin generation holds in a static field, so that a retained one shows on the heap. */
    static final int BALLAST = 256 * 1024;
    private static final String BALLAST_FIELD = " static final byte[] BALLAST = new byte[" + BALLAST + "];";

    /** The kinds of leak, each the id of its plugin. */
    enum Kind {
        /** Registers a JDBC driver (its own, bundled in {@code lib/}). */
        DRIVER,
        /** Registers a JDBC driver of its own classes, by hand (no services file), when its task first runs. */
        OWN_DRIVER,
        /** Starts, in its extension's constructor (so in the plugin's context), a thread that ends when interrupted. */
        THREAD,
        /** Starts, from a host thread's call, a thread whose context loader is the host's. */
        LATE_THREAD,
        /** Starts a thread that ignores interrupts. */
        STUBBORN_THREAD,
        /** Leaves a value of its own class in a ThreadLocal on the host thread that called it. */
        THREAD_LOCAL;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private LeakyPlugins() {
    }

    /** Writes the plugin of a kind as {@code <dir>/<id>.zip}. */
    static Path zip(Kind kind, Path work, Path dir) throws IOException {
        Files.createDirectories(dir);
        String id = kind.id();
        Plugins.Spec spec = new Plugins(Files.createDirectories(work.resolve(id))).plugin(id);
        switch (kind) {
            case DRIVER -> spec.library("db.jar", driverJar(Files.createDirectories(work.resolve(id + "-lib"))))
                    .java("leaky.Query", task("leaky.Query", "",
                            "return java.sql.DriverManager.getConnection(\"jdbc:leaky:x\").toString();"));
            case OWN_DRIVER -> spec.java("leakydb.LeakyDriver", driverSource())
                    .java("leaky.Query", task("leaky.Query", "",
                            "Class.forName(\"leakydb.LeakyDriver\");"
                                    + " return java.sql.DriverManager.getConnection(\"jdbc:leaky:x\").toString();"));
            case THREAD -> spec.java("leaky.Starter", task("leaky.Starter",
                    "public Starter() { Thread t = new Thread(Starter::work, \"leaky-worker\"); t.setDaemon(true); t.start(); }"
                            + WORK, "return \"started\";"));
            case LATE_THREAD -> spec.java("leaky.Starter", task("leaky.Starter",
                    "static final java.util.concurrent.CountDownLatch RUNNING = new java.util.concurrent.CountDownLatch(1);"
                            + " static void late() { RUNNING.countDown(); work(); }" + WORK,
                    // once it runs the plugin's code (a thread not yet running is found only by its Runnable)
                    "Thread t = new Thread(Starter::late, \"leaky-late-worker\"); t.setDaemon(true); t.start();"
                            + " RUNNING.await(); return \"started\";"));
            case STUBBORN_THREAD -> spec.java("leaky.Starter", task("leaky.Starter",
                    "static final java.util.concurrent.CountDownLatch RUNNING = new java.util.concurrent.CountDownLatch(1);"
                            + " static void stubborn() { RUNNING.countDown(); while (!Boolean.getBoolean(\"leaky.stop\")) {"
                            + " try { Thread.sleep(50); } catch (InterruptedException e) { /* ignored */ } } }",
                    // once it runs the plugin's code, as LATE_THREAD: until then only its Runnable names the plugin
                    "Thread t = new Thread(Starter::stubborn, \"leaky-stubborn\"); t.setDaemon(true); t.start();"
                            + " RUNNING.await(); return \"started\";"));
            case THREAD_LOCAL -> spec.java("leaky.Remember", task("leaky.Remember",
                    "static final ThreadLocal<Object> LOCAL = new ThreadLocal<>();",
                    "LOCAL.set(new Remember()); return \"remembered\";"));
        }
        return spec.extension(TASK, kind == Kind.DRIVER || kind == Kind.OWN_DRIVER ? "leaky.Query" : kind == Kind.THREAD_LOCAL ? "leaky.Remember"
                : "leaky.Starter", 0).zip(dir);
    }

    private static final String WORK = " static void work() { try { while (true) { Thread.sleep(60_000); } }"
            + " catch (InterruptedException e) { /* asked to stop */ } }";

    private static String task(String className, String members, String body) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " implements " + TASK + " {" + BALLAST_FIELD + " " + members
                + " public String run(String in) throws Exception { " + body + " } }";
    }

    private static Path driverJar(Path work) {
        TestPlugin lib = TestPlugin.in(work, "db").java("leakydb.LeakyDriver", driverSource())
                .resource("META-INF/services/java.sql.Driver", "leakydb.LeakyDriver\n");
        return TestPlugin.Jars.write(work.resolve("db.jar"), lib.classEntries(), null);
    }

    /** A driver for {@code jdbc:leaky:} that registers itself, holding the ballast. */
    private static String driverSource() {
        return "package leakydb; import java.sql.*; import java.util.Properties;"
                + " public class LeakyDriver implements Driver {" + BALLAST_FIELD
                + " static { try { DriverManager.registerDriver(new LeakyDriver()); }"
                + "   catch (SQLException e) { throw new ExceptionInInitializerError(e); } }"
                + " public Connection connect(String url, Properties info) {"
                + "   if (!acceptsURL(url)) return null;"
                + "   return (Connection) java.lang.reflect.Proxy.newProxyInstance(LeakyDriver.class.getClassLoader(),"
                + "     new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals(\"toString\")"
                + "       ? \"connection from \" + LeakyDriver.class.getClassLoader().getName() : null); }"
                + " public boolean acceptsURL(String url) { return url.startsWith(\"jdbc:leaky:\"); }"
                + " public DriverPropertyInfo[] getPropertyInfo(String u, Properties i) { return new DriverPropertyInfo[0]; }"
                + " public int getMajorVersion() { return 1; } public int getMinorVersion() { return 0; }"
                + " public boolean jdbcCompliant() { return false; }"
                + " public java.util.logging.Logger getParentLogger() { return null; } }";
    }

    /**
     * Loads the plugin, runs its task on {@code hostThread}, unloads it, {@code cycles} times.
     *
     * @return a weak reference to each generation's loaders (classes, and libraries where it has them)
     */
    static List<WeakReference<ClassLoader>> cycles(PluginRuntime runtime, Path zip, String id, int cycles,
            ExecutorService hostThread) throws Exception {
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        for (int i = 0; i < cycles; i++) {
            loaders.addAll(cycle(runtime, zip, id, hostThread));
        }
        return loaders;
    }

    /** One generation; nothing of it stays referenced from this frame. */
    private static List<WeakReference<ClassLoader>> cycle(PluginRuntime runtime, Path zip, String id, ExecutorService hostThread)
            throws Exception {
        PluginStatus status = runtime.load(zip).get(0);
        if (status.state() != PluginState.LOADED) {
            throw new AssertionError(status + " " + status.reason());
        }
        Task task = runtime.extensions(Task.class).get(0);
        String result = hostThread.submit(() -> task.run("")).get();
        if (!result.startsWith("started") && !result.startsWith("remembered") && !result.startsWith("connection from")) {
            throw new AssertionError(result);
        }
        LoadedPlugin plugin = runtime.plugin(id).orElseThrow();
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        loaders.add(new WeakReference<>(plugin.classLoader()));
        plugin.libraryLoader().ifPresent(l -> loaders.add(new WeakReference<>(l)));
        runtime.unload(id);
        return loaders;
    }

    /**
     * Collects garbage until every loader is gone or ten collections have not done it.
     *
     * @return how many of the loaders are still reachable
     */
    static int retained(List<WeakReference<ClassLoader>> loaders) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            System.gc();
            if (loaders.stream().allMatch(r -> r.get() == null)) {
                return 0;
            }
            Thread.sleep(20);
        }
        return (int) loaders.stream().filter(r -> r.get() != null).count();
    }

    /** @return the heap in use after a full collection, in bytes */
    static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Ends the threads the thread plugins started (test hygiene, whatever Graft did). */
    static void endLeftoverThreads() throws InterruptedException {
        System.setProperty("leaky.stop", "true");
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("leaky-")) {
                t.interrupt();
                t.join(5_000);
            }
        }
        System.clearProperty("leaky.stop");
    }
}
