package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static dev.graft.loader.fixture.Plugins.greeter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.testing.LoaderLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host's shutdown is no time for news about a JVM flag: closing the runtime, which unloads every
 * plugin, says at DEBUG only that ThreadLocals could not be checked, where an unload from a running
 * host warns (UnloadLeaksTest#withoutTheFlagThreadLocalsAreReportedOnceNamingTheFlag).
 */
class CloseQuietlyTest {

    @TempDir
    Path tmp;

    @Test
    void closingTheRuntimeDoesNotWarnAboutTheAddOpensFlag() throws Exception {
        assumeFalse(Thread.class.getModule().isOpen("java.lang", PluginRuntime.class.getModule()),
                "this JVM has --add-opens java.base/java.lang: ThreadLocals are checked, there is nothing to say");
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        new Plugins(tmp).plugin("p").java("p.Hi", greeter("p.Hi", "hi")).extension(GREETER, "p.Hi", 0).zip(dir);
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        LoaderLog.recording(records, () -> {
            PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                    .sharedPackages("dev.graft.loader.fixture.api").cache(tmp.resolve("cache"), 1L << 20).build();
            assertEquals(1, runtime.extensions(dev.graft.loader.fixture.api.Greeter.class).size(), "p is linked");
            runtime.close();
            return null;
        });
        List<LogRecord> flag = records.stream().filter(r -> String.valueOf(r.getMessage()).contains("--add-opens")).toList();
        assertEquals(1, flag.size(), "said once: " + flag);
        assertEquals(Level.FINE, flag.get(0).getLevel(), "at DEBUG, not WARNING");
        assertTrue(flag.get(0).getMessage().contains("add --add-opens java.base/java.lang=ALL-UNNAMED"));
    }
}
