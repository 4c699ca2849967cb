package dev.graft.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.cli.HostOptions;
import dev.graft.cli.verify.Report;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * graft:verify's decision on real files: a plugin compiled by javac against host API v1, its zip
 * or its classes, verified against the API jar of v1 (passes) and of v2, which removed a method
 * (fails the build with the report).
 */
class PluginVerificationTest {

    @TempDir
    Path tmp;

    private Path apiJar(String name, String source) {
        TestPlugin api = TestPlugin.in(tmp, name).java("host.api.Api", source);
        return TestPlugin.Jars.write(tmp.resolve(name + ".jar"), api.classEntries(), null);
    }

    private Plugins.Spec plugin(Path v1) {
        return new Plugins(tmp).plugin("user").classpath(v1)
                .java("user.Main", "package user; public class Main { public String run() { return host.api.Api.hello(); } }");
    }

    @Test
    void aMethodTheHostNoLongerHasFailsTheBuildWithTheCallerAndTheMethod() throws Exception {
        Path v1 = apiJar("api-1", "package host.api; public class Api { public static String hello() { return \"\"; } }");
        Path v2 = apiJar("api-2", "package host.api; public class Api { }");
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path zip = plugin(v1).zip(target);

        Report fine = PluginVerification.verify(zip, tmp.resolve("no-classes"), List.of(),
                HostOptions.of("1.0.0", List.of("host.api"), List.of(v1)), null);
        assertTrue(fine.ok(), fine.text());

        MojoFailureException e = assertThrows(MojoFailureException.class, () -> PluginVerification.verify(zip,
                tmp.resolve("no-classes"), List.of(), HostOptions.of("1.0.0", List.of("host.api"), List.of(v2)), null));
        assertTrue(e.getMessage().startsWith("graft:verify: plugin 'user' (user.zip): 1 class, "), e.getMessage());
        assertTrue(e.getMessage().contains("user.Main.run()Ljava/lang/String;")
                && e.getMessage().contains("method host.api.Api.hello()Ljava/lang/String;"), e.getMessage());
    }

    @Test
    void withoutAZipTheClassesAndRuntimeJarsAreVerified() throws Exception {
        Path v1 = apiJar("api-1", "package host.api; public class Api { public static String hello() { return \"\"; } }");
        Path v2 = apiJar("api-2", "package host.api; public class Api { }");
        Path classes = plugin(v1).directory(Files.createDirectories(tmp.resolve("build"))).resolve("classes");
        Path absentZip = tmp.resolve("target/user.zip");
        assertTrue(PluginVerification.verify(absentZip, classes, List.of(),
                HostOptions.of("1.0.0", List.of(), List.of(v1)), null).ok());
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> PluginVerification.verify(absentZip,
                classes, List.of(), HostOptions.of("1.0.0", List.of(), List.of(v2)), null));
        assertTrue(e.getMessage().contains("from host (row 6)"), "host fallback serves it: " + e.getMessage());

        // the API bundled as a runtime jar instead: found in the plugin's lib/, so it links
        Report bundled = PluginVerification.verify(absentZip, classes, List.of(v1),
                HostOptions.of("1.0.0", List.of(), List.of(v2)), null);
        assertEquals(List.of(), bundled.problems(), bundled.text());
    }
    @Test
    void aProvidedDependencyThatIsAPluginIsInstalledBesideItNotTakenForHostApi() throws Exception {
        Path deps = Files.createDirectories(tmp.resolve("repository"));
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec text = plugins.plugin("text").java("text.api.Filter", "package text.api; public class Filter {"
                + " public static String apply(String s) { return s; } }");
        Path textJar = text.jar(deps);
        Path target = Files.createDirectories(tmp.resolve("target"));
        Path zip = plugins.plugin("reverse").dependency("text").classpath(text.classes())
                .java("reverse.R", "package reverse; public class R { public String run() {"
                        + " return text.api.Filter.apply(\"x\"); } }").zip(target);

        Report report = PluginVerification.verify(zip, tmp.resolve("no-classes"), List.of(),
                HostOptions.of("1.0.0", List.of(), List.of(textJar)), null);
        assertTrue(report.ok(), report.text());
        assertEquals(List.of(), report.problems(), "text.api.Filter comes from the installed 'text', its export");

        // in a reactor build before package, the dependency is the other module's classes folder
        Path textClasses = text.directory(Files.createDirectories(tmp.resolve("text-module"))).resolve("classes");
        Report fromFolder = PluginVerification.verify(zip, tmp.resolve("no-classes"), List.of(),
                HostOptions.of("1.0.0", List.of(), List.of(textClasses)), null);
        assertEquals(List.of(), fromFolder.problems(), fromFolder.text());
        assertTrue(fromFolder.ok(), fromFolder.text());
    }
}
