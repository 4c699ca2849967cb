package dev.graft.loader.classloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.archive.ResourceRoot;
import dev.graft.loader.archive.ZipRoot;
import dev.graft.loader.testing.TestPlugin;
import java.io.IOException;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a plugin's loader keeps beside its classes, and that it shares it with its roots where it
 * can: each test but the lookups fails when one of issue 13's heap cuts (docs/BENCHMARKS.md, "Where
 * the heap goes", row 3) is undone.
 */
class PluginClassLoaderBookkeepingTest {

    @TempDir
    Path tmp;

    private final List<ResourceRoot> opened = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (ResourceRoot root : opened) {
            root.close();
        }
    }

    /** A jar with the classes {@code pkg.A} and {@code pkg.B} and the resource {@code pkg/data.txt}. */
    private ZipRoot jar(String pkg) throws IOException {
        Path jar = TestPlugin.in(tmp, pkg)
                .java(pkg + ".A", "package " + pkg + "; public class A {}")
                .java(pkg + ".B", "package " + pkg + "; public class B {}")
                .resource(pkg + "/data.txt", pkg)
                .jar(tmp);
        ZipRoot root = ZipRoot.openJar(jar, pkg + ".jar", ArchiveLimits.DEFAULT);
        opened.add(root);
        return root;
    }

    /** A loader over the roots, routed as a plugin without dependencies: every lookup to itself. */
    private static PluginClassLoader linked(ResourceRoot... roots) {
        return SelfRoutedLoader.of("p", PluginClassLoader.Role.LIBRARIES, PluginClassLoaderBookkeepingTest.class.getClassLoader(),
                List.of(roots));
    }

    private static Object field(PluginClassLoader loader, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field f = PluginClassLoader.class.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(loader);
    }

    @Test
    void aLoaderOfOneRootAsksThatRootsOwnDirectorySet() throws Exception {
        ZipRoot root = jar("one");
        PluginClassLoader loader = linked(root);

        assertSame(root.directories(), loader.directories());
        assertSame(loader, loader.loadClass("one.A").getClassLoader());
        assertNotNull(loader.getResource("one/data.txt"));
        assertNull(loader.getResource("two/data.txt"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("one.Missing"));
    }

    @Test
    void aLoaderOfSeveralRootsFindsTheClassesAndResourcesOfEach() throws Exception {
        ZipRoot one = jar("one");
        ZipRoot two = jar("two");
        PluginClassLoader loader = linked(one, two);

        assertTrue(loader.directories().containsAll(Set.of("one", "two")), loader.directories().toString());
        assertSame(loader, loader.loadClass("one.A").getClassLoader());
        assertSame(loader, loader.loadClass("two.A").getClassLoader());
        assertTrue(loader.getResource("two/data.txt").toString().contains("two.jar!/two/data.txt"));
    }

    @Test
    void theClassesOfARootShareOneProtectionDomainAndOneRootNeedsNoMapOfThem() throws Exception {
        PluginClassLoader single = linked(jar("one"));
        assertNull(field(single, "otherDomains"));
        assertSame(single.loadClass("one.A").getProtectionDomain(), single.loadClass("one.B").getProtectionDomain());

        PluginClassLoader pair = linked(jar("two"), jar("three"));
        ProtectionDomain first = pair.loadClass("two.A").getProtectionDomain();
        ProtectionDomain second = pair.loadClass("three.A").getProtectionDomain();
        assertSame(first, pair.loadClass("two.B").getProtectionDomain());
        assertSame(second, pair.loadClass("three.B").getProtectionDomain());
        assertNotSame(first, second);
        assertTrue(first.getCodeSource().getLocation().toString().endsWith("/two.jar"));
        assertTrue(second.getCodeSource().getLocation().toString().endsWith("/three.jar"));
        assertSame(pair, first.getClassLoader());
    }

    @Test
    void packagesAreAnImmutableCopy() throws Exception {
        PluginClassLoader loader = linked(jar("one"), jar("two"));
        assertEquals(Set.of("one", "two"), loader.packages());
        assertSame(loader.packages(), Set.copyOf(loader.packages())); // Set.copyOf returns an immutable set itself
    }

    @Test
    void resourceRoutesThatAreTheLoadersOwnDirectoriesNeedNoMap() throws Exception {
        PluginClassLoader own = linked(jar("one"));
        assertNull(((Routes) field(own, "routes")).resources());
        assertNotNull(own.getResource("one/data.txt"));
        assertEquals(1, java.util.Collections.list(own.getResources("one/data.txt")).size());
        assertNull(own.getResource("two/data.txt"));

        // a directory another loader serves (a dependency's export) needs the map
        PluginClassLoader user = new PluginClassLoader("user", PluginClassLoader.Role.CLASSES, List.of(jar("two")),
                PluginClassLoaderBookkeepingTest.class.getClassLoader(), PackageMatcher.NONE, false);
        Map<String, List<PluginClassLoader>> resources = new HashMap<>();
        for (String dir : user.directories()) {
            resources.put(dir, List.of(user));
        }
        resources.put("one", List.of(own));
        user.route(Map.of("two", List.of(user), "one", List.of(own)), resources, List.of(user));
        assertNotNull(((Routes) field(user, "routes")).resources());
        assertTrue(user.getResource("one/data.txt").toString().contains("one.jar!/one/data.txt"));
        assertTrue(user.getResource("two/data.txt").toString().contains("two.jar!/two/data.txt"));
    }

    @Test
    void aClassRouteToThePluginsOwnLoadersSharesTheirArray() throws Exception {
        PluginClassLoader loader = linked(jar("one"));
        Routes routes = (Routes) field(loader, "routes");
        assertSame(routes.own(), routes.classes().get("one"));
        assertSame(loader, loader.loadClass("one.A").getClassLoader());
    }
}
