package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.CODEC;
import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.classloading.Linkage;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Codec;
import dev.graft.loader.fixture.api.Greeter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugins of one runtime share rather than copy, and what a plugin keeps only once it is
 * needed: the heap cuts of docs/BENCHMARKS.md, "Where the heap goes", each checked here so that
 * undoing one fails a test.
 */
class SharedMetadataTest {

    @TempDir
    Path tmp;

    private Path dir;

    /** Two plugins with an extension of the same point each; the second's class also extends a second point. */
    @BeforeEach
    void plugins() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("one").java("one.Hi", greeter("one.Hi", "one")).extension(GREETER, "one.Hi", 0).zip(dir);
        plugins.plugin("two").java("two.Hi", "package two; public class Hi implements dev.graft.loader.fixture.api.Greeter,"
                        + " dev.graft.loader.fixture.api.Codec {"
                        + " public String greet() { return \"two\"; } public String encode(String s) { return s; } }")
                .extension(GREETER, "two.Hi", 0).extension(CODEC, "two.Hi", 0).zip(dir);
    }

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void thePluginsOfARuntimeShareOneStringPerPointName() {
        try (PluginRuntime runtime = runtime()) {
            List<ExtensionEntry> entries = runtime.entries(GREETER);
            assertEquals(2, entries.size());
            assertSame(entries.get(0).point(), entries.get(1).point());
        }
    }

    @Test
    void thePluginsShareOneStringForTheirMetadataDirectory() {
        try (PluginRuntime runtime = runtime()) {
            runtime.extensions(Greeter.class); // links both: their directories are gathered
            assertSame(metadataDirectory(runtime, "one"), metadataDirectory(runtime, "two"));
        }
    }

    private static String metadataDirectory(PluginRuntime runtime, String id) {
        for (String dir : runtime.plugin(id).orElseThrow().archive().classes().directories()) {
            if (dir.equals("META-INF/graft")) {
                return dir;
            }
        }
        throw new AssertionError(id + " has no META-INF/graft");
    }

    @Test
    void anIndexWhoseClassesExtendOnePointEachHoldsNoMap() throws Exception {
        try (PluginRuntime runtime = runtime()) {
            ExtensionIndex one = runtime.plugin("one").orElseThrow().index();
            one.entries(GREETER).get(0).instance(Greeter.class);
            assertEquals(List.of(), maps(one), "entries in an array by point, each instance in its entry");

            ExtensionIndex two = runtime.plugin("two").orElseThrow().index();
            Object greeter = two.entries(GREETER).get(0).instance(Greeter.class);
            assertSame(greeter, two.entries(CODEC).get(0).instance(Codec.class), "one instance for both points");
            assertEquals(1, maps(two).size(), "the holders of a class under two points, by name");
        }
    }

    @Test
    void aPluginKeepsTheLoadersOfItsExportsOnlyOnceADependantLinks() throws Exception {
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec base = plugins.plugin("base").java("base.Api", "package base; public interface Api {}");
        base.zip(dir);
        plugins.plugin("user").dependency("base").classpath(base.classes())
                .java("user.Hello", "package user; public class Hello implements base.Api,"
                        + " dev.graft.loader.fixture.api.Greeter { public String greet() { return \"user\"; } }")
                .extension(GREETER, "user.Hello", 0).zip(dir);
        try (PluginRuntime runtime = runtime()) {
            assertEquals(3, runtime.extensions(Greeter.class).size()); // links one, two, user and base
            for (String id : List.of("one", "two", "user")) {
                Linkage linkage = runtime.plugin(id).orElseThrow().linkage();
                assertTrue(linkage.isLinked(), id);
                assertEquals(List.of(), maps(linkage), id + ": nothing depends on it");
                assertEquals(List.of(), maps(linkage.pair()), id);
            }
            List<Object> baseMaps = maps(runtime.plugin("base").orElseThrow().linkage());
            assertEquals(List.of(Map.of("base", runtime.plugin("base").orElseThrow().classLoader())), baseMaps,
                    "its exports, for user");
        }
    }

    /** The maps an object's own fields hold. */
    private static List<Object> maps(Object o) throws IllegalAccessException {
        List<Object> maps = new ArrayList<>();
        for (Field f : o.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                f.setAccessible(true);
                if (f.get(o) instanceof Map<?, ?> map) {
                    maps.add(map);
                }
            }
        }
        return maps;
    }
}
