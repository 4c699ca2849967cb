package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.ClassRoute;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStatus;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft list} and {@code graft explain} say what a {@link PluginRuntime} built by a host on
 * the same folder says: the same plugins in the same order and states, the same extension states
 * and reasons, the same class routes; and they run no plugin code and write nothing into the folder.
 */
class ListAndExplainTest {

    private static final String SHARED = "dev.graft.loader.fixture.api";

    @TempDir
    Path tmp;

    private Path dir;
    private String hostClassPath;

    @BeforeEach
    void folder() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        hostClassPath = Path.of(Greeter.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("api").export("api.x").java("api.x.Api", "package api.x; public class Api {}").zip(dir);
        Path lib = TestPlugin.Jars.write(tmp.resolve("lib.jar"),
                TestPlugin.in(tmp, "libsrc").java("lib.Lib", "package lib; public class Lib {}").classEntries(), null);
        plugins.plugin("user").version("2.1.0").dependency("api").library("lib.jar", lib)
                .java("user.Hello", "package user; public class Hello implements " + Plugins.GREETER + " {"
                        + " static { if (true) throw new IllegalStateException(\"plugin code ran\"); }"
                        + " public String greet() { return \"hello\"; } }")
                .java("user.Translated", Plugins.greeter("user.Translated", "bonjour"))
                .extension(Plugins.GREETER, "user.Hello", 0)
                .extension(Plugins.GREETER, "user.Translated", 5, "translate@^1.0.0").zip(dir);
        plugins.plugin("needy").dependency("ghost@^2.0.0").java("needy.A", "package needy; public class A {}").zip(dir);
        plugins.plugin("modern").requires(">=4.0.0").java("modern.A", "package modern; public class A {}").zip(dir);
        Files.writeString(dir.resolve("junk.zip"), "not a zip");
    }

