package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.LoaderLog;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that bundles its own copy of a package a dependency exports (LavaSrc shading
 * LavaSearch's API) gets the dependency's classes for that package, never its copy, and a warning
 * when it is linked (issue 12, item 9).
 */
class ShadedDependencyPackageTest {

    private static final String POINT = "com.lavasearch.api.SearchManager";
    private static final String API = "package com.lavasearch.api; public interface SearchManager { String name(); }";
    private static final String WARNING = "WARNING plugin 'lavasrc' (lavasrc.zip) bundles its own copy of package"
            + " com.lavasearch.api, which its dependency 'lavasearch' exports; the dependency's classes are used, the copy"
            + " only for a class the dependency lacks";

    @TempDir
    Path tmp;

    private Path dir;
    private Plugins plugins;
    private Plugins.Spec lavasearch;

    /** lavasearch exports its API and keeps com.lavasearch.impl to itself. */
    @BeforeEach
    void dependency() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        plugins = new Plugins(tmp);
        lavasearch = plugins.plugin("lavasearch").export("com.lavasearch.api").java(POINT, API)
                .java("com.lavasearch.impl.Impl", valued("com.lavasearch.impl.Impl", "lavasearch"));
        lavasearch.zip(dir);
    }

    private static String valued(String className, String text) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " { public static String value() { return \"" + text + "\"; } }";
    }

    private static final String SRC = "package com.lavasrc; public class Src implements com.lavasearch.api.SearchManager"
            + " { public String name() { return \"lavasrc\"; } }";

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").hostFallback(false).build();
    }

    @Test
    void aCopyInTheDependentsClassesIsNeverDefined() throws Exception {
        plugins.plugin("lavasrc").dependency("lavasearch")
                .java(POINT, API) // the shaded copy, in lavasrc's classes/
                .java("com.lavasearch.api.Extra", valued("com.lavasearch.api.Extra", "lavasrc-extra"))
                .java("com.lavasearch.impl.Impl", valued("com.lavasearch.impl.Impl", "lavasrc"))
                .java("com.lavasrc.Src", SRC).extension(POINT, "com.lavasrc.Src", 0).zip(dir);
        List<String> warnings = warningsWhile(() -> {
            try (PluginRuntime runtime = runtime()) {
                LoadedPlugin search = runtime.plugin("lavasearch").orElseThrow();
                LoadedPlugin src = runtime.plugin("lavasrc").orElseThrow();
                Class<?> point = search.classLoader().loadClass(POINT);
                List<?> found = runtime.extensions(point);
                assertEquals(1, found.size(), "the extension implements the dependency's type");
                assertTrue(point.isInstance(found.get(0)));
                assertSame(point, src.classLoader().loadClass(POINT), "one SearchManager, the dependency's");
                PluginClassLoader own = (PluginClassLoader) src.classLoader();

                assertNull(own.getDefinedPackage("com.lavasearch.api"), "lavasrc defined no class of the package");
                // (hasLoaded(POINT) is true here, and rightly: the JVM records lavasrc's loader as an
                // initiating loader of the dependency's SearchManager when it resolves Src; the
                // package tells whether lavasrc's loader defined a class of it)
                assertSame(search.classLoader(), point.getClassLoader());
                assertEquals("lavasrc-extra", value(src.classLoader(), "com.lavasearch.api.Extra"),
                        "a class only the copy has is still found in it");
                assertEquals("lavasrc", value(src.classLoader(), "com.lavasearch.impl.Impl"),
                        "a package the dependency does not export: own classes first");
                runtime.extensions(point);
            }
        });
        assertEquals(List.of(WARNING), warnings, "logged once, when lavasrc is linked");
    }

    @Test
    void aCopyInTheDependentsLibrariesIsNeverDefinedEitherByTheLibraryLoader() throws Exception {
        TestPlugin shaded = TestPlugin.in(tmp, "shaded").java(POINT, API)
                .java("lavalib.Wrapper", "package lavalib; public class Wrapper implements com.lavasearch.api.SearchManager"
                        + " { public String name() { return \"wrapper\"; } }");
        Path jar = TestPlugin.Jars.write(tmp.resolve("shaded.jar"), shaded.classEntries(), null);
        plugins.plugin("lavasrc").dependency("lavasearch").library("shaded.jar", jar).classpath(lavasearch.classes())
                .java("com.lavasrc.Src", SRC).extension(POINT, "com.lavasrc.Src", 0).zip(dir);
        List<String> warnings = warningsWhile(() -> {
            try (PluginRuntime runtime = runtime()) {
                LoadedPlugin src = runtime.plugin("lavasrc").orElseThrow();
                Class<?> point = runtime.plugin("lavasearch").orElseThrow().classLoader().loadClass(POINT);
                List<?> found = runtime.extensions(point);
                assertEquals(1, found.size());
                assertTrue(point.isInstance(found.get(0)));
                ClassLoader libraries = src.libraryLoader().orElseThrow();
                Class<?> wrapper = libraries.loadClass("lavalib.Wrapper");
                assertTrue(point.isAssignableFrom(wrapper), "the library's classes see the dependency's type too");
                assertSame(point, libraries.loadClass(POINT));

                assertNull(libraries.getDefinedPackage("com.lavasearch.api"), "the library loader defined no class of it");
            }
        });
        assertEquals(List.of(WARNING), warnings);
    }

    @Test
    void aDependentWithoutACopyIsLinkedWithoutAWarning() throws Exception {
        plugins.plugin("lavasrc").dependency("lavasearch").classpath(lavasearch.classes())
                .java("com.lavasrc.Src", SRC).extension(POINT, "com.lavasrc.Src", 0).zip(dir);
        List<String> warnings = warningsWhile(() -> {
            try (PluginRuntime runtime = runtime()) {
                Class<?> point = runtime.plugin("lavasearch").orElseThrow().classLoader().loadClass(POINT);
                assertEquals(1, runtime.extensions(point).size());
            }
        });
        assertEquals(List.of(), warnings);
    }

    private static String value(ClassLoader loader, String className) throws Exception {
        return (String) loader.loadClass(className).getMethod("value").invoke(null);
    }

    private interface Work {
        void run() throws Exception;
    }

    /** The WARNING records of the loader's logger while {@code work} runs. */
    private static List<String> warningsWhile(Work work) throws Exception {
        List<String> warnings = new java.util.ArrayList<>();
        LoaderLog.lines(warnings, Level.WARNING, () -> {
            work.run();
            return null;
        });
        return warnings;
    }
}
