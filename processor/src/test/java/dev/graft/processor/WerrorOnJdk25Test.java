package dev.graft.processor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WerrorOutputTest}'s premise on JDK 25's javac, run in another process: a warning of an
 * earlier round is an error raised in the last round under {@code -Werror}, and a Graft warning
 * leaves no output. The JDK 25 is the one the system property {@code graft.jdk25} or the environment
 * variable {@code GRAFT_JDK25} names (default {@code /usr/lib/jvm/temurin-25-jdk-amd64}); skipped,
 * saying why in the test report, where there is none.
 */
class WerrorOnJdk25Test {

    private static final Path JDK25 = Path.of(System.getProperty("graft.jdk25",
            System.getenv().getOrDefault("GRAFT_JDK25", "/usr/lib/jvm/temurin-25-jdk-amd64")));

    @TempDir
    Path tmp;

    /** @return javac's exit code and its output, the last line the exit code */
    private String javac(Path out, String processor, String... sources) throws IOException, InterruptedException {
        Path javac = JDK25.resolve("bin/javac");
        assumeTrue(Files.isExecutable(javac), "skipped: no JDK 25 at " + JDK25
                + " (set -Dgraft.jdk25=<path> or GRAFT_JDK25 to the JDK 25 to compile with)");
        Path src = Files.createDirectories(tmp.resolve("src/test"));
        List<String> command = new ArrayList<>(List.of(javac.toString(), "-Werror", "-Agraft.version=1.0.0",
                "-processorpath", System.getProperty("java.class.path"), "-processor", processor,
                "-cp", DirectoryCompiler.annotationsLocation().toString(), "-d", out.toString()));
        for (int i = 0; i < sources.length; i += 2) {
            Path file = src.resolve(sources[i]);
            Files.writeString(file, sources[i + 1], StandardCharsets.UTF_8);
            command.add(file.toString());
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return output + "\nexit " + p.waitFor();
    }

    @Test
    void aWarningOfAnEarlierRoundIsAnErrorRaisedInTheLastRoundAndGraftWritesNothing() throws Exception {
        String greeter = "package test;\n@dev.graft.ExtensionPoint public interface Greeter {}\n";
        String probe = javac(tmp.resolve("probe"), WarnsInRound.class.getName(), "Greeter.java", greeter);
        assertTrue(probe.contains(WarnsInRound.ERROR_RAISED + "true"), probe);
        assertTrue(probe.endsWith("\nexit 1"), probe);

        Path out = tmp.resolve("classes");
        String graft = javac(out, GraftProcessor.class.getName(), "Greeter.java", greeter,
                "package-info.java", "@dev.graft.Plugin(id = \"p\", version = \"1.0.0\")\npackage test;\n",
                "Hello.java", "package test;\n@dev.graft.Extension public class Hello implements Greeter {}\n");
        assertTrue(graft.contains("which the build already passes with -Agraft.version"), graft);
        assertFalse(graft.endsWith("\nexit 0"), graft);
        assertFalse(Files.exists(out.resolve(IndexFormat.PATH)), graft);
        assertFalse(Files.exists(out.resolve(ManifestFormat.PATH)), graft);
    }
}
