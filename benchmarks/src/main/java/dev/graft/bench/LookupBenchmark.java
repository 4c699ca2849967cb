package dev.graft.bench;

import dev.graft.format.Dependency;
import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.PluginRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Steady-state costs: looking up a class through a plugin with 1, 10 or 100 dependencies (it must
 * not grow with the number of dependencies: lookups are routed by package through a map), and
 * listing the entries of a point without instantiating them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class LookupBenchmark {

    /** How many plugins the looking-up plugin depends on. */
    @Param({"1", "10", "100"})
    public int dependencies;

    private PluginRuntime runtime;
    private ClassLoader user;
    private String lastDependencyClass;
    private String ownClass;

    /** Builds D dependency plugins, each exporting one package, and a plugin depending on all. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("graft-lookup");
        List<Dependency> deps = new ArrayList<>();
        for (int i = 0; i < dependencies; i++) {
            String id = String.format("dep%03d", i);
            plugin(dir, id, Map.of(id + ".Api", "package " + id + "; public class Api {}"), List.of(), List.of());
            deps.add(Dependency.parse(id));
        }
        Map<String, String> own = new TreeMap<>();
        for (int j = 0; j < Workspace.POINTS; j++) {
            own.put("user.E" + j, "package user; public class E" + j + " implements bench.api.Point" + j
                    + " { public int id() { return " + j + "; } }");
        }
        List<ExtensionDescriptor> extensions = new ArrayList<>();
        for (int j = 0; j < Workspace.POINTS; j++) {
            extensions.add(new ExtensionDescriptor("bench.api.Point" + j, "user.E" + j, 0, List.of()));
        }
        plugin(dir, "user", own, deps, extensions);
        runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").sharedPackages("bench.api").build();
        user = runtime.plugin("user").orElseThrow().classLoader();
        lastDependencyClass = String.format("dep%03d.Api", dependencies - 1);
        ownClass = "user.E0";
        user.loadClass(lastDependencyClass);
        user.loadClass(ownClass);
    }

    static void plugin(Path dir, String id, Map<String, String> sources, List<Dependency> deps,
            List<ExtensionDescriptor> extensions) throws Exception {
        Path classes = Files.createTempDirectory(dir.getParent(), id);
        Javac.compile(sources, List.of(Workspace.apiJar(), Workspace.library("pf4j-")), classes, List.of(), List.of());
        Map<String, byte[]> entries = Archives.files(classes, name -> true);
        entries.put(ManifestFormat.PATH, Archives.text(ManifestFormat.write(new PluginManifest(id,
                Version.parse("1.0.0"), VersionRange.ANY, deps, List.of()))));
        entries.put(IndexFormat.PATH, Archives.text(IndexFormat.write(extensions)));
        Archives.graftZip(dir.resolve(id + ".zip"), entries);
    }

    /** Closes the runtime. */
    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** @return a class in the last dependency's exported package, through the plugin's loader */
    @Benchmark
    public Class<?> classOfADependency() throws ClassNotFoundException {
        return user.loadClass(lastDependencyClass);
    }

    /** @return a class of the plugin itself */
    @Benchmark
    public Class<?> ownClass() throws ClassNotFoundException {
        return user.loadClass(ownClass);
    }

    /** @return the entries of a point, without instantiating them */
    @Benchmark
    public int listEntries() {
        return runtime.entries("bench.api.Point0").size();
    }
}
