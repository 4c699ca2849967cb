package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.fixture.api.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start and stop hooks, listeners, host starters, and a failing start (issue 16, item 1). */
class LifecycleTest {

    static final String LIFECYCLE = "dev.graft.PluginLifecycle";

    @TempDir
    Path tmp;
    private Path dir;
    private Plugins plugins;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        plugins = new Plugins(tmp);
        Journal.take();
    }

    /** A hook that writes "<name> start|stop" and whether the context loader was its plugin's. */
    static String hook(String className, String name, String onStart) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + ";\n"
                + "import dev.graft.loader.fixture.api.Journal;\n"
                + "public class " + className.substring(dot + 1) + " implements dev.graft.PluginLifecycle {\n"
                + "  private static String where() { return Thread.currentThread().getContextClassLoader()"
                + " == " + className.substring(dot + 1) + ".class.getClassLoader() ? \"in context\" : \"out of context\"; }\n"
                + "  public void start() { Journal.add(\"" + name + " start \" + where()); " + onStart + " }\n"
                + "  public void stop() { Journal.add(\"" + name + " stop \" + where()); }\n}\n";
    }

    private PluginRuntime.Builder runtime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api")
                .listener(e -> events.add(e.pluginId() + " " + e.type() + (e.reason().isEmpty() ? "" : ": " + e.reason())));
    }

    private void dbAndApp() {
        Plugins.Spec db = plugins.plugin("db").java("db.api.Store", "package db.api; public interface Store {}")
                .java("db.Hooks", hook("db.Hooks", "db", "")).extension(LIFECYCLE, "db.Hooks", 0);
        db.zip(dir);
        plugins.plugin("app").dependency("db").classpath(db.classes())
                .java("app.Hooks", hook("app.Hooks", "app", "")).extension(LIFECYCLE, "app.Hooks", 0)
                .java("app.Hello", greeter("app.Hello", "app")).extension(GREETER, "app.Hello", 0).zip(dir);
    }

    @Test
    void startsInDependencyOrderAndStopsInReverseEachInItsPluginsContext() throws Exception {
        dbAndApp();
        try (PluginRuntime runtime = runtime().build()) {
            assertEquals(List.of("db start in context", "app start in context"), Journal.take());
            assertEquals(List.of("db LOADED", "db STARTED", "app LOADED", "app STARTED"), events);
            assertEquals(List.of("app"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            events.clear();

            assertEquals(List.of("app", "db"), runtime.unload("db"));
            assertEquals(List.of("app stop in context", "db stop in context"), Journal.take());
            assertEquals(List.of("app STOPPING", "app UNLOADED: depends on 'db', which was unloaded",
                    "db STOPPING", "db UNLOADED: unloaded by the host"), events);
        }
    }

    @Test
    void hooksRunWithHostFallbackOffAndAPluginThatBundlesGraftsAnnotationsGetsTheHostsLifecycleType()
            throws Exception {
        java.net.URL annotations = dev.graft.PluginLifecycle.class.getProtectionDomain().getCodeSource().getLocation();
        Path copy = Path.of(annotations.toURI());
        plugins.plugin("p").java("p.Hooks", hook("p.Hooks", "p", ""))
                .extension(LIFECYCLE, "p.Hooks", 0)
                .library("graft-annotations.jar", Files.isDirectory(copy) ? jarOf(copy) : copy).zip(dir);
        try (PluginRuntime runtime = runtime().hostFallback(false).build()) {
            assertEquals(List.of("p start in context"), Journal.take());
            assertEquals(dev.graft.PluginLifecycle.class,
                    runtime.plugin("p").orElseThrow().classLoader().loadClass("dev.graft.PluginLifecycle"));
        }
    }

    private Path jarOf(Path classes) throws Exception {
        java.util.Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                entries.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        return dev.graft.loader.testing.TestPlugin.Jars.write(tmp.resolve("annotations.jar"), entries, null);
    }

    @Test
    void closingTheRuntimeStopsEveryPluginInReverseLoadOrder() {
        dbAndApp();
        PluginRuntime runtime = runtime().build();
        Journal.take();
        events.clear();
        runtime.close();
        assertEquals(List.of("app stop in context", "db stop in context"), Journal.take());
        assertEquals(List.of("app STOPPING", "app UNLOADED: the runtime was closed", "db STOPPING",
                "db UNLOADED: the runtime was closed"), events);
    }

    @Test
    void aFailingStartFailsThePluginDisablesItsDependentsAndLeavesTheOthersStarted() throws Exception {
        Plugins.Spec broken = plugins.plugin("broken").java("b.api.Api", "package b.api; public interface Api {}")
                .java("b.First", hook("b.First", "first", ""))
                .java("b.Second", hook("b.Second", "second", "throw new IllegalStateException(\"no database\");"))
                .extension(LIFECYCLE, "b.First", 0).extension(LIFECYCLE, "b.Second", 1)
                .java("b.Hi", greeter("b.Hi", "broken")).extension(GREETER, "b.Hi", 0);
        broken.zip(dir);
        plugins.plugin("user").dependency("broken").classpath(broken.classes())
                .java("u.Hooks", hook("u.Hooks", "user", "")).extension(LIFECYCLE, "u.Hooks", 0).zip(dir);
        plugins.plugin("other").java("o.Hi", greeter("o.Hi", "other")).extension(GREETER, "o.Hi", 0).zip(dir);
        try (PluginRuntime runtime = runtime().build()) {
            assertEquals(List.of("first start in context", "second start in context", "first stop in context"),
                    Journal.take(), "what had started is stopped again; the dependent never starts");
            Map<String, PluginStatus> rows = runtime.plugins().stream()
                    .collect(Collectors.toMap(PluginStatus::name, s -> s));
            String reason = "did not start: its start hook b.Second threw java.lang.IllegalStateException: no database";
            assertEquals(PluginState.FAILED, rows.get("broken").state());
            assertEquals(reason, rows.get("broken").reason());
            assertEquals(PluginState.DISABLED, rows.get("user").state());
            assertEquals("depends on 'broken', which failed to start: " + reason, rows.get("user").reason());
            assertEquals(PluginState.LOADED, rows.get("other").state());
            assertEquals(List.of("other"), runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList());
            assertEquals(List.of("other"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList(),
                    "nothing of the failed plugin is published");
            assertTrue(events.containsAll(List.of("broken LOADED", "broken FAILED: " + reason, "user LOADED",
                    "user DISABLED: depends on 'broken', which failed to start: " + reason, "other STARTED")), events.toString());
            assertFalse(events.contains("broken STARTED"));
        }
    }

    @Test
    void theClassLoadersOfAPluginThatFailedToStartAreClosed() throws Exception {
        plugins.plugin("broken").java("b.Hooks", hook("b.Hooks", "b", "throw new RuntimeException();"))
                .extension(LIFECYCLE, "b.Hooks", 0).zip(dir);
        List<ClassLoader> seen = new ArrayList<>();
        try (PluginRuntime runtime = runtime().starter(p -> {
            seen.add(p.classLoader());
            return PluginStarter.NOTHING;
        }).build()) {
            assertEquals(PluginState.FAILED, runtime.plugins().get(0).state());
            assertEquals("did not start: its start hook b.Hooks threw java.lang.RuntimeException",
                    runtime.plugins().get(0).reason());
            assertEquals(List.of(), seen, "a starter is not called after the plugin's own hook failed");
            assertEquals(List.of("b start in context"), Journal.take());
        }
    }

    @Test
    void hostStartersRunAfterThePluginsHooksAndAreStoppedBeforeThem() throws Exception {
        dbAndApp();
        PluginStarter starter = p -> {
            Journal.add("starter " + p.id() + (p.callWithContextLoader(() -> Thread.currentThread()
                    .getContextClassLoader() == p.classLoader()) ? " in context" : " out of context"));
            return () -> Journal.add("starter stops " + p.id());
        };
        try (PluginRuntime runtime = runtime().starter(starter).build()) {
            assertEquals(List.of("db start in context", "starter db in context", "app start in context",
                    "starter app in context"), Journal.take());
            runtime.unload("app");
            assertEquals(List.of("starter stops app", "app stop in context"), Journal.take());
        }
    }

    @Test
    void aStarterWithNothingToStartLeavesPluginsWithoutHooksUnlinked() {
        plugins.plugin("lazy").java("l.Hi", greeter("l.Hi", "lazy")).extension(GREETER, "l.Hi", 0).zip(dir);
        List<String> started = new ArrayList<>();
        try (PluginRuntime runtime = runtime().starter(p -> {
            started.add(p.id());
            return PluginStarter.NOTHING;
        }).build()) {
            assertEquals(List.of("lazy"), started);
            assertFalse(runtime.plugin("lazy").orElseThrow().isLinked(), "starting built no class loader");
            assertEquals(List.of("lazy"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
        }
    }

    @Test
    void aStarterThatThrowsFailsThePluginWithTheStartersName() {
        plugins.plugin("p").java("p.Hooks", hook("p.Hooks", "p", "")).extension(LIFECYCLE, "p.Hooks", 0).zip(dir);
        try (PluginRuntime runtime = runtime().starter(new ThrowingStarter()).build()) {
            PluginStatus row = runtime.plugins().get(0);
            assertEquals(PluginState.FAILED, row.state());
            assertEquals("did not start: the host's starter " + ThrowingStarter.class.getName()
                    + " threw java.io.IOException: cannot reach the plugin's service", row.reason());
            assertEquals(List.of("p start in context", "p stop in context"), Journal.take());
        }
    }

    static final class ThrowingStarter implements PluginStarter {
        @Override
        public AutoCloseable start(LoadedPlugin plugin) throws Exception {
            throw new java.io.IOException("cannot reach the plugin's service");
        }
    }

    @Test
    void aStopHookThatThrowsIsLoggedAndThePluginIsUnloadedAllTheSame() throws Exception {
        plugins.plugin("p").java("p.Hooks", "package p; public class Hooks implements dev.graft.PluginLifecycle {"
                + " public void stop() { throw new IllegalStateException(\"stuck\"); } }")
                .extension(LIFECYCLE, "p.Hooks", 0).zip(dir);
        try (PluginRuntime runtime = runtime().build()) {
            PluginClassLoader loader = (PluginClassLoader) runtime.plugin("p").orElseThrow().classLoader();
            assertEquals(List.of("p"), runtime.unload("p"));
            assertTrue(loader.isClosed());
            assertEquals(PluginState.UNLOADED, runtime.plugins().get(0).state());
        }
    }

    @Test
    void withoutStartingNoPluginCodeRunsAndNoStartedEventIsSent() {
        dbAndApp();
        try (PluginRuntime runtime = runtime().startPlugins(false).build()) {
            assertEquals(List.of(), Journal.take());
            assertEquals(List.of("db LOADED", "app LOADED"), events);
            assertEquals(2, runtime.loadedPlugins().size());
            assertTrue(runtime.loadedPlugins().stream().noneMatch(LoadedPlugin::isLinked), "no class loader was even built");
        }
        assertEquals(List.of(), Journal.take(), "a plugin never started is not stopped");
    }

    @Test
    void aListenerThatThrowsChangesNothing() {
        dbAndApp();
        try (PluginRuntime runtime = runtime().listener(e -> {
            throw new IllegalStateException("listener bug");
        }).build()) {
            assertEquals(2, runtime.loadedPlugins().size());
            assertEquals(List.of("db LOADED", "db STARTED", "app LOADED", "app STARTED"), events,
                    "the other listeners are still told");
        }
    }

    @Test
    void aStarterOrListenerThatLoadsOrUnloadsWhileTheRuntimeStartsPluginsIsRefused() {
        dbAndApp();
        PluginRuntime[] self = new PluginRuntime[1];
        List<String> refused = new ArrayList<>();
        PluginStarter unloading = p -> {
            if (self[0] != null && p.id().equals("app")) {
                self[0].unload("db");
            }
            return PluginStarter.NOTHING;
        };
        try (PluginRuntime runtime = runtime().starter(unloading).listener(e -> {
            if (self[0] != null && e.type() == PluginEvent.Type.STOPPING) {
                try {
                    self[0].load(dir.resolve("db.zip"));
                } catch (IllegalStateException x) {
                    refused.add(x.getMessage());
                }
            }
        }).build()) {
            self[0] = runtime;
            runtime.unload("app");
            assertEquals(1, refused.size(), "the listener's load was refused");
            assertTrue(refused.get(0).startsWith("PluginRuntime.load was called from a plugin's start or stop hook,"
                    + " a PluginStarter or a PluginListener"), refused.get(0));
            List<PluginStatus> back = runtime.load(dir.resolve("app.zip"));
            assertEquals(PluginState.FAILED, back.get(0).state());
            assertTrue(back.get(0).reason().contains("threw java.lang.IllegalStateException: PluginRuntime.unload was"
                    + " called from"), back.get(0).reason());
            assertEquals(List.of("db"), runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList(),
                    "db is untouched");
        }
    }

    @Test
    void aHookThatCannotBeCreatedOrIsMissingFailsItsPluginSayingWhich() {
        plugins.plugin("ctor").java("c.Hooks", "package c; public class Hooks implements dev.graft.PluginLifecycle {"
                + " public Hooks() { throw new IllegalStateException(\"no config\"); } }")
                .extension(LIFECYCLE, "c.Hooks", 0).zip(dir);
        plugins.plugin("ghost").extension(LIFECYCLE, "g.Missing", 0).zip(dir);
        plugins.plugin("plain").java("n.NotAHook", "package n; public class NotAHook {}")
                .extension(LIFECYCLE, "n.NotAHook", 0).zip(dir);
        try (PluginRuntime runtime = runtime().build()) {
            Map<String, PluginStatus> rows = runtime.plugins().stream().collect(Collectors.toMap(PluginStatus::name, s -> s));
            assertEquals(PluginState.FAILED, rows.get("ctor").state());
            assertTrue(rows.get("ctor").reason().startsWith("did not start: its start hook c.Hooks threw")
                    && rows.get("ctor").reason().contains("no config"), rows.get("ctor").reason());
            assertEquals(PluginState.FAILED, rows.get("ghost").state());
            assertTrue(rows.get("ghost").reason().startsWith("did not start: its start hook g.Missing threw")
                    && rows.get("ghost").reason().contains("g.Missing"), rows.get("ghost").reason());
            assertEquals(PluginState.FAILED, rows.get("plain").state());
            assertTrue(rows.get("plain").reason().contains("does not implement dev.graft.PluginLifecycle"),
                    rows.get("plain").reason());
            assertEquals(List.of(), runtime.loadedPlugins());
        }
    }

    @Test
    void aHookWhoseDependencyIsAbsentIsSkippedAndThePluginStarts() {
        plugins.plugin("p").dependency("ghost?").java("p.Hooks", hook("p.Hooks", "p", ""))
                .extension(LIFECYCLE, "p.Hooks", 0, "ghost").zip(dir);
        try (PluginRuntime runtime = runtime().build()) {
            assertEquals(PluginState.LOADED, runtime.plugins().get(0).state());
            assertEquals(List.of(), Journal.take(), "the hook needs 'ghost': it is skipped, like any extension");
            assertEquals(List.of("p LOADED", "p STARTED"), events);
        }
    }

    @Test
    void pluginsThatDoNotLoadAreReportedToListeners() {
        plugins.plugin("needy").dependency("ghost").zip(dir);
        try (PluginRuntime runtime = runtime().disable("off").build()) {
            assertEquals(1, events.size(), events.toString());
            assertTrue(events.get(0).startsWith("needy FAILED: "), events.toString());
        }
    }
}
