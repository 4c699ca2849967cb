package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin's bundled libraries see the plugin's own resources (logback finds the plugin's
 * {@code logback.xml}) and, after their own jars, the plugin's own classes (a class named in that
 * file), as they would under a single class path; their own classes always win.
 */
class LibraryVisibilityTest {

    @TempDir
    Path tmp;

    /** A library that reads configuration and creates classes by name through its own loader, as logback does. */
    private static final Map<String, String> CONFIG_LIBRARY = Map.of(
            "libcfg.Config", "package libcfg; import java.io.*; import java.net.URL; import java.util.*;"
                    + " public final class Config { private Config() {}"
                    + " static String text(URL u) { try (InputStream in = u.openStream()) { return new String(in.readAllBytes()); }"
                    + "   catch (IOException e) { throw new UncheckedIOException(e); } }"
                    + " public static String read(String name) { URL u = Config.class.getClassLoader().getResource(name);"
                    + "   return u == null ? \"none\" : text(u); }"
                    + " public static String all(String name) throws IOException { List<String> t = new ArrayList<>();"
                    + "   for (URL u : Collections.list(Config.class.getClassLoader().getResources(name))) t.add(text(u));"
                    + "   return String.join(\",\", t); }"
                    + " public static String create(String className) throws Exception {"
                    + "   Object o = Class.forName(className, true, Config.class.getClassLoader()).getConstructor().newInstance();"
                    + "   return o + \"@\" + o.getClass().getClassLoader().getName(); } }",
            "libcfg.Both", "package libcfg; public class Both { public String toString() { return \"library's Both\"; } }",
            "base.Base", "package base; public abstract class Base { public String toString() { return getClass().getSimpleName(); } }");

    private Path library() {
        TestPlugin lib = TestPlugin.in(tmp, "cfg");
        CONFIG_LIBRARY.forEach(lib::java);
        lib.resource("both.conf", "library").resource("library-only.conf", "library-only")
                .resource("META-INF/libcfg/defaults.properties", "library");
        return TestPlugin.Jars.write(tmp.resolve("cfg.jar"), lib.classEntries(), null);
    }

    private PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private static Object call(ClassLoader loader, String method, String arg) throws Exception {
        return loader.loadClass("libcfg.Config").getMethod(method, String.class).invoke(null, arg);
    }

