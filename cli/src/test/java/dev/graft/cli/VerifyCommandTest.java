package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.cli.verify.Problem;
import dev.graft.cli.verify.Report;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code graft verify} on plugins compiled by javac against a host API that then changes, and on
 * an extension whose dependency is absent.
 */
class VerifyCommandTest {

    private static final String API_V1 = "package host.api; public class Api {"
            + " public static String hello() { return \"hi\"; } public String name = \"n\"; public void keep() {} }";
    private static final String API_V2 = "package host.api; public class Api { public void keep() {} }";
    private static final String POINT = "package host.api; public interface Point { String run(); }";

    @TempDir
    Path tmp;

    private Path host(String name, String api) {
        return TestPlugin.in(tmp, name).java("host.api.Api", api).java("host.api.Point", POINT).classes();
    }

    /** A plugin whose Main calls Api.hello(), reads Api.name and calls keep(), compiled against v1. */
    private Path plugin(Path dir, Path compiledAgainst) {
        return new Plugins(tmp).plugin("user")
                .java("user.Main", "package user; public class Main implements host.api.Point {"
                        + " public String run() { host.api.Api a = new host.api.Api(); a.keep();"
                        + " return host.api.Api.hello() + a.name; } }")
                .classpath(compiledAgainst).extension("host.api.Point", "user.Main", 0).zip(dir);
    }

    @Test
    void aMethodTheNextHostVersionRemovedIsReportedWithItsCaller() throws Exception {
        Path v1 = host("v1", API_V1);
        Path v2 = host("v2", API_V2);
        Path zip = plugin(Files.createDirectories(tmp.resolve("out")), v1);

        Cli fine = Cli.run("verify", zip.toString(), "--host", v1.toString(), "--shared", "host.api");
        assertEquals(Main.OK, fine.code(), fine.toString());

        Cli broken = Cli.run("verify", zip.toString(), "--host", v2.toString(), "--shared", "host.api");
        assertEquals(Main.PROBLEMS, broken.code(), broken.toString());
        assertTrue(broken.out().contains("user.Main.run()Ljava/lang/String;"), broken.toString());
        assertTrue(broken.out().contains("method host.api.Api.hello()Ljava/lang/String;"), broken.toString());
        assertTrue(broken.out().contains("field host.api.Api.name Ljava/lang/String;"), broken.toString());
        assertTrue(!broken.out().contains("keep()"), "a method v2 keeps resolves: " + broken);

        Report report = VerifyCommand.verify(zip, null, options(v2));
        assertEquals(List.of("field host.api.Api.name Ljava/lang/String;", "method host.api.Api.hello()Ljava/lang/String;"),
                report.errors().stream().map(Problem::missing).toList());
        assertTrue(report.errors().get(1).detail().contains("host (row 2)"), report.text());
    }

    @Test
    void aClassTheHostDoesNotHaveIsMissingWithoutSharedPackagesToo() throws Exception {
        Path v1 = host("v1", API_V1);
        Path zip = plugin(Files.createDirectories(tmp.resolve("out")), v1);
        Cli noHost = Cli.run("verify", zip.toString(), "--json");
        assertEquals(Main.PROBLEMS, noHost.code(), noHost.toString());
        assertTrue(noHost.out().contains("\"missing\": \"class host.api.Api\""), noHost.toString());
        assertTrue(noHost.out().contains("\"missing\": \"class host.api.Point\""), noHost.toString());
        assertTrue(noHost.out().contains("\"member\": \"<class>\""), "the supertype is reported: " + noHost);
    }

