package dev.graft.bench;

import bench.api.Point0;
import dev.graft.format.ExtensionDescriptor;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-call cost of running plugin code in its plugin's context from a host thread: a direct
 * call on the extension, the same call on {@link PluginRuntime#contextualExtensions(Class)}'s
 * wrapper, and the call wrapped by hand in {@link LoadedPlugin#callWithContextLoader}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ContextCallBenchmark {

    private PluginRuntime runtime;
    private Point0 direct;
    private Point0 contextual;
    private LoadedPlugin plugin;

    /** One plugin with one extension of {@code Point0} whose {@code id()} returns a constant. */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("graft-context");
        LookupBenchmark.plugin(dir, "user", Map.of("user.E0", "package user; public class E0 implements bench.api.Point0"
                + " { public int id() { return 7; } }"), List.of(),
                List.of(new ExtensionDescriptor("bench.api.Point0", "user.E0", 0, List.of())));
        runtime = PluginRuntime.builder().pluginDirectory(dir).hostVersion("1.0.0").sharedPackages("bench.api").build();
        direct = runtime.extensions(Point0.class).get(0);
        contextual = runtime.contextualExtensions(Point0.class).get(0);
        plugin = runtime.plugin("user").orElseThrow();
    }

    /** Closes the runtime. */
    @TearDown(Level.Trial)
    public void tearDown() {
        runtime.close();
    }

    /** @return the extension's answer, called directly: no context switch */
    @Benchmark
    public int direct() {
        return direct.id();
    }

    /** @return the same call through the contextual wrapper */
    @Benchmark
    public int contextual() {
        return contextual.id();
    }

    /** @return the same call, the context switched by hand */
    @Benchmark
    public int callWithContextLoader() throws Exception {
        return plugin.callWithContextLoader(direct::id);
    }
}
