package dev.graft.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The example host run on the module path, in a JVM of its own: the loader is the named module
 * {@code dev.graft.loader}, which exports its API package only, and the host loads the example
 * plugins exactly as it does on the class path.
 */
class ModulePathHostTest {

    private static final Set<String> MODULES = Set.of("dev.graft.example.host", "dev.graft.example.host.api",
            "dev.graft.loader", "dev.graft.format", "dev.graft.annotations");

    /** The entries of this test's class path that hold one of the host's modules, and this module's classes. */
    private static String modulePath() {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            for (ModuleReference ref : ModuleFinder.of(path).findAll()) {
                if (MODULES.contains(ref.descriptor().name()) && !ref.descriptor().isAutomatic()) {
                    entries.add(entry);
                }
            }
        }
        assertEquals(MODULES.size(), entries.size(), "each module once, as a named module: " + entries);
        return String.join(File.pathSeparator, entries);
    }

    private static String java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child JVM ends");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void theHostRunsOnTheModulePathAndLoadsThePlugins() throws Exception {
        String out = java("--module-path", modulePath(), "-m", "dev.graft.example.host/dev.graft.example.host.ExampleHost",
                Path.of("target/plugins").toAbsolutePath().toString(), "Hello :)");
        for (String plugin : new String[] {"text", "emoji", "reverse"}) {
            assertTrue(out.matches("(?s).*\\n  " + plugin + " +0\\.1\\.0-SNAPSHOT +LOADED .*"), plugin + " loads:\n" + out);
        }
        assertTrue(out.contains("  filter  -> \uD83D\uDE42 olleH\n"), "emoji's filter, then reverse's:\n" + out);
    }

    @Test
    void theLoaderModuleExportsItsApiOnly() throws Exception {
        String out = java("--module-path", modulePath(), "--describe-module", "dev.graft.loader");
        assertTrue(out.contains("exports dev.graft.loader\n"), out);
        assertTrue(out.contains("requires dev.graft.format transitive"), out);
        for (String pkg : new String[] {"archive", "cache", "classloading", "resolve", "leak", "pf4j", "lavalink"}) {
            assertTrue(out.contains("contains dev.graft.loader." + pkg + "\n"), pkg + " is not exported:\n" + out);
            assertTrue(!out.contains("exports dev.graft.loader." + pkg), pkg + " is not exported:\n" + out);
        }
    }
}
