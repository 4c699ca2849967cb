package dev.graft.loader;

import static dev.graft.loader.fixture.Plugins.GREETER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.fixture.api.Greeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load after an unload, and reload, bring back the dependents the unload took down (issue 16, item 4). */
class ReloadTest {

    @TempDir
    Path tmp;
    private Path dir;
    private Path tracks;
    private Path radio;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(tmp.resolve("plugins"));
        Plugins plugins = new Plugins(tmp);
        Plugins.Spec api = plugins.plugin("tracks")
                .java("tracks.api.Tracks", "package tracks.api; public class Tracks {"
                        + " public static String name() { return \"track\"; } }");
        tracks = api.zip(dir);
        radio = plugins.plugin("radio").dependency("tracks").classpath(api.classes())
                .java("radio.Radio", "package radio; public class Radio implements dev.graft.loader.fixture.api.Greeter {"
                        + " public String greet() { return \"radio plays a \" + tracks.api.Tracks.name(); } }")
                .extension(GREETER, "radio.Radio", 0).zip(dir);
        plugins.plugin("alone").zip(dir);
    }

    private PluginRuntime runtime() {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0")
                .sharedPackages("dev.graft.loader.fixture.api").build();
    }

    private static List<String> rows(PluginRuntime runtime) {
        return runtime.plugins().stream().map(s -> s.name() + " " + s.state()).toList();
    }

    @Test
    void loadingAPluginAgainBringsBackTheDependentsItsUnloadTookDown() {
        try (PluginRuntime runtime = runtime()) {
            ClassLoader before = runtime.plugin("tracks").orElseThrow().classLoader();
            assertEquals(List.of("radio", "tracks"), runtime.unload("tracks"));
            assertEquals(List.of(), runtime.extensions(Greeter.class));

            List<PluginStatus> loaded = runtime.load(tracks);
            assertEquals(List.of("tracks LOADED", "radio LOADED"), loaded.stream().map(s -> s.name() + " " + s.state()).toList());
            assertEquals(List.of("radio plays a track"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            assertNotSame(before, runtime.plugin("tracks").orElseThrow().classLoader());
            assertEquals(List.of("alone LOADED", "tracks LOADED", "radio LOADED"), rows(runtime), "one current row per plugin");
            assertEquals(List.of("tracks"), runtime.plugin("radio").orElseThrow().linkedDependencies());
        }
    }

    @Test
    void reloadUnloadsAndLoadsThePluginWithItsDependents() {
        try (PluginRuntime runtime = runtime()) {
            runtime.extensions(Greeter.class);
            List<PluginStatus> reloaded = runtime.reload("tracks");
            assertEquals(List.of("tracks LOADED", "radio LOADED"), reloaded.stream().map(s -> s.name() + " " + s.state()).toList());
            assertEquals(List.of("radio plays a track"), runtime.extensions(Greeter.class).stream().map(Greeter::greet).toList());
            assertEquals(List.of("alone LOADED", "tracks LOADED", "radio LOADED"), rows(runtime));
        }
    }

    @Test
    void reloadOfAnUnloadedPluginLoadsItFromItsFileAndOfAnUnknownOneDoesNothing() {
        try (PluginRuntime runtime = runtime()) {
            runtime.unload("tracks");
            assertEquals(List.of("tracks LOADED", "radio LOADED"),
                    runtime.reload("tracks").stream().map(s -> s.name() + " " + s.state()).toList());
            assertEquals(List.of(), runtime.reload("ghost"));
        }
    }

    @Test
    void aDependentTheHostUnloadedItselfDoesNotComeBack() {
        try (PluginRuntime runtime = runtime()) {
            runtime.unload("radio");
            runtime.unload("tracks");
            assertEquals(List.of("tracks LOADED"), runtime.load(tracks).stream().map(s -> s.name() + " " + s.state()).toList());
            assertTrue(runtime.plugin("radio").isEmpty());
        }
    }

    @Test
    void aDependentTheHostLoadedAgainInTheMeantimeIsNotLoadedTwice() {
        try (PluginRuntime runtime = runtime()) {
            runtime.unload("tracks");
            runtime.load(tracks, radio); // together, so radio links to the new tracks
            assertEquals(List.of("alone LOADED", "tracks LOADED", "radio LOADED"), rows(runtime));
            runtime.unload("alone");
            assertEquals(List.of("alone LOADED"), runtime.load(dir.resolve("alone.zip")).stream()
                    .map(s -> s.name() + " " + s.state()).toList());
        }
    }

    @Test
    void aDependentWhoseFileIsGoneIsReportedFailedWhenItsDependencyComesBack() throws Exception {
        try (PluginRuntime runtime = runtime()) {
            runtime.unload("tracks");
            Files.delete(radio);
            List<PluginStatus> loaded = runtime.load(tracks);
            assertEquals(PluginState.LOADED, loaded.get(0).state());
            assertEquals(PluginState.FAILED, loaded.get(1).state());
            assertTrue(loaded.get(1).reason().contains("radio.zip"), loaded.get(1).reason());
        }
    }
}
