package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.graft.loader.fixture.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pf4j's enabled.txt and disabled.txt in a plugin folder, with pf4j's semantics. */
class FolderSwitchesTest {

    @TempDir
    Path tmp;

    private Path folder(String... ids) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        int ordinal = 0;
        for (String id : ids) {
            plugins.plugin(id).java(id + ".Hi", greeter(id + ".Hi", id)).extension(GREETER, id + ".Hi", ordinal++).zip(dir);
        }
        return dir;
    }

    private static Map<String, String> states(PluginRuntime runtime) {
        return runtime.plugins().stream().collect(Collectors.toMap(PluginStatus::name,
                s -> s.state() + (s.reason().isEmpty() ? "" : ": " + s.reason())));
    }

    private PluginRuntime runtime(Path dir) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void disabledTxtDisablesTheListedPluginsWithTheReason() throws Exception {
        Path dir = folder("a", "b", "c");
        Files.writeString(dir.resolve("disabled.txt"), "# pf4j's format: one id a line\n  b  \n\nghost\n");
        try (PluginRuntime runtime = runtime(dir)) {
            Map<String, String> states = states(runtime);
            assertEquals("LOADED", states.get("a"));
            assertEquals("DISABLED: listed in " + dir.resolve("disabled.txt"), states.get("b"));
            assertEquals("LOADED", states.get("c"));
        }
    }

    @Test
    void enabledTxtLoadsOnlyTheListedPluginsAndDisabledTxtWins() throws Exception {
        Path dir = folder("a", "b", "c");
        Files.writeString(dir.resolve("enabled.txt"), "a\nb\n");
        Files.writeString(dir.resolve("disabled.txt"), "b\n");
        try (PluginRuntime runtime = runtime(dir)) {
            Map<String, String> states = states(runtime);
            assertEquals("LOADED", states.get("a"));
            assertEquals("DISABLED: listed in " + dir.resolve("disabled.txt"), states.get("b"));
            assertEquals("DISABLED: not listed in " + dir.resolve("enabled.txt") + ", which names the only plugins of"
                    + " its folder to load", states.get("c"));
        }
    }

    @Test
    void aSwitchFileThatCannotBeReadDisablesItsFolderSayingWhy() throws Exception {
        Path dir = folder("a");
        Files.createDirectories(dir.resolve("disabled.txt")); // a folder, not a file
        try (PluginRuntime runtime = runtime(dir)) {
            assertEquals("DISABLED: cannot honour " + dir.resolve("disabled.txt") + ": it is not a regular file; no"
                    + " plugin of its folder loads until it is fixed", states(runtime).get("a"));
        }
        Files.delete(dir.resolve("disabled.txt"));
        Files.write(dir.resolve("enabled.txt"), new byte[(1 << 20) + 1]); // larger than a switch file may be
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .archiveLimits(new ArchiveLimits(65_536, 1L << 30, 1 << 20)).build()) {
            String state = states(runtime).get("a");
            assertEquals(true, state.startsWith("DISABLED: cannot honour " + dir.resolve("enabled.txt") + ": "), state);
        }
    }
}
