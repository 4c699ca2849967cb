package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginId;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Legacy Lavalink plugins: one jar with its classes, its dependencies flattened in and
 * {@code lavalink-plugins/<name>.properties}, loaded unchanged as a single-loader plugin beside
 * Graft and pf4j plugins; every mistake in the descriptor is that jar's {@code FAILED} status, naming
 * the jar, the entry (and the line), what was expected and what was found.
 */
class LavalinkJarTest {

    private static final String ID_SYNTAX = PluginId.SYNTAX;

    @TempDir
    Path tmp;

    private PluginRuntime.Builder builder(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").hostFallback(false);
    }

    /** A Lavalink plugin as its Gradle plugin builds it: classes, a flattened library, the descriptor. */
    private TestPlugin lavalink(String file, String descriptor) {
        return TestPlugin.in(tmp, file)
                .java("com.example.lava.plugin.LavaComponent",
                        "package com.example.lava.plugin; public class LavaComponent {"
                                + " public Object lib() { return new com.example.shaded.Lib(); } }")
                .java("com.example.shaded.Lib", "package com.example.shaded; public class Lib {}")
                .resource("lavalink-plugins/" + file + ".properties", descriptor);
    }

    private static String descriptor(String name, String path, String version) {
        return "name=" + name + "\npath=" + path + "\nversion=" + version + "\n";
    }

    private static Map<String, PluginStatus> statuses(PluginRuntime runtime) {
        return runtime.plugins().stream().collect(Collectors.toMap(s -> s.source().getFileName().toString(), s -> s,
                (a, b) -> a, TreeMap::new));
    }

    private static String failure(Map<String, PluginStatus> statuses, String file) {
        PluginStatus s = statuses.get(file);
        assertEquals(PluginState.FAILED, s.state(), file + ": " + s);
        return s.reason();
    }

