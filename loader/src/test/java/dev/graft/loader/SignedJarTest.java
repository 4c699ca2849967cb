package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A signed plugin jar whose class changed after signing: the JDK's verifier refuses the class, Graft reports it. */
class SignedJarTest {

    @TempDir
    Path tmp;

    @Test
    void aClassChangedAfterSigningFailsItsExtensionAndNeverReachesTheHost() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        Path signed = new Plugins(work).plugin("signed")
                .java("t.Signed", greeter("t.Signed", "honest"))
                .extension(GREETER, "t.Signed", 0)
                .jar(work);
        Path keystore = work.resolve("keys.p12");
        run(tool("keytool"), "-genkeypair", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-alias", "graft", "-keyalg", "EC", "-dname", "CN=graft test", "-validity", "2");
        run(tool("jarsigner"), "-keystore", keystore.toString(), "-storepass", "changeit", signed.toString(), "graft");

        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path tampered = dir.resolve("signed.jar");
        int changed = copyReplacing(signed, tampered, "t/Signed.class", "honest", "hacked");
        assertEquals(1, changed, "the class was changed after signing");

        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build()) {
            assertEquals(PluginState.LOADED, runtime.plugins().get(0).state());
            for (int call = 0; call < 2; call++) {
                assertEquals(List.of(), runtime.extensions(Greeter.class), "call " + call + ": nothing thrown, nothing returned");
                ExtensionStatus status = runtime.describe(GREETER).get(0);
                assertEquals(ExtensionStatus.State.FAILED, status.state(), "describe() agrees with extensions()");
                assertTrue(status.reason().contains("t.Signed") && status.reason().contains("signed.jar")
                        && status.reason().matches(".*SHA-\\d+ digest error.*"), status.reason()); // jarsigner's digest: SHA-256 on JDK 17, SHA-384 on 25
            }
        }
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + output);
    }

    /** Copies a jar entry by entry, replacing one same-length string in one entry; returns how many entries changed. */
    private static int copyReplacing(Path from, Path to, String entry, String old, String replacement) throws IOException {
        int changed = 0;
        try (ZipFile in = new ZipFile(from.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    String text = new String(bytes, StandardCharsets.ISO_8859_1);
                    bytes = text.replace(old, replacement).getBytes(StandardCharsets.ISO_8859_1);
                    changed++;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return changed;
    }
}
