package dev.graft.it;

import static dev.graft.it.ScenarioPlugins.folder;
import static dev.graft.it.ScenarioPlugins.host;
import static dev.graft.it.ScenarioPlugins.reports;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.Extension;
import dev.graft.format.IndexFormat;
import dev.graft.it.host.Probe;
import dev.graft.loader.ExtensionStatus;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.processor.GraftProcessor;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: a plugin written in Kotlin, checked and indexed by graft-processor under kapt
 * (integration-tests/plugins/kotlin-kapt), and a Kotlin plugin whose mistake fails its Maven build.
 */
class KotlinKaptPluginTest {

    private static final String SALUTATION = "dev.graft.it.greetings.api.Salutation";
    private static final String SHOUT = "dev.graft.it.kotlin.kapt.api.Shout";

    @TempDir
    Path tmp;

    @Test
    void theKotlinPluginsExtensionsAreIndexedAndTheConditionalOneIsActiveWithGreetings() throws Exception {
        try (PluginRuntime runtime = host(folder(tmp, "kotlin-kapt", "greetings")).build()) {
            assertEquals(List.of("greetings", "kotlin-kapt"), runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList(),
                    "the extension's dependency became an optional plugin dependency, so greetings loads first");
            assertEquals(List.of("dev.graft.it.kotlin.kapt.Exclaim ACTIVE", "dev.graft.it.kotlin.kapt.Upper ACTIVE"),
                    states(runtime, SHOUT), "the Kotlin point's extensions, in ordinal order");
            assertEquals("dev.graft.it.kotlin.kapt.KaptProbe ACTIVE", states(runtime, Probe.class.getName()).get(1));
            assertEquals(List.of("dev.graft.it.kotlin.kapt.Moin ACTIVE"), states(runtime, SALUTATION));
            assertEquals("GRAFT! kotlin=" + System.getProperty("kotlin.new.version"), reports(runtime).get("kotlin-kapt"),
                    "Exclaim (ordinal 10) then Upper (20), run by Kotlin code with the plugin's own kotlin-stdlib");
            assertEquals("Moin Graft sameClass=true from=graft:kotlin-kapt", reports(runtime).get("greetings"));
        }
    }

    @Test
    void withoutGreetingsTheConditionalExtensionIsSkippedAndTheOthersWork() {
        try (PluginRuntime runtime = host(folder(tmp, "kotlin-kapt")).build()) {
            assertEquals(List.of("kotlin-kapt"), runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList());
            List<ExtensionStatus> moin = runtime.describe(SALUTATION);
            assertEquals(1, moin.size());
            assertEquals(ExtensionStatus.State.SKIPPED, moin.get(0).state());
            assertEquals("needs plugin 'greetings'@>=0.1.0-0 <1.0.0, which is not installed", moin.get(0).reason());
            assertEquals("GRAFT! kotlin=" + System.getProperty("kotlin.new.version"), reports(runtime).get("kotlin-kapt"));
        }
    }

    private static List<String> states(PluginRuntime runtime, String point) {
        return runtime.describe(point).stream().map(s -> s.className() + " " + s.state()).toList();
    }

    /**
     * A Maven-style range in a Kotlin {@code @Extension(dependency)} fails {@code mvn package} with Graft's
     * message. With {@code <mapDiagnosticLocations>true</mapDiagnosticLocations>} (the template's setting)
     * kapt reports it at the Kotlin file and the line of the annotation; without it, at the line of the
     * annotation in kapt's Java stub under target/kaptStubs, which the author never wrote.
     */
    @Test
    void aMistakeInAKotlinPluginFailsItsMavenBuildWithGraftsMessage() throws Exception {
        String mvn = onPath("mvn");
        assumeTrue(mvn != null, "skipped: no mvn on PATH to build the Kotlin plugin project with");
        Path project = copyTemplate(Path.of("target", "kotlin-kapt-bad-range").toAbsolutePath());
        Path repo = localRepository(Path.of("target", "kotlin-kapt-m2").toAbsolutePath());
        // The message as far as it names the class, the value and the kind of mistake; its suggestion (the npm
        // equivalent) is for graft-format's tests to pin down, and may change with the range messages.
        String message = "error: @Extension class com.example.bad.Hello has an invalid dependency 'other@[1.0,2.0)': bad range"
                + " for plugin 'other': '[1.0,2.0)': this is a Maven-style range";

        String mapped = build(mvn, project, repo, "true");
        assertTrue(mapped.contains(project.resolve("src/main/kotlin/com/example/bad/Greeter.kt") + ":12: " + message),
                "mapped: at the Kotlin line of @Extension:\n" + mapped);

        String unmapped = build(mvn, project, repo, "false");
        assertTrue(unmapped.contains(project.resolve("target/kaptStubs/compile/com/example/bad/Hello.java") + ":7: " + message),
                "unmapped: at the annotation's line in kapt's Java stub:\n" + unmapped);
        assertTrue(unmapped.contains("@dev.graft.Extension(dependency = {\"other@[1.0,2.0)\"})"),
                "the source line shown is the stub's Java, not the author's Kotlin:\n" + unmapped);
    }