    @Test
    void aLavalinkJarLoadsUnchangedAsOneLoaderBesideGraftAndPf4jPlugins() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        lavalink("lavasrc-plugin", "# written by the Lavalink Gradle plugin\n"
                + descriptor("lavasrc", "com.example.lava.plugin", "4.2.0")).jar(dir);
        new Plugins(tmp).plugin("graft").java("g.Hello", greeter("g.Hello", "graft")).extension(GREETER, "g.Hello", 0)
                .zip(dir);
        TestPlugin.Jars.write(dir.resolve("pf.jar"), TestPlugin.in(tmp, "pf")
                .java("pf.P", "package pf; public class P {}").classEntries(), Map.of("Plugin-Id", "pf", "Plugin-Version", "1"));
        // a Graft plugin that depends on the Lavalink one sees its classes: it exports everything
        new Plugins(tmp).plugin("user").dependency("lavasrc").java("u.U", "package u; public class U {}").zip(dir);
        try (PluginRuntime runtime = builder(dir).build()) {
            assertEquals(4, runtime.loadedPlugins().size(), runtime.plugins().toString());
            LoadedPlugin lava = runtime.plugin("lavasrc").orElseThrow();
            assertEquals(PluginFormat.LAVALINK_JAR, lava.format());
            assertEquals("jar (lavalink)", lava.format().toString());
            assertEquals(Version.parse("4.2.0"), lava.version());
            assertEquals(List.of("com.example.lava.plugin"), lava.scanPackages());
            PluginManifest manifest = lava.manifest();
            assertEquals(VersionRange.ANY, manifest.requires());
            assertEquals(List.of(), manifest.dependencies());
            assertEquals(List.of(), manifest.exports());
            assertTrue(lava.libraryLoader().isEmpty(), "one loader for the whole jar");
            ClassLoader loader = lava.classLoader();
            Class<?> component = loader.loadClass("com.example.lava.plugin.LavaComponent");
            assertSame(loader, component.getClassLoader());
            assertSame(loader, loader.loadClass("com.example.shaded.Lib").getClassLoader(), "flattened library, same loader");
            assertSame(component, runtime.plugin("user").orElseThrow().classLoader()
                    .loadClass("com.example.lava.plugin.LavaComponent"), "exported to its dependent");
            assertTrue(runtime.points().stream().noneMatch(p -> p.startsWith("com.example")), runtime.points().toString());
            assertEquals(List.of("graft"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            for (String other : List.of("graft", "pf", "user")) {
                assertEquals(List.of(), runtime.plugin(other).orElseThrow().scanPackages(), other);
            }
            assertEquals(PluginFormat.PF4J_JAR, runtime.plugin("pf").orElseThrow().format());
        }
    }

    /** Lavalink never checked {@code version}: SemVer as is, {@code 1} and {@code 1.2} padded, a leading {@code v} dropped. */
    @Test
    void versionsAreReadLenientlyAndAnythingElseFailsNamingTheValue() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Map<String, String> good = new LinkedHashMap<>();
        good.put("1.2.3", "1.2.3");
        good.put("1.0.0-SNAPSHOT", "1.0.0-SNAPSHOT");
        good.put("2.0.0-rc.1+build.5", "2.0.0-rc.1+build.5");
        good.put("1", "1.0.0");
        good.put("1.2", "1.2.0");
        good.put("v1.2.3", "1.2.3");
        good.put("v4", "4.0.0");
        good.put("v0.9", "0.9.0");
        good.put("3.1 ", "3.1.0"); // Properties keeps trailing blanks; Lavalink's own log shows them, Graft trims
        int i = 0;
        for (String v : good.keySet()) {
            lavalink("ok" + i, descriptor("ok" + i, "com.example.lava.plugin", v)).jar(dir);
            i++;
        }
        List<String> bad = List.of("1.x", "latest", "1.2.3.4", "v", "a1b2c3d", "01.2", "1.2-SNAPSHOT", "V1.0.0");
        for (int j = 0; j < bad.size(); j++) {
            lavalink("bad" + j, descriptor("bad" + j, "com.example.lava.plugin", bad.get(j))).jar(dir);
        }
        try (PluginRuntime runtime = builder(dir).build()) {
            Map<String, PluginStatus> statuses = statuses(runtime);
            i = 0;
            for (Map.Entry<String, String> e : good.entrySet()) {
                assertEquals(Version.parse(e.getValue()), runtime.plugin("ok" + i).orElseThrow().version(), e.getKey());
                i++;
            }
            for (int j = 0; j < bad.size(); j++) {
                assertEquals("bad" + j + ".jar!/lavalink-plugins/bad" + j + ".properties:3: bad 'version': '" + bad.get(j)
                        + "': expected a version such as 1.4.0 or 2.0.0-rc.1 (SemVer), or 1 or 1.4 (read as 1.0.0 and"
                        + " 1.4.0), with or without a leading 'v'", failure(statuses, "bad" + j + ".jar"));
            }
        }
    }

