package dev.graft.loader.leak;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.testing.TestPlugin;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which ThreadLocal values count as a plugin's: what a leftover reference to them keeps alive. */
class OwnershipTest {

    @TempDir
    Path tmp;

    @Test
    void thePluginsObjectsClassesLoadersAndContainersHoldingThemDirectly() throws Exception {
        Path jar = TestPlugin.Jars.write(tmp.resolve("p.jar"),
                TestPlugin.in(tmp, "p").java("p.Value", "package p; public class Value {}").classEntries(), null);
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<ClassLoader> loaders = List.of(plugin);
            Class<?> type = plugin.loadClass("p.Value");
            Object value = type.getConstructor().newInstance();
            assertTrue(Ownership.isPlugins(value, loaders), "an instance of its class");
            assertTrue(Ownership.isPlugins(type, loaders), "its class");
            assertTrue(Ownership.isPlugins(plugin, loaders), "its loader");
            assertTrue(Ownership.isPlugins(java.lang.reflect.Array.newInstance(type, 0), loaders), "an array of its class");
            assertTrue(Ownership.isPlugins(new Object[] {"x", value}, loaders), "an array holding one");
            assertTrue(Ownership.isPlugins(new java.util.ArrayList<>(List.of("x", value)), loaders), "a list holding one");
            assertTrue(Ownership.isPlugins(Map.of("k", value), loaders), "a map holding one");
            assertFalse(Ownership.isPlugins("host", loaders), "a JDK object");
            assertFalse(Ownership.isPlugins(null, loaders));
            assertFalse(Ownership.isPlugins(List.of(List.of(value)), loaders), "only one level deep");
            assertFalse(Ownership.isPlugins(new OwnershipTest(), loaders), "a host object");
        }
    }
}
