package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.fixture.api.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host thread calling a plugin later: with {@link PluginRuntime#contextualExtensions(Class)}
 * every call runs with the plugin's loader as the thread's context loader, as creation does.
 */
class ContextualCallsTest {

    private static final String TASK = "dev.graft.loader.fixture.api.Task";

    @TempDir
    Path tmp;

    /** A Task extension reporting the context loader it runs under; "throw" throws a checked exception. */
    private static String contextTask(String className) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " implements dev.graft.loader.fixture.api.Task {"
                + " public String run(String in) throws Exception {"
                + "   if (in.equals(\"throw\")) throw new java.io.IOException(\"thrown by " + className + "\");"
                + "   if (in.equals(\"unchecked\")) throw new IllegalStateException(\"unchecked\");"
                + "   ClassLoader c = Thread.currentThread().getContextClassLoader();"
                + "   return c == null ? \"null\" : String.valueOf(c.getName()); }"
                + " public String toString() { return \"task of \" + Thread.currentThread().getContextClassLoader().getName(); } }";
    }

    private PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private Path plugins() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("a").java("a.Work", contextTask("a.Work")).extension(TASK, "a.Work", 0).zip(dir);
        plugins.plugin("b").java("b.Work", contextTask("b.Work")).extension(TASK, "b.Work", 1)
                .java("b.Hello", Plugins.greeter("b.Hello", "hello")).extension(Plugins.GREETER, "b.Hello", 0).zip(dir);
        return dir;
    }

    @Test
    void everyCallOfAContextualExtensionRunsInItsPluginsContextOnAnyThread() throws Exception {
        try (PluginRuntime runtime = runtime(plugins())) {
            List<Task> plain = runtime.extensions(Task.class);
            List<Task> contextual = runtime.contextualExtensions(Task.class);
            ExecutorService hostThread = Executors.newSingleThreadExecutor();
            try {
                ClassLoader hostContext = hostThread.submit(() -> Thread.currentThread().getContextClassLoader()).get();
                assertEquals(String.valueOf(hostContext.getName()), hostThread.submit(() -> plain.get(0).run("x")).get(),
                        "a plain extension runs under the calling thread's context loader");
                assertEquals("graft:a", hostThread.submit(() -> contextual.get(0).run("x")).get());
                assertEquals("graft:b", hostThread.submit(() -> contextual.get(1).run("x")).get());
                assertSame(hostContext, hostThread.submit(() -> Thread.currentThread().getContextClassLoader()).get(),
                        "the host thread's context loader is restored after each call");
            } finally {
                hostThread.shutdownNow();
            }
        }
    }

    @Test
    void exceptionsPassThroughUnchangedAndTheContextIsRestored() throws Exception {
        try (PluginRuntime runtime = runtime(plugins())) {
            Task task = runtime.contextualExtensions(Task.class).get(0);
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            IOException checked = assertThrows(IOException.class, () -> task.run("throw"));
            assertEquals("thrown by a.Work", checked.getMessage());
            assertSame(before, Thread.currentThread().getContextClassLoader());
            IllegalStateException unchecked = assertThrows(IllegalStateException.class, () -> task.run("unchecked"));
            assertEquals("unchecked", unchecked.getMessage());
            assertSame(before, Thread.currentThread().getContextClassLoader());
        }
    }

    @Test
    void aContextualExtensionIsOneStableObjectThatIsNotTheInstance() throws Exception {
        try (PluginRuntime runtime = runtime(plugins())) {
            Task first = runtime.contextualExtensions(Task.class).get(0);
            assertSame(first, runtime.contextualExtensions(Task.class).get(0), "the same proxy on every request");
            Task instance = runtime.extensions(Task.class).get(0);
            assertNotSame(instance, first);
            assertEquals(first, first);
            assertNotEquals(first, instance, "equality is the proxy's identity, and symmetric");
            assertNotEquals(instance, first);
            assertEquals(System.identityHashCode(first), first.hashCode());
            assertEquals("task of graft:a", first.toString(), "toString is plugin code too, called in its context");
        }
    }

    @Test
    void aNestedCallRestoresTheOuterPluginsContext() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("inner").java("inner.Work", contextTask("inner.Work")).extension(TASK, "inner.Work", 1).zip(dir);
        plugins.plugin("outer").java("outer.Calls", "package outer; import dev.graft.loader.fixture.api.*;"
                + " public class Calls implements Task { public static Task next;"
                + " public String run(String in) throws Exception { String mine = Thread.currentThread().getContextClassLoader().getName();"
                + "   String theirs = next.run(in); return mine + \">\" + theirs + \">\" + Thread.currentThread().getContextClassLoader().getName(); } }")
                .extension(TASK, "outer.Calls", 0).zip(dir);
        try (PluginRuntime runtime = runtime(dir)) {
            List<Task> tasks = runtime.contextualExtensions(Task.class);
            Class<?> calls = runtime.extensions(Task.class).get(0).getClass();
            calls.getField("next").set(null, tasks.get(1));
            assertEquals("graft:outer>graft:inner>graft:outer", tasks.get(0).run("x"));
        }
    }

    @Test
    void onlyInterfacePointsCanBeContextual() throws Exception {
        try (PluginRuntime runtime = runtime(plugins())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> runtime.contextualExtensions(Object.class));
            assertTrue(e.getMessage().contains("java.lang.Object is not an interface"), e.getMessage());
            assertEquals(List.of(), runtime.contextualExtensions(Runnable.class), "an interface without extensions");
            assertEquals("hello", runtime.contextualExtensions(Greeter.class).get(0).greet());
        }
    }
}
