package dev.graft.pf4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginState;
import dev.graft.loader.PluginStatus;
import dev.graft.loader.fixture.api.Journal;
import dev.graft.loader.testing.TestPlugin;
import dev.graft.pf4j.fixture.Greeting;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/** pf4j's Plugin-Class started and stopped through Graft's lifecycle (issue 16, item 2). */
class Pf4jLifecycleTest {

    @TempDir
    Path tmp;
    private Path dir;

    @BeforeEach
    void setUp() throws IOException {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        Journal.take();
    }

    /** pf4j demo's plugin1, the 3.x way: a PluginWrapper constructor, its mode read in start(). */
    private TestPlugin welcome() {
        return TestPlugin.in(tmp, "welcome")
                .java("welcome.WelcomePlugin", "package welcome;\n"
                        + "import dev.graft.loader.fixture.api.Journal;\n"
                        + "public class WelcomePlugin extends org.pf4j.Plugin {\n"
                        + "  public WelcomePlugin(org.pf4j.PluginWrapper wrapper) { super(wrapper); }\n"
                        + "  public void start() { Journal.add(\"WelcomePlugin.start() \" + wrapper.getRuntimeMode()"
                        + " + \" \" + wrapper.getPluginId() + \" system \" + wrapper.getPluginManager().getSystemVersion()"
                        + " + \" \" + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader())); }\n"
                        + "  public void stop() { Journal.add(\"WelcomePlugin.stop()\"); }\n}\n")
                .java("welcome.WelcomeGreeting", "package welcome;\n"
                        + "@org.pf4j.Extension public class WelcomeGreeting implements dev.graft.pf4j.fixture.Greeting {\n"
                        + "  public String getGreeting() { return \"Welcome\"; }\n}\n")
                .resource("META-INF/extensions.idx", "welcome.WelcomeGreeting\n");
    }

