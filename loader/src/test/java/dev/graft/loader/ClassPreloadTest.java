package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.fixture.api.Greeter;
import dev.graft.loader.testing.TestPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first lookup over many plugins loads their extension classes on several threads
 * ({@link ClassPreload}), and runs none of their code there: static initialisers and constructors
 * run on the caller's thread, in extension order.
 */
class ClassPreloadTest {

    private static final int PLUGINS = 120;

    /** Initialised and created on whichever threads it is: it greets with their names. */
    private static final String HELLO = """
            package many;
            public class Hello implements dev.graft.loader.fixture.api.Greeter {
                private static final String INITIALISED_ON = Thread.currentThread().getName();
                private final String createdOn = Thread.currentThread().getName();
                public String greet() { return INITIALISED_ON + " " + createdOn; }
            }
            """;

    @TempDir
    Path tmp;

    /** {@code PLUGINS} plugins, each with its own copy of one compiled class (compiled once: javac is slow). */
    private Path plugins() throws Exception {
        return plugins(-1);
    }

    /** The same, but plugin number {@code broken}'s index also names a class it does not hold. */
    private Path plugins(int broken) throws Exception {
        Map<String, byte[]> compiled = TestPlugin.in(tmp, "compiled").java("many.Hello", HELLO).classEntries();
        Path dir = Files.createDirectories(tmp.resolve("plugins"));
        for (int i = 0; i < PLUGINS; i++) {
            String id = String.format("p%03d", i);
            TestPlugin plugin = TestPlugin.in(tmp, id);
            compiled.forEach(plugin::resource);
            plugin.resource(ManifestFormat.PATH, ManifestFormat.write(new PluginManifest(id, Version.parse("1.0.0"),
                    VersionRange.parse("*"), List.of(), List.of())));
            List<ExtensionDescriptor> index = i == broken
                    ? List.of(new ExtensionDescriptor(GREETER, "many.Hello", 0, List.of()),
                            new ExtensionDescriptor(GREETER, "many.Missing", 1, List.of()))
                    : List.of(new ExtensionDescriptor(GREETER, "many.Hello", 0, List.of()));
            plugin.resource(IndexFormat.PATH, IndexFormat.write(index));
            plugin.zip(dir);
        }
        return dir;
    }

    private static PluginRuntime runtime(Path dir, int parallelism) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").parallelism(parallelism)
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    @Test
    void classesAreDefinedOnSeveralThreadsButInitialisedAndCreatedOnTheCallers() throws Exception {
        Path dir = plugins();
        Set<String> definers = new HashSet<>();
        List<Greeter> greeters;
        String caller = Thread.currentThread().getName();
        try (PluginRuntime runtime = runtime(dir, 2); Recording recording = new Recording()) {
            recording.enable("jdk.ClassDefine");
            recording.start();
            greeters = runtime.extensions(Greeter.class);
            recording.stop();
            Path events = tmp.resolve("defines.jfr");
            recording.dump(events);
            for (RecordedEvent e : RecordingFile.readAllEvents(events)) {
                if (e.getClass("definedClass").getName().equals("many.Hello")) {
                    definers.add(e.getThread().getJavaName());
                }
            }
            assertEquals(PLUGINS, greeters.size());
            for (Greeter g : greeters) {
                assertEquals(caller + " " + caller, g.greet());
            }
        }
        assertTrue(definers.contains("graft-preload-1"), "defined on " + definers);
        assertTrue(definers.contains(caller), "defined on " + definers);
    }

    @Test
    void aClassThatCannotBeLoadedAheadIsReportedOnceByTheCreation() throws Exception {
        Path dir = plugins(7);
        List<String> warnings = new java.util.ArrayList<>();
        try (PluginRuntime runtime = runtime(dir, 2)) {
            List<Greeter> greeters = dev.graft.loader.testing.LoaderLog.lines(warnings, java.util.logging.Level.WARNING,
                    () -> {
                        runtime.extensions(Greeter.class);
                        return runtime.extensions(Greeter.class);
                    });
            assertEquals(PLUGINS, greeters.size());
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains("many.Missing") && warnings.get(0).contains("p007"), warnings.get(0));
            ExtensionStatus missing = runtime.describe(Greeter.class).stream()
                    .filter(s -> s.className().equals("many.Missing")).findFirst().orElseThrow();
            assertEquals(ExtensionStatus.State.FAILED, missing.state());
        }
    }

    @Test
    void parallelismOneLoadsEverythingOnTheCallersThread() throws Exception {
        Path dir = plugins();
        Set<String> definers = new HashSet<>();
        try (PluginRuntime runtime = runtime(dir, 1); Recording recording = new Recording()) {
            recording.enable("jdk.ClassDefine");
            recording.start();
            assertEquals(PLUGINS, runtime.extensions(Greeter.class).size());
            recording.stop();
            Path events = tmp.resolve("defines.jfr");
            recording.dump(events);
            for (RecordedEvent e : RecordingFile.readAllEvents(events)) {
                if (e.getClass("definedClass").getName().equals("many.Hello")) {
                    definers.add(e.getThread().getJavaName());
                }
            }
        }
        assertEquals(Set.of(Thread.currentThread().getName()), definers);
        assertFalse(definers.contains("graft-preload-1"));
    }
}
