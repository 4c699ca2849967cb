package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code graft conflicts} on plugins that bundle real kotlin-stdlib jars in two versions, split packages and a shared one. */
class ConflictsCommandTest {

    @TempDir
    Path tmp;

    private static Path kotlin(String version) {
        return Path.of(System.getProperty("user.home"), ".m2/repository/org/jetbrains/kotlin/kotlin-stdlib", version,
                "kotlin-stdlib-" + version + ".jar");
    }

    @Test
    void eachConflictIsReportedWithWhetherIsolationMakesItHarmless() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("old").library("kotlin-stdlib-1.9.10.jar", kotlin("1.9.10"))
                .java("common.util.A", "package common.util; public class A {}").zip(dir);
        plugins.plugin("new").library("kotlin-stdlib-2.1.0.jar", kotlin("2.1.0"))
                .java("common.util.B", "package common.util; public class B {}").zip(dir);
        plugins.plugin("api").export("api.x").java("api.x.Api", "package api.x; public class Api {}").zip(dir);
        plugins.plugin("shader").dependency("api").java("api.x.Api", "package api.x; public class Api {}")
                .java("dev.graft.loader.fixture.api.Copy", "package dev.graft.loader.fixture.api; public class Copy {}").zip(dir);

        Cli cli = Cli.run("conflicts", dir.toString(), "--shared", "dev.graft.loader.fixture.api");
        assertEquals(Main.PROBLEMS, cli.code(), "the shaded copy of an exported package is not isolated: " + cli);
        String out = cli.out();
        assertTrue(out.lines().anyMatch(l -> l.startsWith("LIBRARY_VERSIONS") && l.contains("kotlin-stdlib ")
                && l.contains("old (kotlin-stdlib-1.9.10.jar) 1.9.10") && l.contains("new (kotlin-stdlib-2.1.0.jar) 2.1.0")),
                "both versions, from the jars' manifests: " + cli);
        assertTrue(out.contains("harmless: each plugin's library loader defines its own version"), cli.toString());
        assertTrue(out.lines().anyMatch(l -> l.startsWith("SPLIT_PACKAGE") && l.contains("common.util")
                        && l.contains("harmless: each plugin's loaders define their own classes of it")), cli.toString());
        assertTrue(out.lines().anyMatch(l -> l.startsWith("SPLIT_PACKAGE") && l.contains("api.x")
                && l.contains("not isolated: plugin 'api' exports it")), cli.toString());
        assertTrue(out.lines().anyMatch(l -> l.startsWith("BUNDLES_SHARED_PACKAGE") && l.contains("shader (classes)")
                && l.contains("the bundled copy is never used")), cli.toString());
        assertTrue(out.lines().noneMatch(l -> l.startsWith("SPLIT_PACKAGE") && l.contains(" kotlin")),
                "one library's packages are its versions' conflict, not split packages: " + cli);

        Cli json = Cli.run("conflicts", dir.toString(), "--json", "--shared", "dev.graft.loader.fixture.api");
        assertTrue(json.out().contains("\"kind\": \"BUNDLES_SHARED_PACKAGE\""), json.toString());
    }

    @Test
    void aFolderWithoutConflictsSaysSoAndExitsZero() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("alone").java("alone.A", "package alone; public class A {}").zip(dir);
        Cli cli = Cli.run("conflicts", dir.toString());
        assertEquals(Main.OK, cli.code(), cli.toString());
        assertEquals("no conflicts\n", cli.out());
    }
}
