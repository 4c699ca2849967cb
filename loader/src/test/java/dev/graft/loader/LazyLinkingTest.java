package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin's class loaders are created on first use, after its dependencies', and never twice. */
class LazyLinkingTest {

    @TempDir
    Path tmp;

    private Path dir;

    /** api exports api.Api; user depends on api and greets; idle has no extension; alone greets. */
    @BeforeEach
    void plugins() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec api = plugins.plugin("api").java("api.Api", "package api; public interface Api {}");
        api.zip(dir);
        plugins.plugin("user").dependency("api").classpath(api.classes())
                .java("user.Hello", "package user; public class Hello implements api.Api,"
                        + " dev.graft.loader.fixture.api.Greeter { public String greet() { return \"user\"; } }")
                .extension(GREETER, "user.Hello", 0).zip(dir);
        plugins.plugin("idle").java("idle.Idle", "package idle; public class Idle {}").zip(dir);
        plugins.plugin("alone").java("a.Hi", greeter("a.Hi", "alone")).extension(GREETER, "a.Hi", 1).zip(dir);
    }

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private static List<String> linked(PluginRuntime runtime) {
        List<String> ids = new ArrayList<>();
        for (LoadedPlugin p : runtime.loadedPlugins()) {
            if (p.isLinked()) {
                ids.add(p.id());
            }
        }
        return ids;
    }

    @Test
    void loadingAndListingCreateNoClassLoader() {
        try (PluginRuntime runtime = runtime()) {
            assertEquals(4, runtime.loadedPlugins().size());
            assertEquals(List.of("user", "alone"),
                    runtime.entries(GREETER).stream().map(e -> e.pluginId().orElseThrow()).toList());
            runtime.describe(GREETER);
            runtime.points();
            assertEquals(List.of(), linked(runtime));
        }
    }

    @Test
    void creatingAnExtensionLinksItsPluginAndItsDependenciesOnly() throws Exception {
        try (PluginRuntime runtime = runtime()) {
            ExtensionEntry user = runtime.entries(GREETER).get(0);
            assertEquals("user", user.instance(Greeter.class).greet());
            assertEquals(List.of("api", "user"), linked(runtime), "load order; idle and alone untouched");

            LoadedPlugin api = runtime.plugin("api").orElseThrow();
            Class<?> hello = runtime.plugin("user").orElseThrow().classLoader().loadClass("user.Hello");
            assertSame(api.classLoader(), hello.getInterfaces()[0].getClassLoader(),
                    "api.Api comes from api's loader, created when user's was");
            assertSame(runtime.plugin("user").orElseThrow().index(),
                    ExtensionIndex.read(runtime.plugin("user").orElseThrow().classLoader()),
                    "a loader created late still carries the runtime's index");
        }
    }

    @Test
    void aPluginUnloadedBeforeItsLoaderExistedGivesAClosedLoader() {
        try (PluginRuntime runtime = runtime()) {
            LoadedPlugin user = runtime.plugin("user").orElseThrow();
            assertEquals(List.of("user", "api"), runtime.unload("api"));
            assertFalse(user.isLinked());
            PluginClassLoader loader = (PluginClassLoader) user.classLoader();
            assertTrue(loader.isClosed());
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("user.Hello"));
            assertEquals(List.of("alone"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
        }
    }

    @Test
    void threadsRacingToLinkGetTheSameLoaders() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 20; round++) {
                try (PluginRuntime runtime = runtime()) {
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<List<ClassLoader>>> seen = new ArrayList<>();
                    for (int t = 0; t < 8; t++) {
                        boolean dependencyFirst = t % 2 == 0;
                        seen.add(pool.submit(() -> {
                            start.await();
                            LoadedPlugin api = runtime.plugin("api").orElseThrow();
                            LoadedPlugin user = runtime.plugin("user").orElseThrow();
                            return dependencyFirst ? List.of(api.classLoader(), user.classLoader())
                                    : List.of(user.classLoader().loadClass("api.Api").getClassLoader(),
                                            user.classLoader());
                        }));
                    }
                    start.countDown();
                    List<ClassLoader> first = seen.get(0).get(10, TimeUnit.SECONDS);
                    for (Future<List<ClassLoader>> f : seen) {
                        List<ClassLoader> loaders = f.get(10, TimeUnit.SECONDS);
                        assertSame(first.get(0), loaders.get(0));
                        assertSame(first.get(1), loaders.get(1));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
