package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A name ending in {@code /} asks a plugin's loader for a directory, as Spring's class-path
 * scanning does ({@code classpath*:com/example/**}{@code /*.class} asks for {@code com/example/}):
 * every root of the plugin, classes and libraries, that holds the directory or anything below it
 * answers with a URL of it, in the order resources are found; the host's come after when host
 * fallback is on. Hostile names get nothing from the plugin.
 */
class DirectoryResourcesTest {

    @TempDir
    Path tmp;
    private Path plugins;
    private Path lib;

    @BeforeEach
    void library() {
        plugins = tmp.resolve("plugins");
        Map<String, byte[]> entries = new TreeMap<>(TestPlugin.in(tmp, "lib")
                .java("com.example.lib.L", "package com.example.lib; public class L {}")
                .java("org.lib.M", "package org.lib; public class M {}").classEntries());
        entries.put("org/lib/data.txt", "lib data".getBytes(StandardCharsets.UTF_8));
        entries.put("../escape/x.txt", "a jar's entry may say anything".getBytes(StandardCharsets.UTF_8));
        lib = TestPlugin.Jars.write(tmp.resolve("lib.jar"), entries, null);
    }

    private Plugins.Spec scan() {
        return new Plugins(tmp).plugin("scan")
                .java("com.example.a.A", "package com.example.a; public class A {}")
                .java("com.example.b.B", "package com.example.b; public class B {}")
                .resource("com/example/readme.txt", "readme")
                .resource("a//b/c.txt", "a name with an empty segment");
    }

    private PluginRuntime.Builder builder() {
        return PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api", "x.*").hostFallback(false);
    }

    private static List<String> all(ClassLoader loader, String name) throws IOException {
        List<String> urls = new ArrayList<>();
        for (Enumeration<URL> e = loader.getResources(name); e.hasMoreElements(); ) {
            urls.add(e.nextElement().toExternalForm());
        }
        return urls;
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    @Test
    void aZipAnswersWithItsClassesAndEveryLibraryJarThatHoldsTheDirectoryOrAnythingBelow() throws Exception {
        Path zip = scan().library("lib.jar", lib).zip(Files.createDirectories(plugins));
        String classes = "jar:" + zip.toUri().toURL() + "!/classes/";
        try (PluginRuntime runtime = builder().build()) {
            LoadedPlugin plugin = runtime.plugin("scan").orElseThrow();
            ClassLoader loader = plugin.classLoader();
            assertEquals(classes + "com/example/", loader.getResource("com/example/").toExternalForm());
            List<String> example = all(loader, "com/example/");
            assertEquals(2, example.size(), example.toString());
            assertEquals(classes + "com/example/", example.get(0));
            String cached = example.get(1);
            assertTrue(cached.startsWith("jar:file:") && cached.contains("/.graft-cache/")
                    && cached.endsWith(".jar!/com/example/"), cached);
            String libJar = cached.substring(0, cached.length() - "com/example/".length());
            // a directory that exists only as an ancestor of entries: com/ holds no entry itself
            assertEquals(List.of(classes + "com/", libJar + "com/"), all(loader, "com/"));
            assertEquals(List.of(classes + "com/example/a/"), all(loader, "com/example/a/"));
            assertEquals(List.of(libJar + "com/example/lib/"), all(loader, "com/example/lib/"));
            assertEquals(List.of(libJar + "org/"), all(loader, "org/"));
            assertEquals(List.of(libJar + "org/lib/"), all(loader, "org/lib/"));
            assertEquals(libJar + "org/lib/", loader.getResource("org/lib/").toExternalForm(), "the first root that has it");
            assertEquals(List.of(), all(loader, "com/nothing/"));
            assertNull(loader.getResource("com/example/a/A.class/"), "a file is no directory");
            assertNull(loader.getResource("com/exam/"), "a prefix of a directory's name is no directory");
            assertEquals(example, all(plugin.libraryLoader().orElseThrow(), "com/example/"),
                    "the library loader sees the plugin's directories as the classes loader does");
            for (URL url : Collections.list(loader.getResources("com/example/"))) {
                assertEquals(0, read(url).length, "a directory reads as empty: " + url);
            }
            assertEquals("readme", new String(read(new URL(loader.getResource("com/example/"), "readme.txt")),
                    StandardCharsets.UTF_8), "a URL relative to the directory's is served by the plugin's zip");
            runtime.close();
            java.io.IOException gone = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                    () -> loader.getResources("com/example/"), "an unloaded plugin answers nothing: it says so");
            assertTrue(gone.getMessage().contains("plugin 'scan' was unloaded"), gone.getMessage());
        }
    }

    @Test
    void aSingleJarAnswersFromTheJar() throws Exception {
        Path jar = scan().jar(Files.createDirectories(plugins));
        try (PluginRuntime runtime = builder().build()) {
            ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
            assertEquals(List.of("jar:" + jar.toUri().toURL() + "!/com/example/"), all(loader, "com/example/"));
            assertEquals(List.of("jar:" + jar.toUri().toURL() + "!/com/"), all(loader, "com/"));
        }
    }

    /**
     * Hostile names: the root, empty, dot and dot-dot segments, a 100,000-character name (with a
     * shared {@code x.*} pattern, whose matching once cut a substring per segment). Entries with such
     * names exist in the zip ({@code a//b/}) and in the library ({@code ../escape/}), and still are
     * not returned. With host fallback on, the answer is the host's own.
     */
    @Test
    void hostileNamesGetNothingFromThePlugin() throws Exception {
        scan().library("lib.jar", lib).zip(Files.createDirectories(plugins));
        String deep = "a/".repeat(50_000);
        List<String> names = List.of("/", "", "../", "./", "a//b/", "com//", "com/./", "com/../com/", "/com/", "//",
                "../escape/", deep, "com/" + deep, "x/" + deep);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (PluginRuntime runtime = builder().build()) {
                ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
                assertNotNull(loader.getResource("a//b/c.txt"), "the entry is there");
                for (String name : names) {
                    String shown = name.length() > 40 ? name.substring(0, 40) + "... (" + name.length() + ")" : name;
                    assertNull(loader.getResource(name), shown);
                    assertEquals(List.of(), all(loader, name), shown);
                }
            }
            ClassLoader host = getClass().getClassLoader();
            try (PluginRuntime runtime = builder().hostFallback(true).hostClassLoader(host).build()) {
                ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
                for (String name : names) {
                    // the root is a top-level name: never the host's (class-loading.md, resources)
                    assertEquals(name.isEmpty() ? List.of() : all(host, name), all(loader, name),
                            "the host's own answer for " + name.length());
                }
            }
        });
    }

    @Test
    void anExplodedPluginAnswersWithFileUrlsAndNeverWithADirectoryThatLeadsOutside() throws Exception {
        Path dir = scan().library("lib.jar", lib).directory(Files.createDirectories(plugins));
        Path classes = dir.resolve("classes");
        Path outside = Files.createDirectories(tmp.resolve("outside/a"));
        Files.copy(classes.resolve("com/example/a/A.class"), outside.resolve("A.class"));
        try {
            Files.delete(Files.createSymbolicLink(tmp.resolve("probe"), outside));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links are not supported here: " + e);
        }
        try (PluginRuntime runtime = builder().build()) {
            ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
            String libJar = "jar:" + dir.resolve("lib/lib.jar").toUri().toURL() + "!/";
            assertEquals(List.of(classes.resolve("com/example").toUri().toURL().toExternalForm(), libJar + "com/example/"),
                    all(loader, "com/example/"));
            assertEquals(List.of(classes.resolve("com").toUri().toURL().toExternalForm(), libJar + "com/"), all(loader, "com/"));
            assertTrue(all(loader, "com/example/").get(0).endsWith("/classes/com/example/"));
            assertEquals(0, read(loader.getResource("com/example/")).length);

            // swapped for a link to a folder outside the plugin after it was opened: not returned
            Path a = classes.resolve("com/example/a");
            Files.move(a, tmp.resolve("moved-a"));
            Files.createSymbolicLink(a, outside);
            assertNull(loader.getResource("com/example/a/"));
            assertEquals(List.of(), all(loader, "com/example/a/"));
            assertEquals(classes.resolve("com/example").toUri().toURL().toExternalForm(), loader.getResource("com/example/").toExternalForm(),
                    "its parent still lies inside");
            // a link that stays inside the plugin is followed
            Files.delete(a);
            Files.createSymbolicLink(a, classes.resolve("com/example/b"));
            String linked = classes.resolve("com/example/a").toUri().toURL().toExternalForm();
            assertTrue(linked.endsWith("/"), linked);
            assertEquals(List.of(linked), all(loader, "com/example/a/"));
            // gone: not returned
            Files.delete(a);
            assertEquals(List.of(), all(loader, "com/example/a/"));
        }
        // a link to outside already there when the plugin opens fails the plugin, as before
        Files.createSymbolicLink(classes.resolve("com/example/a"), outside);
        try (PluginRuntime runtime = builder().build()) {
            PluginStatus s = runtime.plugins().get(0);
            assertEquals(PluginState.FAILED, s.state(), s.toString());
            assertEquals("scan/classes/com/example/a is a symbolic link that leads outside the plugin, to "
                    + outside.toRealPath(), s.reason());
        }
    }

    /** Directories of JDK and shared packages come from their owners, as resources there do. */
    @Test
    void theDirectoriesOfJdkAndSharedPackagesAreTheirOwners() throws Exception {
        scan().resource("dev/graft/loader/fixture/api/copy.txt", "a copy of the shared API's folder")
                .resource("java/lang/copy.txt", "a JDK folder").zip(Files.createDirectories(plugins));
        ClassLoader host = getClass().getClassLoader();
        try (PluginRuntime runtime = builder().hostClassLoader(host).build()) {
            ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
            assertEquals(all(host, "dev/graft/loader/fixture/api/"), all(loader, "dev/graft/loader/fixture/api/"));
            assertTrue(all(loader, "dev/graft/loader/fixture/api/").stream().noneMatch(u -> u.contains("scan.zip")));
            assertEquals(all(ClassLoader.getPlatformClassLoader(), "java/lang/"), all(loader, "java/lang/"));
        }
    }

    /** With host fallback on, the host's directories follow the plugin's, as its resources do. */
    @Test
    void theHostsDirectoriesComeAfterThePluginsWhenHostFallbackIsOn() throws Exception {
        Path zip = scan().java("dev.graft.loader.plugin.P", "package dev.graft.loader.plugin; public class P {}")
                .zip(Files.createDirectories(plugins));
        ClassLoader host = getClass().getClassLoader();
        List<String> hosts = all(host, "dev/graft/loader/");
        assertTrue(!hosts.isEmpty(), "the test and main classes hold dev/graft/loader/");
        try (PluginRuntime runtime = builder().hostFallback(true).hostClassLoader(host).build()) {
            ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
            List<String> expected = new ArrayList<>();
            expected.add("jar:" + zip.toUri().toURL() + "!/classes/dev/graft/loader/");
            expected.addAll(hosts);
            assertEquals(expected, all(loader, "dev/graft/loader/"));
            assertEquals(all(host, "org/junit/"), all(loader, "org/junit/"), "the plugin has none: the host's");
        }
    }

    /**
     * A scan inside a plugin finds the plugin's own classes: the directories of the packages its
     * dependencies export are not listed (their own scans find them, and a directory URL lists
     * everything below it, which would include the packages the dependency does not export).
     */
    @Test
    void aDependencysExportedDirectoriesAreNotListed() throws Exception {
        Files.createDirectories(plugins);
        Plugins p = new Plugins(tmp);
        p.plugin("dep").export("com.dep.api").java("com.dep.api.Api", "package com.dep.api; public interface Api {}")
                .java("com.dep.api.internal.Hidden", "package com.dep.api.internal; public class Hidden {}").zip(plugins);
        p.plugin("user").dependency("dep").java("com.user.U", "package com.user; public class U {}").zip(plugins);
        try (PluginRuntime runtime = builder().build()) {
            ClassLoader user = runtime.plugin("user").orElseThrow().classLoader();
            assertNotNull(user.getResource("com/dep/api/Api.class"), "the exported package's resources are seen");
            assertEquals(List.of(), all(user, "com/dep/api/"));
            assertEquals(List.of("jar:" + plugins.resolve("user.zip").toUri().toURL() + "!/classes/com/"), all(user, "com/"));
        }
    }

    /**
     * What Spring's PathMatchingResourcePatternResolver does with a jar URL, by hand: the part
     * before {@code !/} is opened as a JarFile of its own and its entries under the part after are
     * listed; each is then read through a URL relative to the directory's, which the plugin serves.
     */
    @Test
    void theDirectoryUrlWorksAsSpringUsesIt() throws Exception {
        Path zip = scan().library("lib.jar", lib).zip(Files.createDirectories(plugins));
        try (PluginRuntime runtime = builder().build()) {
            ClassLoader loader = runtime.plugin("scan").orElseThrow().classLoader();
            Map<String, byte[]> found = new TreeMap<>();
            for (URL dir : Collections.list(loader.getResources("com/example/"))) {
                String file = dir.getFile();
                int bang = file.indexOf("!/");
                String jarFile = file.substring(0, bang);
                String root = file.substring(bang + 2);
                try (JarFile jar = new JarFile(new java.io.File(new java.net.URI(jarFile)))) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (e.getName().startsWith(root) && e.getName().endsWith(".class")) {
                            String relative = e.getName().substring(root.length());
                            byte[] viaUrl = read(new URL(dir, relative));
                            try (InputStream in = jar.getInputStream(e)) {
                                assertTrue(java.util.Arrays.equals(in.readAllBytes(), viaUrl), relative);
                            }
                            found.put(relative, viaUrl);
                        }
                    }
                }
            }
            assertEquals(new TreeSet<>(List.of("a/A.class", "b/B.class", "lib/L.class")), found.keySet());
            assertTrue(zip.toString().endsWith("scan.zip"));
        }
    }
}
