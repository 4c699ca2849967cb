package dev.graft.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginState;
import dev.graft.loader.PluginStatus;
import dev.graft.loader.testing.TestPlugin;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin compiled with {@code --release 25} by JDK 25's javac, through graft-processor: the
 * processor records Java 25 in the manifest, and a JVM older than that refuses the plugin by name.
 * The JDK 25 is the one the system property {@code graft.jdk25} or the environment variable
 * {@code GRAFT_JDK25} names (default {@code /usr/lib/jvm/temurin-25-jdk-amd64}). Skipped, saying why
 * in the test report, where there is no JDK 25, or where this JVM is 25 or newer.
 */
class NewerJavaPluginTest {

    private static final Path JDK25 = Path.of(System.getProperty("graft.jdk25",
            System.getenv().getOrDefault("GRAFT_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64")));

    @TempDir
    Path tmp;

    @Test
    void theProcessorRecordsJava25AndAnOlderJvmRefusesThePlugin() throws Exception {
        Path javac = JDK25.resolve("bin/javac");
        assumeTrue(Files.isExecutable(javac), "skipped: no JDK 25 at " + JDK25
                + " (set -Dgraft.jdk25=<path> or GRAFT_JDK25 to the JDK 25 to compile with)");
        assumeTrue(Runtime.version().feature() < 25, "skipped: this JVM runs Java 25 plugins");
        Path src = Files.createDirectories(tmp.resolve("src/future"));
        Files.writeString(src.resolve("package-info.java"), "@dev.graft.Plugin(id = \"future\")\npackage future;\n");
        Files.writeString(src.resolve("FutureProbe.java"), "package future;\n"
                + "@dev.graft.Extension public class FutureProbe implements dev.graft.it.host.Probe {\n"
                + "  public String name() { return \"future\"; }\n"
                + "  public String report(dev.graft.it.host.Host host) { return \"from Java 25\"; }\n}\n");
        Path out = Files.createDirectories(tmp.resolve("out"));
        String classPath = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(javac.toString(), "--release", "25", "-Agraft.version=3.0.0",
                "-processorpath", classPath, "-cp", classPath, "-d", out.toString(),
                src.resolve("package-info.java").toString(), src.resolve("FutureProbe.java").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        String manifest = Files.readString(out.resolve("META-INF/graft/plugin.manifest"));
        assertTrue(manifest.contains("\njava 25\n"), manifest);

        Map<String, byte[]> entries = new HashMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                entries.put(out.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(f));
            }
        }
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        TestPlugin.Jars.write(plugins.resolve("future.jar"), entries, null);
        ScenarioPlugins.folder(tmp, "player");
        try (PluginRuntime runtime = ScenarioPlugins.host(plugins).build()) {
            PluginStatus future = runtime.plugins().stream().filter(s -> s.id().equals(Optional.of("future"))).findFirst().orElseThrow();
            assertEquals(PluginState.FAILED, future.state());
            assertEquals("plugin 'future' (future.jar) needs Java 25, but this JVM runs Java "
                    + Runtime.version().feature(), future.reason());
            assertEquals(PluginState.LOADED, runtime.plugin("player").map(x -> PluginState.LOADED).orElseThrow());
        }
    }
}
