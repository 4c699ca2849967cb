package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Spring's own class-path scanning, {@link PathMatchingResourcePatternResolver} over a plugin's
 * loader (what {@code @ComponentScan} and {@code classpath*:} patterns run), finds exactly the
 * plugin's classes below the package: in a zip's classes and its library jar, in a single jar, in
 * an exploded plugin and its library jar, in a legacy Lavalink jar under its scan package. Each
 * class resource it finds reads the bytes the plugin's loader defines the class from.
 */
class SpringClassPathScanningTest {

    @TempDir
    Path tmp;
    private Path plugins;
    private Path lib;

    @BeforeEach
    void library() throws IOException {
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        Map<String, byte[]> entries = new TreeMap<>(TestPlugin.in(tmp, "lib")
                .java("com.example.lib.L", "package com.example.lib; public class L {}")
                .java("org.lib.M", "package org.lib; public class M {}").classEntries());
        entries.put("com/example/lib/notes.txt", "not a class".getBytes(StandardCharsets.UTF_8));
        lib = TestPlugin.Jars.write(tmp.resolve("lib.jar"), entries, null);
    }

    private Plugins.Spec scan(String id) {
        return new Plugins(tmp).plugin(id)
                .java("com.example.a.A", "package com.example.a; public class A {}")
                .java("com.example.a.deep.D", "package com.example.a.deep; public class D {}")
                .java("com.example.b.B", "package com.example.b; public class B {}")
                .java("com.other.O", "package com.other; public class O {}")
                .resource("com/example/readme.txt", "not a class");
    }

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(plugins).hostVersion("1.0.0").hostFallback(false).build();
    }

    /** The URLs Spring finds for a pattern, each checked to read what the loader holds under that name. */
    private static Set<String> scan(ClassLoader loader, String pattern, String packageDir) throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver(new DefaultResourceLoader(loader)).getResources(pattern);
        Set<String> urls = new TreeSet<>();
        for (Resource r : found) {
            String url = r.getURL().toExternalForm();
            assertTrue(urls.add(url), "found once: " + url);
            String name = url.substring(url.lastIndexOf(packageDir));
            byte[] expected = null;
            for (URL u : Collections.list(loader.getResources(name))) {
                if (u.toExternalForm().equals(url)) {
                    expected = read(u);
                }
            }
            try (InputStream in = r.getInputStream()) {
                assertTrue(expected != null && Arrays.equals(expected, in.readAllBytes()), url);
            }
        }
        return urls;
    }

    private static byte[] read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    private static Set<String> under(String base, String... relative) {
        Set<String> urls = new TreeSet<>();
        for (String r : relative) {
            urls.add(base + r);
        }
        return urls;
    }

    @Test
    void findsTheClassesOfAZipAndItsLibraryJar() throws Exception {
        Path zip = scan("zipped").library("lib.jar", lib).zip(plugins);
        try (PluginRuntime runtime = runtime()) {
            ClassLoader loader = runtime.plugin("zipped").orElseThrow().classLoader();
            List<URL> dirs = Collections.list(loader.getResources("com/example/"));
            assertEquals(2, dirs.size(), dirs.toString());
            Set<String> expected = under("jar:" + zip.toUri().toURL() + "!/classes/com/example/",
                    "a/A.class", "a/deep/D.class", "b/B.class");
            expected.addAll(under(dirs.get(1).toExternalForm(), "lib/L.class"));
            assertEquals(expected, scan(loader, "classpath*:com/example/**/*.class", "com/example/"));
            assertEquals(under(dirs.get(1).toExternalForm(), "lib/L.class"),
                    scan(loader, "classpath*:com/example/lib/**/*.class", "com/example/"), "the library alone");
            assertEquals(new TreeSet<>(), scan(loader, "classpath*:com/nothing/**/*.class", "com/nothing/"));
        }
        if (Files.isDirectory(Path.of("/proc/self/fd"))) { // Spring closes the JarFiles it opened: unloading frees the files
            String root = tmp.toRealPath().toString();
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                List<String> open = new ArrayList<>();
                for (Path fd : (Iterable<Path>) fds::iterator) {
                    try {
                        open.add(Files.readSymbolicLink(fd).toString());
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
                assertEquals(List.of(), open.stream().filter(f -> f.startsWith(root)).toList());
            }
        }
    }

    @Test
    void findsTheClassesOfASingleJar() throws Exception {
        Path jar = scan("jarred").jar(plugins);
        try (PluginRuntime runtime = runtime()) {
            ClassLoader loader = runtime.plugin("jarred").orElseThrow().classLoader();
            assertEquals(under("jar:" + jar.toUri().toURL() + "!/com/example/", "a/A.class", "a/deep/D.class", "b/B.class"),
                    scan(loader, "classpath*:com/example/**/*.class", "com/example/"));
            assertEquals(under("jar:" + jar.toUri().toURL() + "!/com/", "example/a/A.class", "example/a/deep/D.class",
                    "example/b/B.class", "other/O.class"), scan(loader, "classpath*:com/**/*.class", "com/"),
                    "com/ exists only as an ancestor");
        }
    }

    @Test
    void findsTheClassesOfAnExplodedPluginAndItsLibraryJar() throws Exception {
        Path dir = scan("exploded").library("lib.jar", lib).directory(plugins);
        try (PluginRuntime runtime = runtime()) {
            ClassLoader loader = runtime.plugin("exploded").orElseThrow().classLoader();
            // Spring walks a file: directory itself and names what it finds by their file URLs
            Set<String> expected = new TreeSet<>();
            for (String c : List.of("a/A.class", "a/deep/D.class", "b/B.class")) {
                expected.add(dir.resolve("classes/com/example").resolve(c).toUri().toURL().toExternalForm());
            }
            expected.add("jar:" + dir.resolve("lib/lib.jar").toUri().toURL() + "!/com/example/lib/L.class");
            assertEquals(expected, scan(loader, "classpath*:com/example/**/*.class", "com/example/"));
        }
    }

    @Test
    void findsTheComponentsOfALavalinkJarUnderItsScanPackage() throws Exception {
        Path jar = TestPlugin.in(tmp, "lavasrc-plugin")
                .java("com.github.example.lavasrc.plugin.LavaSrcPlugin",
                        "package com.github.example.lavasrc.plugin; public class LavaSrcPlugin {}")
                .java("com.github.example.lavasrc.plugin.rest.Endpoints",
                        "package com.github.example.lavasrc.plugin.rest; public class Endpoints {}")
                .java("com.github.example.lavasrc.Source", "package com.github.example.lavasrc; public class Source {}")
                .java("okhttp3.Shaded", "package okhttp3; public class Shaded {}")
                .resource("lavalink-plugins/lavasrc.properties",
                        "name=lavasrc\npath=com.github.example.lavasrc.plugin\nversion=4.2.0\n")
                .jar(plugins);
        try (PluginRuntime runtime = runtime()) {
            LoadedPlugin lavasrc = runtime.plugin("lavasrc").orElseThrow();
            List<String> patterns = new ArrayList<>();
            for (String p : lavasrc.scanPackages()) {
                patterns.add("classpath*:" + p.replace('.', '/') + "/**/*.class"); // what @ComponentScan(p) asks
            }
            assertEquals(List.of("classpath*:com/github/example/lavasrc/plugin/**/*.class"), patterns);
            String base = "jar:" + jar.toUri().toURL() + "!/com/github/example/lavasrc/plugin/";
            assertEquals(under(base, "LavaSrcPlugin.class", "rest/Endpoints.class"),
                    scan(lavasrc.classLoader(), patterns.get(0), "com/github/example/lavasrc/plugin/"));
        }
    }
}