    private PluginRuntime hostRuntime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("3.0.0").sharedPackages(SHARED)
                .hostClassLoader(HostOptions.hostLoader(List.of(Path.of(hostClassPath))))
                .cache(tmp.resolve("host-cache"), 1L << 30).build();
    }

    private Cli graft(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--host-version", "3.0.0", "--shared", SHARED, "--host", hostClassPath));
        return Cli.run(all.toArray(new String[0]));
    }

    @Test
    void listShowsEveryPluginAsTheRuntimeDoesInItsOrder() throws Exception {
        List<String> before = names(dir);
        Cli list = graft("list", dir.toString());
        assertEquals(Main.PROBLEMS, list.code(), "some plugins do not load: " + list);
        List<String> lines = list.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ORDER  ID"), list.toString());
        try (PluginRuntime runtime = hostRuntime()) {
            List<PluginStatus> statuses = runtime.plugins();
            assertEquals(statuses.size() + 1, lines.size(), list.toString());
            for (int i = 0; i < statuses.size(); i++) {
                PluginStatus s = statuses.get(i);
                String line = lines.get(i + 1);
                assertTrue(line.contains(" " + s.name() + " ") && line.contains(" " + s.state() + " ")
                        && line.contains(s.version().map(String::valueOf).orElse("?")) && line.endsWith(s.reason()),
                        "row " + (i + 1) + " is " + s + ": " + line);
            }
            assertEquals(2, runtime.loadedPlugins().size());
            assertTrue(lines.get(1).startsWith("1      api "), lines.get(1));
            assertTrue(lines.get(2).startsWith("2      user ") && lines.get(2).contains(" zip "), lines.get(2));
        }
        assertEquals(before, names(dir), "the CLI writes nothing into the plugin folder (no .graft-cache)");
        Cli json = graft("list", dir.toString(), "--json");
        assertTrue(json.out().contains("\"id\": \"user\",\n      \"version\": \"2.1.0\",\n      \"state\": \"LOADED\""),
                json.toString());
    }

    @Test
    void explainAPointGivesTheRuntimesStatesAndReasonsWithoutRunningPluginCode() throws Exception {
        Cli explain = graft("explain", dir.toString(), Plugins.GREETER);
        assertEquals(Main.OK, explain.code(), explain.toString());
        try (PluginRuntime runtime = hostRuntime()) {
            List<ExtensionStatus> statuses = runtime.describe(Plugins.GREETER);
            List<String> lines = explain.out().lines().toList();
            assertEquals(statuses.size() + 1, lines.size(), explain.toString());
            for (int i = 0; i < statuses.size(); i++) {
                ExtensionStatus s = statuses.get(i);
                assertTrue(lines.get(i + 1).startsWith(s.state().toString()) && lines.get(i + 1).contains(s.className())
                        && lines.get(i + 1).endsWith(s.reason()), s + " vs " + lines.get(i + 1));
            }
            assertEquals(ExtensionStatus.State.SKIPPED, statuses.get(1).state());
        }
        assertFalse(explain.out().contains("plugin code ran") || explain.err().contains("plugin code ran"));
    }

    @Test
    void explainAClassGivesEachLoadersRouteAsTheLoaderSaysIt() throws Exception {
        for (String cls : List.of("api.x.Api", "lib.Lib", "user.Hello", Plugins.CODEC, "java.lang.String", "no.Such")) {
            Cli explain = graft("explain", dir.toString(), cls);
            try (PluginRuntime runtime = hostRuntime()) {
                List<ClassRoute> routes = ExplainCommand.routes(runtime, cls);
                List<String> lines = explain.out().lines().toList();
                assertEquals(routes.size() + 1, lines.size(), explain.toString());
                for (int i = 0; i < routes.size(); i++) {
                    ClassRoute r = routes.get(i);
                    assertTrue(lines.get(i + 1).startsWith(r.requester() + " ") && lines.get(i + 1).contains(" " + r.rule() + " ")
                            && lines.get(i + 1).contains(r.servedBy().orElse("-")), r + " vs " + lines.get(i + 1));
                }
                assertEquals(routes.stream().anyMatch(ClassRoute::found) ? Main.OK : Main.PROBLEMS, explain.code(), cls);
            }
        }
        Cli lib = graft("explain", dir.toString(), "lib.Lib");
        assertTrue(lib.out().contains("graft:user      5    LIBRARIES      graft:user:lib  yes"), lib.toString());
        assertTrue(lib.out().contains("graft:user:lib  3'   LIBRARIES      graft:user:lib  yes"), lib.toString());
        Cli api = graft("explain", dir.toString(), "api.x.Api", "--json");
        assertTrue(api.out().contains("\"askedOf\": \"graft:user\",\n      \"row\": \"3\",\n      \"rule\": \"DEPENDENCY_EXPORT\""),
                api.toString());
    }

    @Test
    void usageErrorsAndUnreadableInputsExitWithTwo() {
        assertEquals(Main.ERROR, Cli.run().code());
        assertEquals(Main.ERROR, Cli.run("list").code(), "DIR is required");
        assertEquals(Main.ERROR, Cli.run("list", dir.toString(), "--no-such-option").code());
        assertEquals(Main.ERROR, Cli.run("frobnicate").code());
        Cli missing = Cli.run("list", tmp.resolve("absent").toString());
        assertEquals(Main.ERROR, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no plugin folder at"), missing.toString());
        Cli badHost = Cli.run("list", dir.toString(), "--host", tmp.resolve("nope.jar").toString());
        assertEquals(Main.ERROR, badHost.code());
        assertTrue(badHost.err().contains("nope.jar does not exist"), badHost.toString());
        Cli badShared = Cli.run("list", dir.toString(), "--shared", "a..b");
        assertEquals(Main.ERROR, badShared.code(), badShared.toString());
        assertTrue(badShared.err().startsWith("graft list: ") && badShared.err().contains("a..b"), badShared.toString());
        assertEquals(Main.OK, Cli.run("--help").code());
    }

    private static List<String> names(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
