package dev.graft.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spring --breakdown} mode: where each peer's start-up goes, measured rather than
 * guessed. Each child records Spring's start-up steps ({@link SpringChildSteps}) and saves the JVM's
 * own counters on exit ({@code -XX:+PerfDataSaveToFile}), read back with the JDK's {@code jstat}:
 * {@code sun.cls.time}, the time the JVM spent loading, linking and initialising classes (outermost
 * events only, so nothing is counted twice; it includes static initialisers), and the full
 * collections (ParallelGC's, which the metaspace's growth triggers during start-up). Both add work
 * of their own, so these runs are not the timed ones.
 */
final class SpringBreakdown {

    /** {@link SpringChild} runs two {@code System.gc()} after the start-up, to read the heap: not counted. */
    private static final int CHILD_GCS = 2;

    private SpringBreakdown() {
    }

    /** @return the child's extra JVM flags, saving its counters to {@code perfFile} */
    static List<String> flags(Path perfFile) {
        return List.of("-Dbench.steps=true", "-XX:+UsePerfData", "-XX:+PerfDataSaveToFile",
                "-XX:PerfDataSaveFile=" + perfFile);
    }

    /** @return the result with {@code clsMs} and {@code fullGcs} from the counters in {@code perfFile} added */
    static Fork.Result withCounters(Fork.Result result, Path perfFile) throws IOException, InterruptedException {
        Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                "-J-Djstat.showUnsupported=true", "-snap", perfFile.toUri().toString()).redirectErrorStream(true).start();
        Map<String, String> counters = new HashMap<>();
        for (String line : new String(jstat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                counters.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (jstat.waitFor() != 0 || !counters.containsKey("sun.cls.time")) {
            throw new IllegalStateException("jstat could not read " + perfFile + ": " + counters);
        }
        Files.deleteIfExists(perfFile);
        double ticksPerMs = Double.parseDouble(counters.get("sun.os.hrt.frequency")) / 1000;
        Map<String, String> values = new HashMap<>(result.values());
        values.put("clsMs", String.valueOf(Long.parseLong(counters.get("sun.cls.time")) / ticksPerMs));
        values.put("fullGcs", String.valueOf(Long.parseLong(counters.get("sun.gc.collector.1.invocations")) - CHILD_GCS));
        return new Fork.Result(result.wallMillis(), values);
    }

    static String format(Map<SpringStartup.Peer, List<Fork.Result>> results) {
        StringBuilder out = new StringBuilder("Breakdown (medians; ms unless said; these runs also record steps and"
                + " counters):\n\n| peer | JVM start to ready | configuration classes (scan, Graft's registrar)"
                + " | plugin beans' instantiation | pf4j-spring's pluginManager bean | class loading, linking,"
                + " initialisation (sun.cls.time) | classes loaded | full GCs in start-up |\n|---|---|---|---|---|---|---|---|\n");
        results.forEach((peer, list) -> {
            out.append("| ").append(peer);
            for (String key : List.of("ms", "parse", "pluginBeans", "pluginManager", "clsMs", "classes", "fullGcs")) {
                out.append(String.format(" | %.0f", Stats.of(list.stream().map(x -> x.number(key)).toList()).median()));
            }
            out.append(" |\n");
        });
        return out.toString();
    }
}
