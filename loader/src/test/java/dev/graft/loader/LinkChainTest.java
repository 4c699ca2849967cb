package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Linking a plugin links the plugins it depends on first; along a chain of thousands that takes no
 * stack in proportion to the chain (issue 12, item 7).
 */
class LinkChainTest {

    private static final int CHAIN = 3000;

    /** Small enough that one stack frame per plugin of the chain overflows it. */
    private static final long STACK_BYTES = 128 * 1024;

    @TempDir
    Path tmp;

    @Test
    void theLastOfAChainOfThreeThousandLinksOnAThreadWithASmallStack() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        for (int i = 0; i < CHAIN - 1; i++) {
            Plugins.Spec p = plugins.plugin(id(i));
            if (i > 0) {
                p.dependency(id(i - 1));
            }
            p.zip(dir);
        }
        plugins.plugin(id(CHAIN - 1)).dependency(id(CHAIN - 2))
                .java("last.Last", "package last; public class Last {}").zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").build()) {
            assertEquals(CHAIN, runtime.loadedPlugins().size());
            LoadedPlugin last = runtime.plugin(id(CHAIN - 1)).orElseThrow();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread small = new Thread(null, () -> {
                try {
                    outcome.set(last.classLoader().loadClass("last.Last"));
                } catch (Throwable t) {
                    outcome.set(t);
                }
            }, "small-stack", STACK_BYTES);
            small.start();
            small.join();
            assertTrue(outcome.get() instanceof Class<?>, () -> "expected the class, got " + outcome.get());
            assertEquals("last.Last", ((Class<?>) outcome.get()).getName());
            for (LoadedPlugin p : runtime.loadedPlugins()) {
                assertTrue(p.isLinked(), p.id() + " is linked, as a dependency of the last one");
            }
            assertNull(runtime.plugin(id(0)).orElseThrow().libraryLoader().orElse(null), "no lib/, no library loader");
        }
    }

    private static String id(int i) {
        return String.format("c%04d", i);
    }
}
