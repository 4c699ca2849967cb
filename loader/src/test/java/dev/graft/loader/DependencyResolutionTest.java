package dev.graft.loader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.graft.format.Dependency;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.fixture.Plugins;
import dev.graft.loader.resolve.DependencyResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyResolutionTest {

    @TempDir
    Path tmp;

    private PluginRuntime load(Path dir, String hostVersion) {
        return PluginRuntime.builder().pluginDirectory(dir).hostVersion(hostVersion).build();
    }

    private static Map<String, PluginStatus> byName(PluginRuntime runtime) {
        return runtime.plugins().stream().collect(Collectors.toMap(PluginStatus::name, s -> s, (a, b) -> a));
    }

    @Test
    void loadsDependenciesFirstWithTiesBrokenById() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        // file names sort differently from ids, so only the resolver decides the order
        plugins.plugin("zeta", "1-zeta").zip(dir);
        plugins.plugin("api", "9-api").zip(dir);
        plugins.plugin("consumer", "0-consumer").dependency("api@^1.0.0").dependency("extra?").zip(dir);
        plugins.plugin("extra", "5-extra").dependency("api").zip(dir);
        plugins.plugin("beta", "4-beta").zip(dir);
        try (PluginRuntime runtime = load(dir, "1.0.0")) {
            assertEquals(List.of("api", "beta", "extra", "consumer", "zeta"),
                    runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList());
            assertEquals(List.of("api", "extra"), runtime.plugin("consumer").orElseThrow().linkedDependencies());
        }
    }

    @Test
    void theSamePluginsGiveTheSameOrderWhateverTheListingOrder() {
        List<DependencyResolver.Candidate> candidates = new ArrayList<>();
        String[][] specs = {{"a"}, {"b", "a"}, {"c", "a"}, {"d", "b", "c?"}, {"e"}, {"f", "e", "d"}, {"g", "zz?"}};
        for (String[] spec : specs) {
            List<Dependency> deps = new ArrayList<>();
            for (int i = 1; i < spec.length; i++) {
                deps.add(Dependency.parse(spec[i]));
            }
            candidates.add(new DependencyResolver.Candidate(new PluginManifest(spec[0], Version.parse("1.0.0"),
                    VersionRange.ANY, deps, List.of()), spec[0] + ".zip"));
        }
        List<String> first = null;
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            Collections.shuffle(candidates, random);
            List<String> order = DependencyResolver.resolve(candidates, Map.of(), List.of(), Version.parse("1.0.0"),
                    17, Map.of()).order();
            if (first == null) {
                first = order;
            }
            assertEquals(first, order);
        }
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), first);
    }

    @Test
    void reportsAMissingRequiredDependencyAndDisablesWhatNeedsIt() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("needy").dependency("ghost@^2.0.0").zip(dir);
        plugins.plugin("top").dependency("needy").zip(dir);
        plugins.plugin("healthy").dependency("ghost?").zip(dir);
        try (PluginRuntime runtime = load(dir, "1.0.0")) {
            Map<String, PluginStatus> s = byName(runtime);
            assertEquals(PluginState.FAILED, s.get("needy").state());
            assertEquals("plugin 'needy' (needy.zip) requires ghost@^2.0.0, which is not installed", s.get("needy").reason());
            assertEquals(PluginState.DISABLED, s.get("top").state());
            assertEquals("plugin 'top' requires 'needy', which does not load: " + s.get("needy").reason(),
                    s.get("top").reason());
            assertEquals(PluginState.LOADED, s.get("healthy").state(), "an absent optional dependency is fine");
        }
    }

    @Test
    void showsTheInstalledVersionWhenOutOfRangeAlsoForOptionalDependencies() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("api").version("1.4.2").zip(dir);
        plugins.plugin("strict").dependency("api@^2.0.0").zip(dir);
        plugins.plugin("soft").dependency("api?@>=1.5.0").zip(dir);
        plugins.plugin("ok").dependency("api@~1.4.0").zip(dir);
        try (PluginRuntime runtime = load(dir, "1.0.0")) {
            Map<String, PluginStatus> s = byName(runtime);
            assertEquals("plugin 'strict' (strict.zip) requires api@^2.0.0, but api 1.4.2 is installed (api.zip)",
                    s.get("strict").reason());
            assertEquals("plugin 'soft' (soft.zip) requires api@>=1.5.0 when installed, but api 1.4.2 is installed"
                    + " (api.zip)", s.get("soft").reason());
            assertEquals(PluginState.FAILED, s.get("soft").state());
            assertEquals(PluginState.LOADED, s.get("ok").state());
        }
    }

    @Test
    void reportsACycleWithItsPath() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("a").dependency("b").zip(dir);
        plugins.plugin("b").dependency("c?").zip(dir);
        plugins.plugin("c").dependency("a@^1.0.0").zip(dir);
        plugins.plugin("d").dependency("a").zip(dir);
        plugins.plugin("free").zip(dir);
        try (PluginRuntime runtime = load(dir, "1.0.0")) {
            Map<String, PluginStatus> s = byName(runtime);
            for (String id : List.of("a", "b", "c")) {
                assertEquals(PluginState.FAILED, s.get(id).state());
                assertEquals("plugin '" + id + "' (" + id + ".zip) is in a dependency cycle: a -> b -> c -> a",
                        s.get(id).reason());
            }
            assertEquals(PluginState.DISABLED, s.get("d").state());
            assertEquals(List.of("free"), runtime.loadedPlugins().stream().map(LoadedPlugin::id).toList());
        }
    }

    @Test
    void reportsBothFilesOfADuplicateId() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("same", "same-1.0").zip(dir);
        plugins.plugin("same", "same-1.1").version("1.1.0").zip(dir);
        plugins.plugin("user").dependency("same").zip(dir);
        try (PluginRuntime runtime = load(dir, "1.0.0")) {
            List<PluginStatus> same = runtime.plugins().stream().filter(p -> p.id().equals(Optional.of("same"))).toList();
            assertEquals(2, same.size());
            for (PluginStatus s : same) {
                assertEquals(PluginState.FAILED, s.state());
                assertEquals("plugin id 'same' is provided by 2 files: same-1.0.zip, same-1.1.zip; remove all but one",
                        s.reason());
            }
            assertEquals(PluginState.DISABLED, byName(runtime).get("user").state());
        }
    }

    @Test
    void checksTheHostVersion() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("modern").requires(">=4.0.0 <5.0.0").zip(dir);
        plugins.plugin("snapshot-ok").requires("^3.1.0-0").zip(dir);
        try (PluginRuntime runtime = load(dir, "3.2-SNAPSHOT")) {
            Map<String, PluginStatus> s = byName(runtime);
            assertEquals("plugin 'modern' (modern.zip) requires host version >=4.0.0 <5.0.0, but the host is"
                    + " 3.2.0-SNAPSHOT", s.get("modern").reason());
            assertEquals(PluginState.LOADED, s.get("snapshot-ok").state());
        }
    }

    @Test
    void namesFileAndLineOfAMalformedManifestAndLoadsTheOthers() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        dev.graft.loader.testing.TestPlugin.in(tmp, "broken")
                .resource("META-INF/graft/plugin.manifest", "graft-plugin 1\nid broken\nversion 1.0\n")
                .zip(dir);
        dev.graft.loader.testing.TestPlugin.in(tmp, "bad-index")
                .resource("META-INF/graft/plugin.manifest", "graft-plugin 1\nid bad-index\nversion 1.0.0\n")
                .resource("META-INF/graft/extensions.idx", "graft-index 1\npoint a.B\nextension\n")
                .zip(dir);
        new Plugins(tmp).plugin("fine").zip(dir);
        try (PluginRuntime runtime = load(dir, "1.0.0")) {
            Map<String, PluginStatus> s = byName(runtime);
            assertEquals("broken.zip!/classes/META-INF/graft/plugin.manifest:3: bad 'version' line: '1.0': expected a"
                    + " semantic version MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD], for example 1.4.0 or 2.0.0-rc.1",
                    s.get("broken.zip").reason());
            assertEquals(PluginState.FAILED, s.get("broken.zip").state());
            assertTrue(s.get("bad-index.zip").reason().startsWith(
                    "bad-index.zip!/classes/META-INF/graft/extensions.idx:3: expected 'extension <binary class name>"),
                    s.get("bad-index.zip").reason());
            assertEquals(PluginState.LOADED, s.get("fine").state());
        }
    }

    @Test
    void refusesAPluginCompiledForANewerJava() {
        PluginManifest future = new PluginManifest("future", Version.parse("1.0.0"), VersionRange.ANY, List.of(),
                List.of(), 25);
        PluginManifest today = new PluginManifest("today", Version.parse("1.0.0"), VersionRange.ANY, List.of(),
                List.of(), 17);
        DependencyResolver.Resolution r = DependencyResolver.resolve(List.of(
                new DependencyResolver.Candidate(future, "future.zip"), new DependencyResolver.Candidate(today, "today.zip")),
                Map.of(), List.of(), Version.parse("1.0.0"), 21, Map.of());
        assertEquals(List.of("today"), r.order());
        assertEquals("plugin 'future' (future.zip) needs Java 25, but this JVM runs Java 21",
                r.rejected().get("future").reason());
    }

    @Test
    void theHostCanDisablePlugins() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("p"));
        Plugins plugins = new Plugins(tmp);
        plugins.plugin("off").zip(dir);
        plugins.plugin("on-off").dependency("off").zip(dir);
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").disable("off")
                .build()) {
            Map<String, PluginStatus> s = byName(runtime);
            assertEquals(PluginState.DISABLED, s.get("off").state());
            assertEquals("disabled by the host", s.get("off").reason());
            assertEquals("plugin 'on-off' requires 'off', which does not load: disabled by the host",
                    s.get("on-off").reason());
        }
    }

    @Test
    void aChainNamesItsDirectAndItsRootCauseEvenWhenTheRootDoesNotNameItsPlugin() {
        List<DependencyResolver.Candidate> candidates = new ArrayList<>();
        for (String[] spec : new String[][] {{"a", "b"}, {"b", "off"}, {"off"}}) {
            List<Dependency> deps = spec.length > 1 ? List.of(Dependency.parse(spec[1])) : List.of();
            candidates.add(new DependencyResolver.Candidate(new PluginManifest(spec[0], Version.parse("1.0.0"),
                    VersionRange.ANY, deps, List.of()), spec[0] + ".zip"));
        }
        DependencyResolver.Resolution r = DependencyResolver.resolve(candidates, Map.of(), List.of(),
                Version.parse("1.0.0"), 17, Map.of("off", "disabled by the host"));
        assertEquals("plugin 'b' requires 'off', which does not load: disabled by the host",
                r.rejected().get("b").reason());
        assertEquals("plugin 'a' requires 'b', which does not load (root cause: 'off': disabled by the host)",
                r.rejected().get("a").reason());
    }
}
