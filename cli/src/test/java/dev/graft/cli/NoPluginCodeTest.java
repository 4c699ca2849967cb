package dev.graft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.PluginRuntime;
import dev.graft.loader.fixture.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands never start a plugin: its PluginLifecycle hook does not run, where a host's runtime runs it. */
class NoPluginCodeTest {

    @TempDir
    Path tmp;

    @Test
    void listAndExplainRunNoStartHook() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Path marker = tmp.resolve("started");
        new Plugins(tmp).plugin("hooked").java("h.Hooks", "package h; public class Hooks implements dev.graft.PluginLifecycle {"
                + " public void start() throws Exception { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); } }")
                .extension("dev.graft.PluginLifecycle", "h.Hooks", 0).zip(dir);

        Cli list = Cli.run("list", dir.toString());
        assertEquals(Main.OK, list.code(), list.toString());
        assertTrue(list.out().contains("hooked"), list.toString());
        Cli explain = Cli.run("explain", dir.toString(), "dev.graft.PluginLifecycle");
        assertEquals(Main.OK, explain.code(), explain.toString());
        assertFalse(Files.exists(marker), "graft list and explain ran the plugin's start hook");

        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .cache(tmp.resolve("cache"), 1L << 20).build()) {
            assertTrue(Files.exists(marker), "a host's runtime does run it: the check above can fail");
        }
    }
}
