package dev.graft.it;

import dev.graft.it.host.Host;
import dev.graft.it.host.Probe;
import dev.graft.loader.PluginRuntime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scenario plugins the build packaged, and a host that loads them. */
final class ScenarioPlugins {

    private static final Path BUILT = Path.of(System.getProperty("scenario.plugins", "target/scenario-plugins"));

    private ScenarioPlugins() {
    }

    /**
     * The archive the build produced for a scenario plugin module.
     *
     * @param module the module name, for example {@code kotlin-old}
     * @return its zip, or its jar for the legacy single-jar and pf4j plugins
     */
    static Path archive(String module) {
        Path zip = BUILT.resolve("graft-it-" + module + ".zip");
        Path jar = BUILT.resolve("graft-it-" + module + ".jar");
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        if (Files.isRegularFile(jar)) {
            return jar;
        }
        throw new IllegalStateException("the build did not package scenario plugin " + module + " into " + BUILT);
    }

    /** Copies the archives of the given modules into a new plugin folder. */
    static Path folder(Path parent, String... modules) {
        try {
            Path folder = Files.createDirectories(parent.resolve("plugins"));
            for (String m : modules) {
                Path archive = archive(m);
                Files.copy(archive, folder.resolve(archive.getFileName()));
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runtime over a folder, as the test host configures it. */
    static PluginRuntime.Builder host(Path folder) {
        return PluginRuntime.builder().pluginDirectory(folder).hostVersion("1.0.0").sharedPackages("dev.graft.it.host");
    }

    /** The host object plugin code receives. */
    static Host hostOf(PluginRuntime runtime) {
        return new Host() {
            @Override
            public <T> List<T> extensions(Class<T> point) {
                return runtime.extensions(point);
            }
        };
    }

    /** Every active probe's report, by probe name, in extension order. */
    static Map<String, String> reports(PluginRuntime runtime) {
        Map<String, String> reports = new LinkedHashMap<>();
        Host host = hostOf(runtime);
        for (Probe probe : runtime.extensions(Probe.class)) {
            reports.put(probe.name(), probe.report(host));
        }
        return reports;
    }
}
