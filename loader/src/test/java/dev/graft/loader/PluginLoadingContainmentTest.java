package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Version;
import dev.graft.loader.archive.ArchiveOpener;
import dev.graft.loader.cache.LibraryCache;
import dev.graft.loader.classloading.Linker;
import dev.graft.loader.classloading.PackageMatcher;
import dev.graft.loader.fixture.Plugins;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever opening one archive throws, on whichever of the opening threads, becomes that archive's
 * one FAILED status; the errors that say the JVM is broken reach the caller after every thread ends.
 */
class PluginLoadingContainmentTest {

    private static final int PLUGINS = 48; // three opening threads at 16 archives each

    @TempDir
    Path tmp;

    private List<Path> plugins() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        List<Path> sources = new ArrayList<>();
        for (int i = 0; i < PLUGINS; i++) {
            sources.add(plugins.plugin(String.format("p%02d", i)).zip(dir));
        }
        return sources;
    }

    private PluginLoading.Settings settings(Map<String, Throwable> faults) {
        LibraryCache cache = new LibraryCache(tmp.resolve("cache"), 1L << 30);
        ArchiveOpener real = new ArchiveOpener(cache, ArchiveLimits.DEFAULT);
        PluginLoading.Opener opener = (source, listed) -> {
            Throwable fault = faults.get(source.getFileName().toString());
            if (fault instanceof Error e) {
                throw e;
            }
            if (fault != null) {
                throw (Exception) fault;
            }
            return real.open(source);
        };
        Linker.Host host = new Linker.Host(getClass().getClassLoader(), new PackageMatcher(Set.of()), true);
        return new PluginLoading.Settings(opener, cache, host, Version.parse("1.0.0"), Set.of(), 3, ArchiveLimits.DEFAULT);
    }

    @Test
    void everyArchiveHasExactlyOneStatusWhateverItsOpeningThreadCaught() throws Exception {
        List<Path> sources = plugins();
        Map<String, Throwable> faults = new HashMap<>();
        faults.put("p03.zip", new StackOverflowError());
        faults.put("p20.zip", new OutOfMemoryError("Requested array size exceeds VM limit"));
        faults.put("p37.zip", new AssertionError("assertion in a parser"));
        faults.put("p44.zip", new NullPointerException());
        faults.put("p45.zip", new ExceptionInInitializerError(new IllegalStateException("static state")));

        PluginLoading.Outcome outcome = PluginLoading.load(sources, false, settings(faults), List.of());

        assertEquals(PLUGINS, outcome.statuses().size(), "one status per archive");
        assertEquals(PLUGINS, outcome.statuses().stream().map(PluginStatus::source).distinct().count());
        assertEquals(PLUGINS - faults.size(), outcome.loaded().size(), "every other plugin loads");
        for (PluginStatus s : outcome.statuses()) {
            String file = s.source().getFileName().toString();
            Throwable fault = faults.get(file);
            if (fault == null) {
                assertEquals(PluginState.LOADED, s.state(), s.toString());
                continue;
            }
            assertEquals(PluginState.FAILED, s.state(), s.toString());
            assertTrue(s.reason().contains(file), "names the file: " + s.reason());
            assertTrue(s.reason().contains(fault.getClass().getName()), "says what was thrown: " + s.reason());
        }
    }

    @Test
    void anErrorThatSaysTheJvmIsBrokenReachesTheCallerAfterTheOpeningThreadsEnd() throws Exception {
        List<Path> sources = plugins();
        InternalError broken = new InternalError("the JVM is broken");
        Map<String, Throwable> faults = Map.of("p25.zip", broken);
        InternalError thrown = assertThrows(InternalError.class,
                () -> PluginLoading.load(sources, false, settings(faults), List.of()));
        assertSame(broken, thrown);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("graft-prepare-") && t.isAlive()),
                "no opening thread is left running");
    }
}
