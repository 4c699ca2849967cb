package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.IndexFormat;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin compiled for a newer Java than the JVM: refused up front when its manifest says so,
 * and otherwise failing on first use with an error that names the plugin and the Java it needs.
 * Uses the JDK 25 that the system property {@code graft.jdk25} or the environment variable
 * {@code GRAFT_JDK25} names (default {@value #DEFAULT_JDK25}); skipped, saying why in the test
 * report, where it is absent or where this JVM can run Java 25 classes.
 */
class NewerJavaTest {

    static final String DEFAULT_JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";
    static final String JDK25 = System.getProperty("graft.jdk25",
            System.getenv().getOrDefault("GRAFT_JDK25", DEFAULT_JDK25));

    @TempDir
    Path tmp;
    private Map<String, byte[]> classes;

    @BeforeEach
    void compileWithJdk25() throws Exception {
        Path javac = Path.of(JDK25, "bin", "javac");
        assumeTrue(Files.isExecutable(javac), "skipped: no JDK 25 at " + JDK25
                + " (set -Dgraft.jdk25=<path> or GRAFT_JDK25 to the JDK 25 to compile with)");
        assumeTrue(Runtime.version().feature() < 25, "skipped: this JVM runs Java 25 classes");
        Path src = Files.createDirectories(tmp.resolve("src/future"));
        Files.writeString(src.resolve("Hello.java"), "package future; public class Hello implements"
                + " dev.graft.loader.fixture.api.Greeter { public String greet() { return \"from the future\"; } }");
        Path out = Files.createDirectories(tmp.resolve("out"));
        Process p = new ProcessBuilder(javac.toString(), "--release", "25", "-proc:none", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve("Hello.java").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                classes.put(out.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
            }
        }
        classes.put(IndexFormat.PATH, IndexFormat.write(List.of(
                new ExtensionDescriptor(GREETER, "future.Hello", 0, List.of()))).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, PluginStatus> load(Path dir, PluginRuntime runtime) {
        return runtime.plugins().stream().collect(Collectors.toMap(PluginStatus::name, s -> s));
    }

    @Test
    void aManifestThatSaysJava25IsRefusedBeforeAnyClassIsRead() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Map<String, byte[]> entries = new HashMap<>(classes);
        entries.put("META-INF/graft/plugin.manifest",
                "graft-plugin 1\nid future\nversion 1.0.0\njava 25\n".getBytes(StandardCharsets.UTF_8));
        TestPlugin.Jars.write(dir.resolve("future.jar"), entries, null);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").build()) {
            PluginStatus s = load(dir, runtime).get("future");
            assertEquals(PluginState.FAILED, s.state());
            assertEquals("plugin 'future' (future.jar) needs Java 25, but this JVM runs Java "
                    + Runtime.version().feature(), s.reason());
        }
    }

    @Test
    void aClassForANewerJavaWithoutThatManifestLineFailsNamingPluginAndJava() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Map<String, byte[]> entries = new HashMap<>(classes);
        entries.put("META-INF/graft/plugin.manifest",
                "graft-plugin 1\nid unmarked\nversion 1.0.0\n".getBytes(StandardCharsets.UTF_8));
        TestPlugin.Jars.write(dir.resolve("unmarked.jar"), entries, null);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            assertEquals(List.of(), runtime.extensions(Greeter.class));
            ExtensionStatus e = runtime.describe(GREETER).get(0);
            assertEquals(ExtensionStatus.State.FAILED, e.state());
            assertTrue(e.reason().endsWith("plugin 'unmarked' needs Java 25 (class file version 69) for future.Hello in"
                    + " unmarked.jar, but this JVM runs Java " + Runtime.version().feature()), e.reason());
        }
    }
}
