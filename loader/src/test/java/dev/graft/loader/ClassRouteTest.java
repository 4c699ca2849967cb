package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LoadedPlugin#route(String)} says, without loading anything, what {@code loadClass} then
 * does: for every row of the delegation table and for the ways a lookup fails.
 */
class ClassRouteTest {

    private static final String SHARED = "dev.graft.loader.fixture.api";

    @TempDir
    Path tmp;

    private Path folder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("api").export("api.x").java("api.x.Api", "package api.x; public class Api {}").zip(dir);
        Path lib = TestPlugin.Jars.write(tmp.resolve("lib.jar"),
                TestPlugin.in(tmp, "libsrc").java("lib.Lib", "package lib; public class Lib {}").classEntries(), null);
        plugins.plugin("user").dependency("api")
                .java("user.Own", "package user; public class Own {}")
                .java("api.x.Api", "package api.x; public class Api { /* a shaded copy */ }")
                .library("lib.jar", lib).zip(dir);
        return dir;
    }

    private PluginRuntime runtime(Path dir, boolean fallback) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").sharedPackages(SHARED)
                .hostClassLoader(ClassRouteTest.class.getClassLoader()).hostFallback(fallback)
                .cache(tmp.resolve("cache"), 1L << 30).build();
    }

    @Test
    void eachRowOfTheTableIsExplainedWithoutLoadingAndLoadClassAgrees() throws Exception {
        try (PluginRuntime runtime = runtime(folder(), true)) {
            LoadedPlugin user = runtime.plugin("user").orElseThrow();
            Map<String, ClassRoute.Rule> expected = Map.of(
                    "java.lang.String", ClassRoute.Rule.JDK,
                    "java.sql.Driver", ClassRoute.Rule.JDK,
                    SHARED + ".Greeter", ClassRoute.Rule.SHARED,
                    "api.x.Api", ClassRoute.Rule.DEPENDENCY_EXPORT,
                    "user.Own", ClassRoute.Rule.OWN_CLASSES,
                    "lib.Lib", ClassRoute.Rule.LIBRARIES,
                    "org.junit.jupiter.api.Test", ClassRoute.Rule.HOST_FALLBACK,
                    "nowhere.Missing", ClassRoute.Rule.HOST_FALLBACK,
                    "user.Missing", ClassRoute.Rule.PACKAGE_WITHOUT_CLASS);
            PluginClassLoader classes = (PluginClassLoader) user.classLoader();
            for (Map.Entry<String, ClassRoute.Rule> e : expected.entrySet()) {
                ClassRoute route = user.route(e.getKey());
                assertEquals(e.getValue(), route.rule(), route.toString());
                assertEquals("graft:user", route.requester());
                assertFalse(classes.hasLoaded(e.getKey()), "explaining " + e.getKey() + " loads nothing");
                agrees(route, classes);
            }
            assertEquals(Optional.of("api"), user.route("api.x.Api").pluginId(), "the dependency's, not the copy");
            assertEquals(Optional.of("graft:user:lib"), user.route("lib.Lib").servedBy());
            assertFalse(user.route("nowhere.Missing").found());
        }
    }

    @Test
    void theLibraryLoadersRoutesAreItsOwn() throws Exception {
        try (PluginRuntime runtime = runtime(folder(), true)) {
            LoadedPlugin user = runtime.plugin("user").orElseThrow();
            ClassRoute own = user.libraryRoute("user.Own").orElseThrow();
            assertEquals(ClassRoute.Rule.OWN_CLASSES, own.rule(), "row 4': a library sees the plugin's classes");
            assertEquals("4'", own.row());
            assertEquals("graft:user:lib", own.requester());
            ClassRoute lib = user.libraryRoute("lib.Lib").orElseThrow();
            assertEquals(ClassRoute.Rule.LIBRARIES, lib.rule());
            assertTrue(lib.libraries());
            agrees(own, (PluginClassLoader) user.libraryLoader().orElseThrow());
            assertEquals(Optional.empty(), runtime.plugin("api").orElseThrow().libraryRoute("api.x.Api"),
                    "a plugin without lib/ has no library loader");
        }
    }

    @Test
    void withoutHostFallbackAnUnknownPackageIsNotFound() throws Exception {
        try (PluginRuntime runtime = runtime(folder(), false)) {
            LoadedPlugin user = runtime.plugin("user").orElseThrow();
            ClassRoute route = user.route("org.junit.jupiter.api.Test");
            assertEquals(ClassRoute.Rule.NO_SOURCE, route.rule());
            assertEquals(Optional.empty(), route.servedBy());
            agrees(route, (PluginClassLoader) user.classLoader());
        }
    }

    @Test
    void anUnloadedPluginStillAnswersTheJdkAndNothingElse() throws Exception {
        PluginRuntime runtime = runtime(folder(), true);
        LoadedPlugin user = runtime.plugin("user").orElseThrow();
        PluginClassLoader classes = (PluginClassLoader) user.classLoader();
        runtime.close();
        assertEquals(ClassRoute.Rule.UNLOADED, user.route("org.junit.jupiter.api.Test").rule());
        assertEquals(ClassRoute.Rule.JDK, user.route("java.lang.String").rule());
        agrees(user.route("org.junit.jupiter.api.Test"), classes);
    }

    /** loadClass returns a class from the loader the route names, or fails where the route finds none. */
    private static void agrees(ClassRoute route, PluginClassLoader loader) throws Exception {
        if (!route.found()) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(route.className()), route.toString());
            return;
        }
        Class<?> c = loader.loadClass(route.className());
        ClassLoader defining = c.getClassLoader();
        String actual = defining == null || defining == ClassLoader.getPlatformClassLoader() ? "platform"
                : defining instanceof PluginClassLoader p ? p.getName() : "host";
        assertEquals(route.servedBy().orElseThrow(), actual, route.toString());
    }
}
