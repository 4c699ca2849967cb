package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.graft.loader.fixture.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugins of one runtime share rather than copy, and what a plugin keeps only once it is
 * needed: the heap cuts of docs/BENCHMARKS.md, "Where the heap goes", each checked here so that
 * undoing one fails a test.
 */
class SharedMetadataTest {

    @TempDir
    Path tmp;

    private Path dir;

    /** Two plugins with an extension of the same point each. */
    @BeforeEach
    void plugins() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("one").java("one.Hi", greeter("one.Hi", "one")).extension(GREETER, "one.Hi", 0).zip(dir);
        plugins.plugin("two").java("two.Hi", greeter("two.Hi", "two")).extension(GREETER, "two.Hi", 0).zip(dir);
    }

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void thePluginsOfARuntimeShareOneStringPerPointName() {
        try (PluginRuntime runtime = runtime()) {
            List<ExtensionEntry> entries = runtime.entries(GREETER);
            assertEquals(2, entries.size());
            assertSame(entries.get(0).point(), entries.get(1).point());
        }
    }
}
