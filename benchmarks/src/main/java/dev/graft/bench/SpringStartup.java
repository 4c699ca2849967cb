package dev.graft.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The Spring Boot start-up comparison (issue 15, item 9): N plugins of three beans each, loaded by a
 * Spring Boot web host three ways ({@link Peer}). After one warm-up start of each peer (discarded:
 * it fills the page cache, Graft's library cache and pf4j's unpacked folders), several runs; in each
 * run every peer starts once, in a fresh JVM ({@link SpringChild}), in a shuffled order. Prints per
 * peer the median and range of the start-up time, of {@code SpringApplication.run} alone, of the
 * classes loaded and of the heap after GC; Graft's time over each other peer's, as the ratio of the
 * medians and as the median of the ratios within each run; and the verdict on issue 15's target.
 */
final class SpringStartup {

    /** Graft's start-up may be at most this multiple of the flat class path's. */
    static final double TARGET = 1.15;

    /** How a host gets the plugins' beans. */
    enum Peer {
        /** Lavalink's model: the plugin jars, kotlin-stdlib and Jackson on the host's class path, their packages scanned. */
        FLAT,
        /** graft-spring-boot-starter: one folder of Graft zips. */
        GRAFT,
        /** pf4j-spring 0.10.0's {@code SpringPluginManager}: one folder of pf4j zips. */
        PF4J_SPRING
    }

    private SpringStartup() {
    }

    static Map<Peer, List<Fork.Result>> run(int n, int runs, List<Peer> peers, long seed) throws Exception {
        Path root = SpringPlugins.ensure(n);
        Random random = new Random(seed);
        Map<Peer, List<Fork.Result>> results = new EnumMap<>(Peer.class);
        for (int r = 0; r <= runs; r++) {
            List<Peer> order = new ArrayList<>(peers);
            Collections.shuffle(order, random);
            for (Peer peer : order) {
                Fork.Result result;
                try {
                    result = Fork.run(classPath(peer, root), SpringChild.class.getName(),
                            List.of(peer.name(), root.resolve(folder(peer)).toString(), String.valueOf(n)));
                } catch (IllegalStateException e) {
                    if (peer != Peer.PF4J_SPRING || r > 0) {
                        throw e;
                    }
                    System.err.println("pf4j-spring did not start; left out:\n" + e.getMessage());
                    peers = peers.stream().filter(p -> p != Peer.PF4J_SPRING).toList();
                    continue;
                }
                System.err.printf("  %s %-11s %6.0f ms %6.0f classes  load %s%n", r == 0 ? "warm-up" : "run " + r,
                        peer, result.number("ms"), result.number("classes"), loadAverage());
                if (r > 0) {
                    results.computeIfAbsent(peer, p -> new ArrayList<>()).add(result);
                }
            }
        }
        return results;
    }

    /** The child's class path: Spring Boot, the host, and the peer's framework or the plugins. */
    static List<Path> classPath(Peer peer, Path root) throws java.io.IOException {
        List<Path> path = new ArrayList<>();
        path.add(root.resolve("host.jar"));
        switch (peer) {
            case FLAT -> {
                path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.PLUGIN_LIBRARY));
                try (var jars = Files.list(root.resolve("flat"))) {
                    jars.sorted().forEach(path::add);
                }
            }
            case GRAFT -> path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.GRAFT));
            case PF4J_SPRING -> path.addAll(SpringClassPath.of(SpringClassPath.Kind.COMMON, SpringClassPath.Kind.PF4J));
        }
        return path;
    }

    private static String folder(Peer peer) {
        return switch (peer) {
            case FLAT -> "flat";
            case GRAFT -> "graft";
            case PF4J_SPRING -> "pf4j";
        };
    }

    static String format(Map<Peer, List<Fork.Result>> results, int n, int runs, String loadBefore) {
        StringBuilder out = new StringBuilder(String.format("Spring Boot start-up: %d plugins (a @Service using"
                + " kotlin-stdlib and Jackson, a @RestController, a @Component each); %d runs after a warm-up,"
                + " median [min-max].%nJVM %s, flags %s; load average before %s, after %s%n%n", n, runs,
                Runtime.version(), Fork.JVM_FLAGS, loadBefore, loadAverage()));
        out.append("| peer | JVM start to ready | SpringApplication.run | classes loaded | heap after GC |\n");
        out.append("|---|---|---|---|---|\n");
        results.forEach((peer, list) -> out.append(String.format("| %s | %s | %s | %s | %.0f MB |%n", peer,
                stats(list, "ms").format(" ms"), stats(list, "run").format(" ms"), stats(list, "classes").format(""),
                stats(list, "heap").median() / (1 << 20))));
        List<Fork.Result> graft = results.get(Peer.GRAFT);
        for (Peer other : List.of(Peer.FLAT, Peer.PF4J_SPRING)) {
            List<Fork.Result> list = results.get(other);
            if (graft == null || list == null) {
                continue;
            }
            List<Double> ratios = new ArrayList<>();
            for (int r = 0; r < Math.min(graft.size(), list.size()); r++) {
                ratios.add(graft.get(r).number("ms") / list.get(r).number("ms"));
            }
            Stats paired = Stats.of(ratios);
            out.append(String.format("%nGraft / %s: %.2fx (medians); per run %.2fx [%.2f-%.2f]", other,
                    stats(graft, "ms").median() / stats(list, "ms").median(), paired.median(), paired.min(),
                    paired.max()));
        }
        if (graft != null && results.containsKey(Peer.FLAT)) {
            double ratio = stats(graft, "ms").median() / stats(results.get(Peer.FLAT), "ms").median();
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
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