    @Test
    void eachMistakeInTheDescriptorFailsThatJarAloneNamingEntryLineAndValue() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        lavalink("good", descriptor("good", "com.example.lava.plugin", "1.0.0")).jar(dir);
        lavalink("spaced", descriptor("Lava Src", "com.example.lava.plugin", "1.0.0")).jar(dir);
        lavalink("long", descriptor("x".repeat(65), "com.example.lava.plugin", "1.0.0")).jar(dir);
        lavalink("slashes", descriptor("slashes", "com/example/lava/plugin", "1.0.0")).jar(dir);
        lavalink("dots", "# comment\n! another\n\nname = dots\n  path : com.example..plugin\nversion 1.0.0\n").jar(dir);
        lavalink("digit", descriptor("digit", "com.1example", "1.0.0")).jar(dir);
        lavalink("continued", "name=continued\npath=com.example.\\\n   lava.\\\n   plu gin\nversion=1.0.0\n").jar(dir);
        lavalink("no-path", "name=no-path\nversion=1.0.0\n").jar(dir);
        lavalink("no-name", "path=com.example.lava.plugin\nversion=1.0.0\n").jar(dir);
        lavalink("no-version", "name=no-version\npath=com.example.lava.plugin\n").jar(dir);
        lavalink("empty-name", "name=\npath=com.example.lava.plugin\nversion=1.0.0\n").jar(dir);
        lavalink("blank-path", "name=blank-path\npath=   \nversion=1.0.0\n").jar(dir);
        lavalink("malformed", "name=malformed\npath=a.b\nversion=\\u12\n").jar(dir);
        lavalink("two", descriptor("two", "com.example.lava.plugin", "1.0.0"))
                .resource("lavalink-plugins/another.properties", descriptor("another", "com.example.other", "1.0.0"))
                .resource("lavalink-plugins/nested/third.properties", descriptor("third", "com.example.third", "1.0.0"))
                .jar(dir);
        try (PluginRuntime runtime = builder(dir).build()) {
            Map<String, PluginStatus> s = statuses(runtime);
            assertEquals(PluginState.LOADED, s.get("good.jar").state(), s.toString());
            assertEquals("spaced.jar!/lavalink-plugins/spaced.properties:1: bad 'name': 'Lava Src': not a valid plugin id;"
                    + " expected " + ID_SYNTAX, failure(s, "spaced.jar"));
            assertEquals("long.jar!/lavalink-plugins/long.properties:1: bad 'name': '" + "x".repeat(65) + "': not a valid"
                    + " plugin id; expected " + ID_SYNTAX, failure(s, "long.jar"));
            String path = ": expected a Java package name (dot-separated Java identifiers) such as com.example.plugin";
            assertEquals("slashes.jar!/lavalink-plugins/slashes.properties:2: bad 'path': 'com/example/lava/plugin'" + path,
                    failure(s, "slashes.jar"));
            assertEquals("dots.jar!/lavalink-plugins/dots.properties:5: bad 'path': 'com.example..plugin'" + path,
                    failure(s, "dots.jar"));
            assertEquals("digit.jar!/lavalink-plugins/digit.properties:2: bad 'path': 'com.1example'" + path,
                    failure(s, "digit.jar"));
            assertEquals("continued.jar!/lavalink-plugins/continued.properties:2: bad 'path': 'com.example.lava.plu gin'"
                    + path, failure(s, "continued.jar"));
            assertEquals("no-path.jar!/lavalink-plugins/no-path.properties: expected a 'path' key (the package scanned"
                    + " for the plugin's Spring components), found none", failure(s, "no-path.jar"));
            assertEquals("no-name.jar!/lavalink-plugins/no-name.properties: expected a 'name' key (the plugin's name,"
                    + " its id in Graft), found none", failure(s, "no-name.jar"));
            assertEquals("no-version.jar!/lavalink-plugins/no-version.properties: expected a 'version' key (the"
                    + " plugin's version), found none", failure(s, "no-version.jar"));
            assertEquals("empty-name.jar!/lavalink-plugins/empty-name.properties:1: expected a value for 'name' (the"
                    + " plugin's name, its id in Graft), found an empty one", failure(s, "empty-name.jar"));
            assertEquals("blank-path.jar!/lavalink-plugins/blank-path.properties:2: expected a value for 'path' (the"
                    + " package scanned for the plugin's Spring components), found an empty one", failure(s, "blank-path.jar"));
            assertEquals("malformed.jar!/lavalink-plugins/malformed.properties: expected a properties file, found:"
                    + " Malformed \\uxxxx encoding.", failure(s, "malformed.jar"));
            assertEquals("two.jar holds 3 Lavalink plugin descriptors: lavalink-plugins/another.properties,"
                    + " lavalink-plugins/nested/third.properties, lavalink-plugins/two.properties; Lavalink loads each"
                    + " as a plugin, Graft loads one plugin per archive: split the jar into one jar per descriptor",
                    failure(s, "two.jar"));
            assertEquals(14, s.size());
        }
    }

    /** Values of 100,000 characters: each refused in one pass, and quoted by their start and length. */
    @Test
    void hugeValuesAreRefusedWithShortMessages() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        lavalink("name", descriptor("n".repeat(100_000), "com.example.lava.plugin", "1.0.0")).jar(dir);
        lavalink("path", descriptor("path", "a.".repeat(50_000) + "1", "1.0.0")).jar(dir);
        lavalink("version", descriptor("version", "com.example.lava.plugin", "1." + "0".repeat(100_000))).jar(dir);
        try (PluginRuntime runtime = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(20), () -> builder(dir).build())) {
            Map<String, PluginStatus> s = statuses(runtime);
            assertEquals("name.jar!/lavalink-plugins/name.properties:1: bad 'name': '" + "n".repeat(100) + "...' (100000"
                    + " characters): not a valid plugin id; expected " + ID_SYNTAX, failure(s, "name.jar"));
            assertEquals("path.jar!/lavalink-plugins/path.properties:2: bad 'path': '" + "a.".repeat(50) + "...' (100001"
                    + " characters): expected a Java package name (dot-separated Java identifiers) such as"
                    + " com.example.plugin", failure(s, "path.jar"));
            assertEquals("version.jar!/lavalink-plugins/version.properties:3: bad 'version': '1." + "0".repeat(98)
                    + "...' (100002 characters): expected a version such as 1.4.0 or 2.0.0-rc.1 (SemVer), or 1 or 1.4"
                    + " (read as 1.0.0 and 1.4.0), with or without a leading 'v'", failure(s, "version.jar"));
        }
    }

    @Test
    void aDescriptorLargerThanTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        String padding = "# " + "x".repeat(2000) + "\n";
        lavalink("big", padding + descriptor("big", "com.example.lava.plugin", "1.0.0")).jar(dir);
        lavalink("small", descriptor("small", "com.example.lava.plugin", "1.0.0")).jar(dir);
        int size = (padding + descriptor("big", "com.example.lava.plugin", "1.0.0")).getBytes(StandardCharsets.UTF_8).length;
        try (PluginRuntime runtime = builder(dir).archiveLimits(new ArchiveLimits(1000, 1L << 30, 1000)).build()) {
            Map<String, PluginStatus> s = statuses(runtime);
            assertEquals(PluginState.LOADED, s.get("small.jar").state(), s.toString());
            assertEquals("big.jar!/lavalink-plugins/big.properties declares " + size + " bytes uncompressed, more than"
                    + " the limit of 1000 bytes; raise PluginRuntime.Builder.archiveLimits if it is genuine",
                    failure(s, "big.jar"));
        }
    }

    /** The precedence: Graft's manifest, then a Lavalink descriptor, then pf4j's metadata. */
    @Test
    void aGraftManifestWinsOverALavalinkDescriptorWhichWinsOverPf4jMetadata() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        new Plugins(tmp).plugin("migrated").java("g.Hello", greeter("g.Hello", "migrated")).extension(GREETER, "g.Hello", 0)
                .resource("lavalink-plugins/migrated.properties", descriptor("old-name", "g", "0.1.0")).jar(dir);
        // flattened dependencies may bring a plugin.properties (Eclipse bundles carry one) or a manifest attribute
        lavalink("props", descriptor("props", "com.example.lava.plugin", "1.0.0"))
                .resource("plugin.properties", "plugin.id=not-this\nplugin.version=9.9.9\n").jar(dir);
        Map<String, byte[]> entries = lavalink("attr", descriptor("attr", "com.example.lava.plugin", "1.0.0")).classEntries();
        TestPlugin.Jars.write(dir.resolve("attr.jar"), entries, Map.of("Plugin-Id", "not-this", "Plugin-Version", "9.9.9"));
        // a lavalink-plugins/ folder without a .properties file is no descriptor
        TestPlugin.in(tmp, "readme").java("r.R", "package r; public class R {}")
                .resource("lavalink-plugins/README.md", "nothing here").jar(dir);
        try (PluginRuntime runtime = builder(dir).build()) {
            Map<String, PluginStatus> s = statuses(runtime);
            LoadedPlugin migrated = runtime.plugin("migrated").orElseThrow();
            assertEquals(PluginFormat.GRAFT_JAR, migrated.format());
            assertEquals(List.of(), migrated.scanPackages());
            assertEquals(List.of("migrated"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            for (String id : List.of("props", "attr")) {
                assertEquals(PluginFormat.LAVALINK_JAR, runtime.plugin(id).orElseThrow().format(), id);
            }
            assertEquals("readme.jar is not a plugin: expected Graft's " + ManifestFormat.PATH + " (written by"
                    + " graft-processor; is it configured as an annotation processor?), a pf4j Plugin-Id manifest"
                    + " attribute or plugin.properties, or Lavalink's lavalink-plugins/<name>.properties, found none",
                    failure(s, "readme.jar"));
            assertEquals(4, s.size(), s.toString());
        }
    }
}
