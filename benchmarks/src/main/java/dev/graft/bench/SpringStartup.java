package dev.graft.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The Spring Boot start-up comparison (issue 15, item 9): N plugins of three beans each, loaded by a
 * Spring Boot web host in each {@link Peer}'s way. First one start of each peer with its caches
 * emptied (Graft's library cache, pf4j's unpacked plugin folders): the first start after an
 * install, reported apart and not in the medians. Then several runs; in each run every peer starts
 * once, in a fresh JVM ({@link SpringChild}), in a shuffled order. Prints per peer the median and
 * range of the start-up time, of {@code SpringApplication.run} alone, of the classes loaded and of
 * the heap after GC; Graft's time over each other peer's, as the ratio of the medians and as the
 * median of the ratios within each run; and the verdict on issue 15's target.
 */
final class SpringStartup {

    /** Graft's start-up may be at most this multiple of the flat class path's. */
    static final double TARGET = 1.15;

    /** How a host gets the plugins' beans. */
    enum Peer {
        /** Lavalink's model: the plugin jars, kotlin-stdlib and Jackson on the host's class path, their packages scanned. */
        FLAT,
        /** graft-spring-boot-starter: one folder of Graft zips, each plugin with its own kotlin-stdlib and Jackson. */
        GRAFT,
        /** The same zips, with Jackson and kotlin-stdlib shared from the host's class path: what isolation costs. */
        GRAFT_SHARED,
        /** pf4j-spring 0.10.0's {@code SpringPluginManager}: one folder of pf4j zips. */
        PF4J_SPRING
    }

    /**
     * @param first each peer's first start, caches empty
     * @param runs each peer's later starts, in run order
     */
    record Results(Map<Peer, Fork.Result> first, Map<Peer, List<Fork.Result>> runs) {
    }

    private SpringStartup() {
    }

    static Results run(int n, int runs, List<Peer> peers, long seed, boolean breakdown) throws Exception {
        Path root = SpringPlugins.ensure(n);
        SpringPlugins.emptyCaches(root);
        Random random = new Random(seed);
        Results results = new Results(new EnumMap<>(Peer.class), new EnumMap<>(Peer.class));
        Path perf = root.resolve("child.hsperf");
        for (int r = 0; r <= runs; r++) {
            List<Peer> order = new ArrayList<>(peers);
            Collections.shuffle(order, random);
            for (Peer peer : order) {
                Fork.Result result = Fork.run(classPath(peer, root), breakdown ? SpringBreakdown.flags(perf) : List.of(),
                        SpringChild.class.getName(), List.of(peer.name(), root.resolve(folder(peer)).toString(),
                                String.valueOf(n)));
                result = breakdown ? SpringBreakdown.withCounters(result, perf) : result;
                System.err.printf("  %s %-12s %6.0f ms %6.0f classes  load %s%n", r == 0 ? "first" : "run " + r,
                        peer, result.number("ms"), result.number("classes"), loadAverage());
                if (r == 0) {
                    results.first().put(peer, result);
                } else {
                    results.runs().computeIfAbsent(peer, p -> new ArrayList<>()).add(result);
                }
            }
        }
        return results;
    }

    /** The child's class path: the host, Spring Boot, and the peer's framework or the plugins. */
    static List<Path> classPath(Peer peer, Path root) throws IOException {
        List<Path> path = new ArrayList<>();
        path.add(root.resolve("host.jar"));
        switch (peer) {
            case FLAT -> {
                path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.PLUGIN_LIBRARY));
                try (Stream<Path> jars = Files.list(root.resolve("flat"))) {
                    jars.sorted().forEach(path::add);
                }
            }
            case GRAFT -> path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.GRAFT));
            case GRAFT_SHARED -> path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.GRAFT,
                    SpringClassPath.Kind.PLUGIN_LIBRARY));
            case PF4J_SPRING -> path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.PF4J));
        }
        return path;
    }

    private static String folder(Peer peer) {
        return switch (peer) {
            case FLAT -> "flat";
            case GRAFT, GRAFT_SHARED -> "graft";
            case PF4J_SPRING -> "pf4j";
        };
    }

    static String format(Results results, int n, int runs, String loadBefore) {
        StringBuilder out = new StringBuilder(String.format("Spring Boot start-up: %d plugins (a @Service using"
                + " kotlin-stdlib and Jackson, a @RestController, a @Component each); first start (caches empty),"
                + " then %d runs, median [min-max].%nJVM %s, flags %s; load average before %s, after %s%n%n", n, runs,
                Runtime.version(), Fork.JVM_FLAGS, loadBefore, loadAverage()));
        out.append("| peer | JVM start to ready | SpringApplication.run | classes loaded | heap after GC | first start |\n");
        out.append("|---|---|---|---|---|---|\n");
        results.runs().forEach((peer, list) -> out.append(String.format("| %s | %s | %s | %s | %.0f MB | %.0f ms |%n",
                peer, stats(list, "ms").format(" ms"), stats(list, "run").format(" ms"),
                stats(list, "classes").format(""), stats(list, "heap").median() / (1 << 20),
                results.first().get(peer).number("ms"))));
        for (Peer[] pair : new Peer[][] {{Peer.GRAFT, Peer.FLAT}, {Peer.GRAFT, Peer.PF4J_SPRING},
                {Peer.GRAFT_SHARED, Peer.FLAT}}) {
            List<Fork.Result> a = results.runs().get(pair[0]);
            List<Fork.Result> b = results.runs().get(pair[1]);
            if (a == null || b == null) {
                continue;
            }
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < a.size(); r++) {
                ratios.add(a.get(r).number("ms") / b.get(r).number("ms"));
            }
            Stats paired = Stats.of(ratios);
            out.append(String.format("%n%s / %s: %.2fx (medians); within each run %.2fx [%.2f-%.2f]", pair[0], pair[1],
                    stats(a, "ms").median() / stats(b, "ms").median(), paired.median(), paired.min(), paired.max()));
        }
        List<Fork.Result> graft = results.runs().get(Peer.GRAFT);
        if (graft != null && results.runs().containsKey(Peer.FLAT)) {
            double ratio = stats(graft, "ms").median() / stats(results.runs().get(Peer.FLAT), "ms").median();
            out.append(String.format("%n%nTarget: Graft's start-up no more than %.2fx the flat class path's: %.2fx, %s%n",
                    TARGET, ratio, ratio <= TARGET ? "MET" : "NOT MET"));
        }
        return out.toString();
    }

    private static Stats stats(List<Fork.Result> list, String key) {
        return Stats.of(list.stream().map(x -> x.number(key)).toList());
    }

    /** @return the 1, 5 and 15 minute load averages ({@code /proc/loadavg}), or "?" where there is none */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