    @Test
    void librariesFindThePluginsResourcesAndThePluginsCopyComesFirst() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = library();
        new Plugins(tmp).plugin("p").library("cfg.jar", lib)
                .resource("both.conf", "plugin").resource("plugin-only.conf", "plugin-only")
                .resource("META-INF/libcfg/settings.properties", "plugin").zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            ClassLoader plugin = runtime.plugin("p").orElseThrow().classLoader();
            assertEquals("plugin-only", call(plugin, "read", "plugin-only.conf"), "a library sees the plugin's resource");
            assertEquals("plugin", call(plugin, "read", "both.conf"), "the plugin's copy wins, as in the plugin's own lookups");
            assertEquals("plugin,library", call(plugin, "all", "both.conf"));
            assertEquals("library-only", call(plugin, "read", "library-only.conf"));
            assertEquals("plugin", call(plugin, "read", "META-INF/libcfg/settings.properties"));
            assertEquals("plugin", call(plugin, "all", "META-INF/libcfg/settings.properties"),
                    "a library's configuration folder in META-INF, from the plugin");
            assertEquals("none", call(plugin, "read", "absent.conf"));
            ClassLoader library = runtime.plugin("p").orElseThrow().libraryLoader().orElseThrow();
            assertEquals(urls(plugin, "both.conf"), urls(library, "both.conf"),
                    "both loaders of a plugin list its resources alike");
        }
    }

    private static List<String> urls(ClassLoader loader, String name) throws Exception {
        List<String> urls = new ArrayList<>();
        for (java.net.URL u : Collections.list(loader.getResources(name))) {
            urls.add(u.toExternalForm());
        }
        return urls;
    }

    @Test
    void librariesCreatePluginClassesByNameButKeepTheirOwnClasses() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = library();
        new Plugins(tmp).plugin("p").library("cfg.jar", lib).classpath(lib)
                .java("svc.Appender", "package svc; public class Appender extends base.Base { }")
                .java("libcfg.Both", "package libcfg; public class Both { public String toString() { return \"plugin's Both\"; } }")
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            ClassLoader plugin = runtime.plugin("p").orElseThrow().classLoader();
            assertEquals("Appender@graft:p", call(plugin, "create", "svc.Appender"),
                    "a class named in the plugin's configuration (a logback appender) is the plugin's");
            assertSame(plugin.loadClass("svc.Appender"),
                    runtime.plugin("p").orElseThrow().libraryLoader().orElseThrow().loadClass("svc.Appender"));
            assertEquals("library's Both@graft:p:lib", call(plugin, "create", "libcfg.Both"),
                    "a library's own class is never replaced by a plugin class of the same name");
            assertEquals("plugin's Both", plugin.loadClass("libcfg.Both").getConstructor().newInstance().toString(),
                    "the plugin's own lookups keep the plugin's copy first (a split package)");
        }
    }

    @Test
    void pluginAndLibraryClassesLoadingThroughEachOtherOnManyThreadsNeverDeadlock() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = library();
        Plugins.Spec spec = new Plugins(tmp).plugin("p").library("cfg.jar", lib).classpath(lib);
        int classes = 60;
        for (int i = 0; i < classes; i++) {
            // each plugin class extends a library class: defining it loads the library's Base
            spec.java("svc.P" + i, "package svc; public class P" + i + " extends base.Base { }");
        }
        spec.zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            ClassLoader plugin = runtime.plugin("p").orElseThrow().classLoader();
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Map<String, String>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean throughLibrary = t % 2 == 0;
                    int offset = t * 7;
                    results.add(pool.submit(() -> {
                        start.await();
                        Map<String, String> seen = new HashMap<>();
                        for (int k = 0; k < classes; k++) {
                            String name = "svc.P" + ((k + offset) % classes);
                            seen.put(name, throughLibrary ? (String) call(plugin, "create", name)
                                    : plugin.loadClass(name).getConstructor().newInstance() + "@graft:p");
                        }
                        return seen;
                    }));
                }
                assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                    start.countDown();
                    for (Future<Map<String, String>> f : results) {
                        Map<String, String> seen = f.get();
                        assertEquals(classes, seen.size());
                        for (Map.Entry<String, String> e : seen.entrySet()) {
                            assertEquals(e.getKey().substring(4) + "@graft:p", e.getValue());
                        }
                    }
                });
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theHostsTopLevelConfigurationFilesAreNeverAPlugins() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = library();
        new Plugins(tmp).plugin("p").library("cfg.jar", lib).resource("logback.xml", "plugin").zip(dir);
        Path hostJar = TestPlugin.Jars.write(tmp.resolve("host.jar"), Map.of("logback.xml", "host".getBytes(),
                "logback-test.xml", "host-test".getBytes(), "META-INF/host/info.txt", "host-info".getBytes()), null);
        try (java.net.URLClassLoader host = new java.net.URLClassLoader(new java.net.URL[] {hostJar.toUri().toURL()},
                getClass().getClassLoader());
                PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                        .hostClassLoader(host).sharedPackages("dev.graft.loader.fixture.api").build()) {
            ClassLoader plugin = runtime.plugin("p").orElseThrow().classLoader();
            ClassLoader library = runtime.plugin("p").orElseThrow().libraryLoader().orElseThrow();
            for (ClassLoader loader : List.of(plugin, library)) {
                assertEquals("plugin", call(loader, "all", "logback.xml"),
                        "the plugin's logback.xml only, not the host's after it (logback warns of duplicates)");
                assertEquals("none", call(loader, "read", "logback-test.xml"),
                        "the host's logback-test.xml would configure the plugin's logback: it is the host's");
                assertEquals(List.of(), urls(loader, "logback-test.xml"));
                assertEquals("host-info", call(loader, "read", "META-INF/host/info.txt"),
                        "resources in folders still fall back to the host");
            }
        }
    }
}