    private Path jar(TestPlugin plugin, String id, String pluginClass, String... more) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        attributes.put("Plugin-Id", id);
        attributes.put("Plugin-Version", "1.0.0");
        if (pluginClass != null) {
            attributes.put("Plugin-Class", pluginClass);
        }
        for (int i = 0; i < more.length; i += 2) {
            attributes.put(more[i], more[i + 1]);
        }
        return TestPlugin.Jars.write(dir.resolve(id + ".jar"), plugin.classEntries(), attributes);
    }

    /** pf4j demo's plugin2: a no-argument constructor, in a pf4j zip with plugin.properties, depending on welcome. */
    private Path helloZip(String startBody) throws IOException {
        TestPlugin hello = TestPlugin.in(tmp, "hello").java("hello.HelloPlugin", "package hello;\n"
                + "import dev.graft.loader.fixture.api.Journal;\n"
                + "public class HelloPlugin extends org.pf4j.Plugin {\n"
                + "  public void start() { Journal.add(\"HelloPlugin.start()\"); " + startBody + " }\n"
                + "  public void stop() { Journal.add(\"HelloPlugin.stop()\"); }\n}\n");
        Path zip = dir.resolve("hello.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "plugin.properties", "plugin.id=hello\nplugin.version=2.0.0\nplugin.class=hello.HelloPlugin\n"
                    + "plugin.dependencies=welcome\nplugin.provider=Decebal Suiu\nplugin.description=Hello\n");
            for (Map.Entry<String, byte[]> e : hello.classEntries().entrySet()) {
                put(out, "classes/" + e.getKey(), e.getValue());
            }
        }
        return zip;
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        put(out, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private PluginRuntime.Builder builder(Pf4jLifecycle pf4j) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("org.pf4j", "dev.graft.pf4j.fixture", "dev.graft.loader.fixture.api").starter(pf4j);
    }

    @Test
    void startsEachPluginClassInDependencyOrderAndStopsInReverse() throws Exception {
        jar(welcome(), "welcome", "welcome.WelcomePlugin");
        helloZip("");
        Pf4jLifecycle pf4j = new Pf4jLifecycle(RuntimeMode.DEVELOPMENT, "3.1.0");
        try (PluginRuntime runtime = builder(pf4j).build()) {
            pf4j.attach(runtime);
            assertEquals(List.of("WelcomePlugin.start() development welcome system 3.1.0 true", "HelloPlugin.start()"),
                    Journal.take());
            List<PluginWrapper> started = pf4j.plugins();
            assertEquals(List.of("welcome", "hello"), started.stream().map(PluginWrapper::getPluginId).toList());
            PluginWrapper hello = pf4j.pluginManager().getPlugin("hello");
            assertEquals(org.pf4j.PluginState.STARTED, hello.getPluginState());
            assertEquals("hello.HelloPlugin", hello.getDescriptor().getPluginClass());
            assertEquals("Decebal Suiu", hello.getDescriptor().getProvider());
            assertEquals("welcome", hello.getDescriptor().getDependencies().get(0).getPluginId());
            assertSame(hello.getPlugin(), pf4j.pluginManager().getPlugin("hello").getPlugin(), "one Plugin instance");
            assertEquals(List.of("Welcome"), pf4j.pluginManager().getExtensions(Greeting.class).stream()
                    .map(Greeting::getGreeting).toList());
            assertEquals(java.util.Set.of("welcome.WelcomeGreeting"),
                    pf4j.pluginManager().getExtensionClassNames("welcome"));
            assertSame(started.get(0), pf4j.pluginManager().whichPlugin(
                    runtime.extensions(Greeting.class).get(0).getClass()));
            assertThrows(UnsupportedOperationException.class, () -> pf4j.pluginManager().loadPlugins());

            assertEquals(List.of("hello", "welcome"), runtime.unload("welcome"));
            assertEquals(List.of("HelloPlugin.stop()", "WelcomePlugin.stop()"), Journal.take());
            assertEquals(List.of(), pf4j.plugins());
            assertNull(pf4j.pluginManager().getPlugin("hello"));

            runtime.load(dir.resolve("welcome.jar"));
            assertEquals(List.of("WelcomePlugin.start() development welcome system 3.1.0 true", "HelloPlugin.start()"),
                    Journal.take(), "loading welcome again brings hello back, started after it");
        }
        assertEquals(List.of("HelloPlugin.stop()", "WelcomePlugin.stop()"), Journal.take(), "close stops in reverse");
    }

    @Test
    void aStartThatThrowsFailsThePluginAndDisablesItsDependents() throws Exception {
        jar(welcome(), "welcome", "welcome.WelcomePlugin");
        helloZip("throw new IllegalStateException(\"no greeting service\");");
        TestPlugin bye = TestPlugin.in(tmp, "bye").java("bye.Bye", "package bye;\n"
                + "public class Bye extends org.pf4j.Plugin { public void start() {"
                + " dev.graft.loader.fixture.api.Journal.add(\"Bye.start()\"); } }");
        jar(bye, "bye", "bye.Bye", "Plugin-Dependencies", "hello");
        Pf4jLifecycle pf4j = new Pf4jLifecycle();
        try (PluginRuntime runtime = builder(pf4j).build()) {
            Map<String, PluginStatus> rows = runtime.plugins().stream().collect(Collectors.toMap(PluginStatus::name, s -> s));
            assertEquals(PluginState.LOADED, rows.get("welcome").state());
            assertEquals(PluginState.FAILED, rows.get("hello").state());
            assertEquals("did not start: the host's starter dev.graft.pf4j.Pf4jLifecycle threw"
                    + " java.lang.IllegalStateException: no greeting service", rows.get("hello").reason());
            assertEquals(PluginState.DISABLED, rows.get("bye").state());
            assertTrue(rows.get("bye").reason().startsWith("depends on 'hello', which failed to start"), rows.get("bye").reason());
            assertEquals(List.of("WelcomePlugin.start() deployment welcome system 0.0.0 true", "HelloPlugin.start()"),
                    Journal.take());
            assertEquals(List.of("welcome"), pf4j.plugins().stream().map(PluginWrapper::getPluginId).toList());
        }
    }

    @Test
    void aPluginClassThatIsMissingOrNotAPluginFailsSayingWhich() throws Exception {
        jar(TestPlugin.in(tmp, "ghost").java("ghost.G", "package ghost; public class G {}"), "ghost", "ghost.Missing");
        jar(TestPlugin.in(tmp, "plain").java("plain.P", "package plain; public class P {}"), "plain", "plain.P");
        jar(TestPlugin.in(tmp, "hidden").java("hidden.H", "package hidden;"
                + " public class H extends org.pf4j.Plugin { private H() {} }"), "hidden", "hidden.H");
        try (PluginRuntime runtime = builder(new Pf4jLifecycle()).build()) {
            Map<String, String> reasons = runtime.plugins().stream()
                    .collect(Collectors.toMap(PluginStatus::name, PluginStatus::reason));
            assertTrue(reasons.get("ghost").contains("Plugin-Class ghost.Missing of plugin 'ghost' (ghost.jar) cannot be"
                    + " loaded: java.lang.ClassNotFoundException: ghost.Missing"), reasons.get("ghost"));
            assertTrue(reasons.get("plain").contains("Plugin-Class plain.P of plugin 'plain' (plain.jar) does not extend"
                    + " org.pf4j.Plugin"), reasons.get("plain"));
            assertTrue(reasons.get("hidden").contains("has none of the public constructors pf4j supports:"
                    + " (org.pf4j.PluginContext), (org.pf4j.PluginWrapper) or ()"), reasons.get("hidden"));
        }
    }

    @Test
    void aPluginThatBundlesItsOwnPf4jIsToldToMarkItProvided() throws Exception {
        Path pf4jJar = Path.of(org.pf4j.Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        TestPlugin own = TestPlugin.in(tmp, "own").java("own.Own", "package own; public class Own extends org.pf4j.Plugin {}")
                .library("pf4j.jar", pf4jJar);
        Path zip = dir.resolve("own.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "plugin.properties", "plugin.id=own\nplugin.version=1.0.0\nplugin.class=own.Own\n");
            for (Map.Entry<String, byte[]> e : own.classEntries().entrySet()) {
                put(out, "classes/" + e.getKey(), e.getValue());
            }
            put(out, "lib/pf4j.jar", Files.readAllBytes(pf4jJar));
        }
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .starter(new Pf4jLifecycle()).build()) { // org.pf4j not shared: the plugin's copy wins
            PluginStatus row = runtime.plugins().get(0);
            assertEquals(PluginState.FAILED, row.state());
            assertTrue(row.reason().contains("does not extend org.pf4j.Plugin as the host loads it")
                    && row.reason().contains("mark it provided"), row.reason());
        }
    }

    @Test
    void pluginsWithoutAPluginClassAndGraftPluginsAreLeftToGraft() throws Exception {
        jar(welcome(), "welcome", null);
        Pf4jLifecycle pf4j = new Pf4jLifecycle();
        try (PluginRuntime runtime = builder(pf4j).build()) {
            assertEquals(PluginState.LOADED, runtime.plugins().get(0).state());
            assertEquals(List.of(), pf4j.plugins());
            assertEquals(List.of("Welcome"), runtime.extensions(Greeting.class).stream().map(Greeting::getGreeting).toList());
        }
        assertEquals(List.of(), Journal.take());
    }

    @Test
    void aPluginContextConstructorIsUsedWhenTheHostsPf4jHasThatClass() throws Exception {
        Path stand = tmp.resolve("pf4j4");
        TestPlugin context = TestPlugin.in(tmp, "context").java("org.pf4j.PluginContext", "package org.pf4j;\n"
                + "public class PluginContext { private final RuntimeMode mode;\n"
                + "  public PluginContext(RuntimeMode mode) { this.mode = mode; }\n"
                + "  public RuntimeMode getRuntimeMode() { return mode; } }\n");
        for (Map.Entry<String, byte[]> e : context.classEntries().entrySet()) {
            Path f = stand.resolve(e.getKey());
            Files.createDirectories(f.getParent());
            Files.write(f, e.getValue());
        }
        TestPlugin modern = TestPlugin.in(tmp, "modern").classpath(stand).java("modern.Modern", "package modern;\n"
                + "public class Modern extends org.pf4j.Plugin {\n"
                + "  public Modern(org.pf4j.PluginWrapper w) { dev.graft.loader.fixture.api.Journal.add(\"wrapper\"); }\n"
                + "  public Modern(org.pf4j.PluginContext c) { dev.graft.loader.fixture.api.Journal.add(\"context \""
                + " + c.getRuntimeMode()); }\n}\n");
        jar(modern, "modern", "modern.Modern");
        try (java.net.URLClassLoader host = new java.net.URLClassLoader(new java.net.URL[] {stand.toUri().toURL()},
                getClass().getClassLoader());
                PluginRuntime runtime = builder(new Pf4jLifecycle(RuntimeMode.DEVELOPMENT, "1.0.0"))
                        .hostClassLoader(host).build()) {
            assertEquals(PluginState.LOADED, runtime.plugins().get(0).state(), runtime.plugins().toString());
            assertEquals(List.of("context development"), Journal.take());
        }
    }
}
