package dev.graft.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' command line.
 *
 * <pre>
 * java -jar benchmarks/target/graft-benchmarks.jar coldstart [--n 10,100,1000] [--runs 3] [--peers GRAFT,PF4J,...]
 * java -jar benchmarks/target/graft-benchmarks.jar processor [--classes 2000] [--runs 5]
 * java -jar benchmarks/target/graft-benchmarks.jar libs [--runs 5]
 * java -jar benchmarks/target/graft-benchmarks.jar cache [--n 1000] [--runs 5]
 * java -jar benchmarks/target/graft-benchmarks.jar spring [--plugins 20] [--runs 5] [--peers FLAT,GRAFT,GRAFT_SHARED,PF4J_SPRING] [--breakdown true]
 * java -jar benchmarks/target/graft-benchmarks.jar verify [--classes 200] [--runs 5]
 * java -jar benchmarks/target/graft-benchmarks.jar jmh [JMH options]
 * </pre>
 */
public final class Main {

    private Main() {
    }

    /**
     * @param args the command and its options
     * @throws Exception if a measurement fails
     */
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "coldstart" : args[0];
        if (command.equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, Math.min(1, args.length), args.length));
        int runs = Integer.parseInt(options.getOrDefault("runs", command.equals("coldstart") ? "3" : "5"));
        switch (command) {
            case "coldstart" -> coldStart(options, runs);
            case "processor" -> {
                int classes = Integer.parseInt(options.getOrDefault("classes", "2000"));
                System.out.println(ProcessorCost.format(ProcessorCost.run(classes, runs), classes, runs));
            }
            case "libs" -> System.out.println(LibraryStrategy.format(LibraryStrategy.run(runs), runs));
            case "cache" -> {
                int n = Integer.parseInt(options.getOrDefault("n", "1000"));
                System.out.println(CacheCost.format(CacheCost.run(n, runs), n, runs));
            }
            case "spring" -> spring(options, runs);
            case "verify" -> {
                int classes = Integer.parseInt(options.getOrDefault("classes", "200"));
                System.out.println(VerifyCost.format(VerifyCost.run(classes, runs), runs));
            }
            default -> {
                System.err.println("commands: coldstart, processor, libs, cache, spring, verify, jmh (see docs/BENCHMARKS.md)");
                System.exit(2);
            }
        }
    }

    private static void coldStart(Map<String, String> options, int runs) throws Exception {
        List<Integer> ns = new ArrayList<>();
        for (String n : options.getOrDefault("n", "10,100,1000").split(",")) {
            ns.add(Integer.parseInt(n.trim()));
        }
        int m = Integer.parseInt(options.getOrDefault("m", "10"));
        int k = Integer.parseInt(options.getOrDefault("k", "5"));
        List<Peer> peers = new ArrayList<>();
        for (String p : options.getOrDefault("peers", "GRAFT,GRAFT_LIST,PF4J,SERVICE_LOADER,CLASSGRAPH,FLOOR")
                .split(",")) {
            peers.add(Peer.valueOf(p.trim()));
        }
        Map<Integer, Map<Peer, ColdStart.Row>> table = ColdStart.run(ns, m, k, runs, peers, 42);
        System.out.println(ColdStart.format(table, m, k, runs));
        Targets.check(table, new Workspace.Shape(m, k)).forEach(System.out::println);
    }

    private static void spring(Map<String, String> options, int runs) throws Exception {
        int n = Integer.parseInt(options.getOrDefault("plugins", "20"));
        List<SpringStartup.Peer> peers = new ArrayList<>();
        for (String p : options.getOrDefault("peers", "FLAT,GRAFT,GRAFT_SHARED,PF4J_SPRING").split(",")) {
            peers.add(SpringStartup.Peer.valueOf(p.trim()));
        }
        boolean breakdown = Boolean.parseBoolean(options.getOrDefault("breakdown", "false"));
        String load = SpringStartup.loadAverage();
        SpringStartup.Results results = SpringStartup.run(n, runs, peers, 42, breakdown);
        System.out.println(SpringStartup.format(results, n, runs, load));
        if (breakdown) {
            System.out.println(SpringBreakdown.format(results.runs()));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, found " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
