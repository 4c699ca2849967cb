package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Task;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that bundles a JDBC driver uses {@code DriverManager} from its own code on a host
 * thread, in a host that used JDBC first (so {@code DriverManager} looked its drivers up without
 * the plugin): Graft registers the plugin's drivers the first time the plugin's code runs.
 */
class JdbcDriversTest {

    private static final String TASK = "dev.graft.loader.fixture.api.Task";

    @TempDir
    Path tmp;

    /** A driver for {@code jdbc:<scheme>:} whose connections say which loader defined it. */
    private static String driver(String scheme, String extraStatic) {
        return "package fakedb; import java.sql.*; import java.util.Properties;"
                + " public class FakeDriver implements Driver {"
                + " static { " + extraStatic + " try { DriverManager.registerDriver(new FakeDriver()); }"
                + "   catch (SQLException e) { throw new ExceptionInInitializerError(e); } }"
                + " public Connection connect(String url, Properties info) {"
                + "   if (!acceptsURL(url)) return null;"
                + "   return (Connection) java.lang.reflect.Proxy.newProxyInstance(FakeDriver.class.getClassLoader(),"
                + "     new Class<?>[] {Connection.class}, (p, m, a) -> m.getName().equals(\"toString\")"
                + "       ? \"connection from \" + FakeDriver.class.getClassLoader().getName() : null); }"
                + " public boolean acceptsURL(String url) { return url.startsWith(\"jdbc:" + scheme + ":\"); }"
                + " public DriverPropertyInfo[] getPropertyInfo(String u, Properties i) { return new DriverPropertyInfo[0]; }"
                + " public int getMajorVersion() { return 1; } public int getMinorVersion() { return 0; }"
                + " public boolean jdbcCompliant() { return false; }"
                + " public java.util.logging.Logger getParentLogger() { return null; } }";
    }

    private Path driverJar(String name, String scheme, String extraStatic) {
        TestPlugin lib = TestPlugin.in(tmp, name).java("fakedb.FakeDriver", driver(scheme, extraStatic))
                .resource("META-INF/services/java.sql.Driver", "fakedb.FakeDriver\n");
        return TestPlugin.Jars.write(tmp.resolve(name + ".jar"), lib.classEntries(), null);
    }

    private static String connecting(String className, String url) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " implements dev.graft.loader.fixture.api.Task { public String run(String in) {"
                + " try { return java.sql.DriverManager.getConnection(\"" + url + "\").toString(); }"
                + " catch (java.sql.SQLException e) { return e.getMessage(); } catch (Throwable e) { return e.toString(); } } }";
    }

    @Test
    void aPluginsOwnDriverWorksOnHostThreadsAfterTheHostUsedJdbcFirst() throws Exception {
        DriverManager.getDrivers(); // the host uses JDBC first: DriverManager has looked its drivers up
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("one").library("db.jar", driverJar("db1", "fakeone", ""))
                .java("one.Query", connecting("one.Query", "jdbc:fakeone:x")).extension(TASK, "one.Query", 0).zip(dir);
        plugins.plugin("two").library("db.jar", driverJar("db2", "fakeone", ""))
                .java("two.Query", connecting("two.Query", "jdbc:fakeone:x")).extension(TASK, "two.Query", 1).zip(dir);
        plugins.plugin("broken").library("db.jar", driverJar("db3", "fakebroken", "if (true) throw new RuntimeException(\"no\");"))
                .java("broken.Query", connecting("broken.Query", "jdbc:fakebroken:x")).extension(TASK, "broken.Query", 2).zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            List<Task> tasks = runtime.extensions(Task.class);
            ExecutorService hostThread = Executors.newSingleThreadExecutor();
            try {
                assertEquals("java.lang.NoClassDefFoundError: Could not initialize class fakedb.FakeDriver",
                        hostThread.submit(() -> tasks.get(2).run("")).get(),
                        "a driver whose initialiser throws is not registered (and DriverManager tells its plugin so)");
                assertEquals("connection from graft:one:lib", hostThread.submit(() -> tasks.get(0).run("")).get(),
                        "the plugin's driver, from its own code on a host thread with the host's context loader");
                assertEquals("connection from graft:two:lib", hostThread.submit(() -> tasks.get(1).run("")).get(),
                        "another plugin's copy of the same driver class is that plugin's own");
            } finally {
                hostThread.shutdownNow();
            }
        }
    }
}