    @Test
    void referencesOfAnExtensionWhoseDependencyIsAbsentAreConditional() throws Exception {
        Path v1 = host("v1", API_V1);
        Path installed = Files.createDirectories(tmp.resolve("installed"));
        Plugins plugins = new Plugins(tmp);
        Path searchApi = plugins.plugin("search").export("search.api")
                .java("search.api.Search", "package search.api; public class Search { public static String find() { return \"f\"; } }")
                .classes();
        Path zip = plugins.plugin("user").dependency("search?")
                .java("user.Plain", "package user; public class Plain implements host.api.Point {"
                        + " public String run() { return \"plain\"; } }")
                .java("user.WithSearch", "package user; public class WithSearch implements host.api.Point {"
                        + " public String run() { Runnable r = () -> search.api.Search.find(); return search.api.Search.find(); } }")
                .classpath(v1, searchApi)
                .extension("host.api.Point", "user.Plain", 0)
                .extension("host.api.Point", "user.WithSearch", 1, "search@^1.0.0")
                .zip(Files.createDirectories(tmp.resolve("out")));

        Cli absent = Cli.run("verify", zip.toString(), "--host", v1.toString(), "--shared", "host.api",
                "--plugins", installed.toString());
        assertEquals(Main.OK, absent.code(), "conditional problems only: " + absent);
        assertTrue(absent.out().contains("CONDITIONAL"), absent.toString());
        assertTrue(absent.out().contains("user.WithSearch.run()Ljava/lang/String;"), absent.toString());
        assertTrue(absent.out().contains("user.WithSearch.lambda$run$0()V"), "the lambda's body is the extension's: " + absent);
        assertTrue(absent.out().contains("needs plugin 'search'@^1.0.0, which is not installed"), absent.toString());
        assertTrue(!absent.out().contains("ERROR"), absent.toString());

        plugins.plugin("search").export("search.api")
                .java("search.api.Search", "package search.api; public class Search { public static String find() { return \"f\"; } }")
                .zip(installed);
        Cli present = Cli.run("verify", zip.toString(), "--host", v1.toString(), "--shared", "host.api",
                "--plugins", installed.toString());
        assertEquals(Main.OK, present.code(), present.toString());
        assertTrue(present.out().contains(" 0 unresolved") && !present.out().contains("CONDITIONAL"),
                "the dependency's export resolves it: " + present);
    }

    @Test
    void aPluginThatDoesNotLoadIsAProblemAndAMissingFileAnError() throws Exception {
        Path zip = new Plugins(tmp).plugin("needy").dependency("ghost@^2.0.0")
                .java("needy.A", "package needy; public class A {}").zip(Files.createDirectories(tmp.resolve("out")));
        Cli needy = Cli.run("verify", zip.toString());
        assertEquals(Main.PROBLEMS, needy.code(), needy.toString());
        assertTrue(needy.out().contains("requires ghost@^2.0.0, which is not installed"), needy.toString());

        Cli missing = Cli.run("verify", tmp.resolve("nope.zip").toString());
        assertEquals(Main.ERROR, missing.code(), missing.toString());
        assertTrue(missing.err().contains("no plugin at"), missing.toString());
    }

    @Test
    void aNewVersionOfAnInstalledPluginIsVerifiedInItsPlace() throws Exception {
        Path v1 = host("v1", API_V1);
        Path installed = Files.createDirectories(tmp.resolve("installed"));
        plugin(installed, v1);
        Path newer = new Plugins(tmp).plugin("user").version("1.1.0")
                .java("user.Main", "package user; public class Main { public void run() { new host.api.Api().gone(); } }")
                .classpath(host("v1b", API_V1.replace("public void keep() {}", "public void keep() {} public void gone() {}")))
                .zip(Files.createDirectories(tmp.resolve("new")));
        Cli cli = Cli.run("verify", newer.toString(), "--host", v1.toString(), "--shared", "host.api",
                "--plugins", installed.toString());
        assertEquals(Main.PROBLEMS, cli.code(), cli.toString());
        assertTrue(cli.out().startsWith("plugin 'user' (user.zip): 1 class, ") && cli.out().contains("method host.api.Api.gone()V"),
                "the new copy is verified, not refused as a duplicate id: " + cli);
    }

    @Test
    void aClassFileThatCannotBeReadIsAnErrorNamingTheEntry() throws Exception {
        Path zip = new Plugins(tmp).plugin("garbled").java("garbled.Fine", "package garbled; public class Fine {}")
                .resource("garbled/Bad.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1})
                .zip(Files.createDirectories(tmp.resolve("out")));
        Cli cli = Cli.run("verify", zip.toString());
        assertEquals(Main.PROBLEMS, cli.code(), cli.toString());
        assertTrue(cli.out().contains("garbled.zip!/classes/garbled/Bad.class"), cli.toString());
        assertTrue(cli.out().contains("a readable class file"), cli.toString());
    }

    private static HostOptions options(Path hostClassPath) {
        HostOptions o = new HostOptions();
        o.hostClassPath = hostClassPath.toString();
        o.shared = List.of("host.api");
        return o;
    }
}
