package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.CODEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.fixture.HostOnly;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Codec;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassLoadingRulesTest {

    @TempDir
    Path tmp;

    /** A class with {@code public static String value()} returning {@code text}. */
    private static String valued(String className, String text) {
        int dot = className.lastIndexOf('.');
        return "package " + className.substring(0, dot) + "; public class " + className.substring(dot + 1)
                + " { public static String value() { return \"" + text + "\"; } }";
    }

    private static String value(ClassLoader loader, String className) throws Exception {
        return (String) loader.loadClass(className).getMethod("value").invoke(null);
    }

    private Path jar(String name, Map<String, String> sources, Map<String, String> resources) {
        TestPlugin lib = TestPlugin.in(tmp, name);
        sources.forEach(lib::java);
        resources.forEach(lib::resource);
        return TestPlugin.Jars.write(tmp.resolve(name + ".jar"), lib.classEntries(), null);
    }

    private PluginRuntime runtime(Path dir, boolean fallback) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").hostFallback(fallback)
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void jdkAndSharedPackagesComeFromTheHostEvenWhenBundled() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        byte[] fakeGreeter = Files.readAllBytes(Path.of(Codec.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolve("dev/graft/loader/fixture/api/Codec.class"));
        Map<String, byte[]> bundled = new HashMap<>();
        bundled.put("dev/graft/loader/fixture/api/Greeter.class", fakeGreeter);
        bundled.put("java/lang/Runtime.class", fakeGreeter);
        Path lib = TestPlugin.Jars.write(tmp.resolve("copies.jar"), bundled, null);
        new Plugins(tmp).plugin("shadow").library("copies.jar", lib)
                .resource("dev/graft/loader/fixture/api/Greeter.class", "not a class")
                .zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            ClassLoader loader = runtime.plugin("shadow").orElseThrow().classLoader();
            assertSame(Greeter.class, loader.loadClass(Greeter.class.getName()));
            assertSame(Runtime.class, loader.loadClass("java.lang.Runtime"));
            assertSame(Greeter.class, runtime.plugin("shadow").orElseThrow().libraryLoader().orElseThrow()
                    .loadClass(Greeter.class.getName()));
            assertEquals(Greeter.class.getResource("Greeter.class"),
                    loader.getResource("dev/graft/loader/fixture/api/Greeter.class"), "resources too");
        }
    }

    @Test
    void ownClassesComeBeforeLibrariesAndADependencysExportBeforeEitherCopy() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("dep").java("shared.util.Util", valued("shared.util.Util", "dep"))
                .java("dep.Only", valued("dep.Only", "dep-only")).zip(dir);
        Path lib = jar("plib", Map.of(
                "split.Same", valued("split.Same", "lib"),
                "split.LibOnly", valued("split.LibOnly", "lib-only"),
                "shared.util.Util", valued("shared.util.Util", "lib")), Map.of());
        plugins.plugin("app").dependency("dep").library("plib.jar", lib)
                .java("split.Same", valued("split.Same", "own")).zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            ClassLoader app = runtime.plugin("app").orElseThrow().classLoader();
            assertEquals("own", value(app, "split.Same"), "own classes before libraries");
            assertEquals("lib-only", value(app, "split.LibOnly"), "a split package continues into the libraries");
            // dep exports shared.util (all its packages) and app's lib/ bundles a copy: since issue 12
            // the dependency's export wins, so that app and dep see one Util (ShadedDependencyPackageTest)
            assertEquals("dep", value(app, "shared.util.Util"), "a dependency's export before a bundled copy");
            assertEquals("dep-only", value(app, "dep.Only"), "a dependency's exported package");
            assertSame(runtime.plugin("dep").orElseThrow().classLoader(), app.loadClass("dep.Only").getClassLoader(),
                    "one Class object, defined by the dependency");
        }
    }

    @Test
    void aDependentSeesExportsButNeverTheDependencysPrivateLibraries() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        Path apiLib = jar("api-lib", Map.of(
                "apilib.api.Api", valued("apilib.api.Api", "api"),
                "apilib.internal.Hidden", valued("apilib.internal.Hidden", "hidden")), Map.of());
        Path privateLib = jar("private-lib", Map.of("secret.Secret", valued("secret.Secret", "secret")), Map.of());
        plugins.plugin("provider").export("provider.api").export("apilib.api")
                .library("api-lib.jar", apiLib).library("private-lib.jar", privateLib)
                .java("provider.api.Service", valued("provider.api.Service", "service"))
                .java("provider.impl.Impl", valued("provider.impl.Impl", "impl")).zip(dir);
        plugins.plugin("user").dependency("provider").zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            LoadedPlugin provider = runtime.plugin("provider").orElseThrow();
            ClassLoader user = runtime.plugin("user").orElseThrow().classLoader();
            assertEquals("service", value(user, "provider.api.Service"));
            assertEquals("api", value(user, "apilib.api.Api"), "an exported package of a bundled jar");
            assertSame(provider.libraryLoader().orElseThrow(), user.loadClass("apilib.api.Api").getClassLoader());
            for (String hidden : List.of("provider.impl.Impl", "apilib.internal.Hidden", "secret.Secret")) {
                ClassNotFoundException e = assertThrows(ClassNotFoundException.class, () -> user.loadClass(hidden));
                assertEquals(hidden + " (plugin 'user': not in its classes, its libraries or the packages its"
                        + " dependencies export, and host fallback is off)", e.getMessage());
            }
            assertEquals("impl", value(provider.classLoader(), "provider.impl.Impl"), "visible inside the provider");
            assertEquals("secret", value(provider.classLoader(), "secret.Secret"));
        }
    }

    @Test
    void everythingElseFallsBackToTheHostUnlessTurnedOff() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        new Plugins(tmp).plugin("plain").zip(dir);
        try (PluginRuntime on = runtime(dir, true)) {
            assertSame(HostOnly.class, on.plugin("plain").orElseThrow().classLoader().loadClass(HostOnly.class.getName()));
        }
        try (PluginRuntime off = runtime(dir, false)) {
            ClassLoader loader = off.plugin("plain").orElseThrow().classLoader();
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass(HostOnly.class.getName()));
            assertEquals(null, loader.getResource("dev/graft/loader/fixture/HostOnly.class"));
        }
    }

    @Test
    void aClassDefinedToThePluginOutsideItsPackagesIsFoundToo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        new Plugins(tmp).plugin("plain").zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            ClassLoader loader = runtime.plugin("plain").orElseThrow().classLoader();
            Object proxy = java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[] {Greeter.class},
                    (self, method, args) -> "proxied");
            Class<?> proxyClass = proxy.getClass();
            assertSame(loader, proxyClass.getClassLoader(), "the JDK defines the proxy class to the plugin's loader");
            assertSame(proxyClass, loader.loadClass(proxyClass.getName()));
            assertEquals("proxied", ((Greeter) proxy).greet());
        }
    }

    @Test
    void resourcesFollowTheClassOrder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("dep").java("res.Marker", valued("res.Marker", "m")).resource("res/data.txt", "dep").zip(dir);
        Path lib = jar("rlib", Map.of(), Map.of("res/data.txt", "lib"));
        plugins.plugin("app").dependency("dep").library("rlib.jar", lib).resource("res/data.txt", "own").zip(dir);
        try (PluginRuntime runtime = runtime(dir, true)) {
            ClassLoader app = runtime.plugin("app").orElseThrow().classLoader();
            List<String> contents = new ArrayList<>();
            for (URL url : Collections.list(app.getResources("res/data.txt"))) {
                try (InputStream in = url.openStream()) {
                    contents.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            assertEquals(List.of("own", "lib", "dep"), contents);
            try (InputStream in = app.getResourceAsStream("res/data.txt")) {
                assertEquals("own", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertTrue(app.getResource("res/data.txt").toExternalForm().startsWith("jar:file:"),
                    app.getResource("res/data.txt").toExternalForm());
        }
    }

    @Test
    void serviceLoaderWorksWithThePluginLoaderAndTheContextLoader() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Path lib = jar("codecs", Map.of("codecs.Upper", "package codecs; public class Upper implements"
                + " dev.graft.loader.fixture.api.Codec { public String encode(String s) { return s.toUpperCase(); } }"),
                Map.of("META-INF/services/" + CODEC, "codecs.Upper\n"));
        new Plugins(tmp).plugin("svc").library("codecs.jar", lib)
                .java("svc.Finder", "package svc; import dev.graft.loader.fixture.api.*; import java.util.*;"
                        + " public class Finder implements Greeter {"
                        + " private final String found;"
                        + " public Finder() {"
                        + "   List<String> names = new ArrayList<>();"
                        + "   for (Codec c : ServiceLoader.load(Codec.class)) names.add(\"context:\" + c.encode(\"x\"));"
                        + "   for (Codec c : ServiceLoader.load(Codec.class, Finder.class.getClassLoader()))"
                        + "     names.add(\"plugin:\" + c.encode(\"y\"));"
                        + "   found = String.join(\",\", names); }"
                        + " public String greet() { return found; } }")
                .extension(Plugins.GREETER, "svc.Finder", 0).zip(dir);
        try (PluginRuntime runtime = runtime(dir, true)) {
            assertEquals("context:X,plugin:Y", runtime.extensions(Greeter.class).get(0).greet());
        }
    }

    @Test
    void multiReleaseLibrariesResolveTheirVersionedClasses() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Map<String, byte[]> entries = new HashMap<>(TestPlugin.in(tmp, "mr-base")
                .java("mr.Which", valued("mr.Which", "base")).classEntries());
        TestPlugin.in(tmp, "mr-9").java("mr.Which", valued("mr.Which", "java9")).classEntries()
                .forEach((path, bytes) -> entries.put("META-INF/versions/9/" + path, bytes));
        Path mr = TestPlugin.Jars.write(tmp.resolve("mr.jar"), entries, Map.of("Multi-Release", "true"));
        new Plugins(tmp).plugin("multi").library("mr.jar", mr).zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            assertEquals("java9", value(runtime.plugin("multi").orElseThrow().classLoader(), "mr.Which"));
        }
    }

    @Test
    void twoPluginsKeepTheirOwnCopiesOfALibrary() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("one").library("lib.jar", jar("v1", Map.of("lib.Lib", valued("lib.Lib", "v1")), Map.of())).zip(dir);
        plugins.plugin("two").library("lib.jar", jar("v2", Map.of("lib.Lib", valued("lib.Lib", "v2")), Map.of())).zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            Class<?> one = runtime.plugin("one").orElseThrow().classLoader().loadClass("lib.Lib");
            Class<?> two = runtime.plugin("two").orElseThrow().classLoader().loadClass("lib.Lib");
            assertNotSame(one, two);
            assertEquals("v1", one.getMethod("value").invoke(null));
            assertEquals("v2", two.getMethod("value").invoke(null));
        }
    }

    @Test
    void loadersAreParallelCapableAndNamed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        new Plugins(tmp).plugin("named").library("l.jar", jar("l", Map.of("l.L", valued("l.L", "l")), Map.of())).zip(dir);
        try (PluginRuntime runtime = runtime(dir, false)) {
            LoadedPlugin p = runtime.plugin("named").orElseThrow();
            assertTrue(p.classLoader().isRegisteredAsParallelCapable());
            assertTrue(p.libraryLoader().orElseThrow().isRegisteredAsParallelCapable());
            assertEquals("graft:named", p.classLoader().getName());
            assertEquals("graft:named:lib", p.libraryLoader().orElseThrow().getName());
            assertEquals(PluginClassLoader.Role.LIBRARIES, ((PluginClassLoader) p.libraryLoader().orElseThrow()).role());
        }
    }
}