    /** Runs {@code mvn -B -o -q package} on the project and returns its output; the build must fail. */
    private static String build(String mvn, Path project, Path repo, String mapDiagnosticLocations) throws Exception {
        Process p = new ProcessBuilder(mvn, "-B", "-o", "-q", "package", "-Dmaven.repo.local=" + repo,
                "-Dkapt.mapDiagnosticLocations=" + mapDiagnosticLocations)
                .directory(project.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "mvn did not end");
        String output = new String(out, StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
        assertNotEquals(0, p.exitValue(), "the build must fail:\n" + output);
        assertTrue(output.contains("kotlin-maven-plugin:" + System.getProperty("kotlin.new.version") + ":kapt (kapt)"),
                "it fails in kapt:\n" + output);
        return output;
    }

    /** Copies src/test/resources/kotlin-kapt-bad-range to a fresh folder, its pom's tokens replaced. */
    private static Path copyTemplate(Path target) throws IOException, URISyntaxException {
        Path template = Path.of(KotlinKaptPluginTest.class.getResource("/kotlin-kapt-bad-range/pom.xml").toURI()).getParent();
        delete(target);
        try (Stream<Path> files = Files.walk(template)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(template.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path pom = target.resolve("pom.xml");
        String text = Files.readString(pom);
        for (String key : List.of("kotlin.version", "graft.version", "maven-resources-plugin.version",
                "maven-compiler-plugin.version", "maven-surefire-plugin.version", "maven-jar-plugin.version")) {
            String value = System.getProperty(key.equals("kotlin.version") ? "kotlin.new.version" : key);
            assertTrue(value != null, "the build passes system property " + key);
            text = text.replace("@" + key + "@", value);
        }
        Files.writeString(pom, text);
        return target;
    }

    /**
     * A local repository for the child build: the user's, entry by entry as symbolic links (so that offline it
     * finds kotlin-maven-plugin and the rest), except dev/graft, which holds the Graft jars of this build, so
     * that the child build runs the processor under test and nothing is written into the user's repository.
     */
    private static Path localRepository(Path repo) throws IOException, URISyntaxException {
        Path user = Path.of(System.getProperty("maven.local.repository",
                System.getProperty("user.home") + "/.m2/repository"));
        delete(repo);
        Files.createDirectories(repo.resolve("dev/graft"));
        try (Stream<Path> top = Files.list(user)) {
            for (Path entry : top.toList()) {
                if (!entry.getFileName().toString().equals("dev")) {
                    Files.createSymbolicLink(repo.resolve(entry.getFileName().toString()), entry);
                }
            }
        }
        if (Files.isDirectory(user.resolve("dev"))) {
            try (Stream<Path> dev = Files.list(user.resolve("dev"))) {
                for (Path entry : dev.toList()) {
                    if (!entry.getFileName().toString().equals("graft")) {
                        Files.createSymbolicLink(repo.resolve("dev").resolve(entry.getFileName().toString()), entry);
                    }
                }
            }
        }
        String version = System.getProperty("graft.version");
        String deps = "";
        for (String artifact : List.of("graft-annotations", "graft-format", "graft-processor")) {
            Class<?> from = switch (artifact) {
                case "graft-annotations" -> Extension.class;
                case "graft-format" -> IndexFormat.class;
                default -> GraftProcessor.class;
            };
            Path dir = Files.createDirectories(repo.resolve("dev/graft").resolve(artifact).resolve(version));
            jarOf(Path.of(from.getProtectionDomain().getCodeSource().getLocation().toURI()),
                    dir.resolve(artifact + "-" + version + ".jar"));
            Files.writeString(dir.resolve(artifact + "-" + version + ".pom"),
                    "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                    + "<groupId>dev.graft</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                    + "</version><dependencies>" + (artifact.equals("graft-processor") ? deps : "")
                    + "</dependencies></project>\n");
            deps += "<dependency><groupId>dev.graft</groupId><artifactId>" + artifact + "</artifactId><version>" + version
                    + "</version></dependency>";
        }
        return repo;
    }

    /** Copies a jar, or makes one of a classes folder (a reactor build that has not packaged yet). */
    private static void jarOf(Path source, Path jar) throws IOException {
        if (Files.isRegularFile(source)) {
            Files.copy(source, jar);
            return;
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(source.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static String onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
