package dev.graft.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cold-start comparison: for each N, several runs; in each run every peer once, in a fresh JVM,
 * in a shuffled order (so that no peer always runs on a warmer or colder machine). Prints, per N and
 * peer, the median and range of the time to load the plugins and get and instantiate the extensions
 * of one point (measured inside the child, from the first line of main), of the classes loaded, and
 * of the heap retained; and each peer's time relative to Graft's in the same runs.
 */
final class ColdStart {

    private ColdStart() {
    }

    record Row(Stats ms, Stats wall, Stats classes, Stats heapMb) {
    }

    static Map<Integer, Map<Peer, Row>> run(List<Integer> ns, int m, int k, int runs, List<Peer> peers, long seed)
            throws Exception {
        Map<Integer, Map<Peer, Row>> table = new java.util.LinkedHashMap<>();
        Random random = new Random(seed);
        for (int n : ns) {
            Workspace ws = Generator.ensure(n, m, k);
            Map<Peer, List<Fork.Result>> results = new EnumMap<>(Peer.class);
            for (int r = 0; r < runs; r++) {
                List<Peer> order = new ArrayList<>(peers);
                Collections.shuffle(order, random);
                for (Peer peer : order) {
                    Fork.Result result = Fork.run(Child.class.getName(), List.of(peer.name(), ws.root().toString(),
                            String.valueOf(n), String.valueOf(m), String.valueOf(k)));
                    results.computeIfAbsent(peer, p -> new ArrayList<>()).add(result);
                    System.err.printf("  n=%d run %d %-14s %8.1f ms %6.0f classes%n", n, r + 1, peer,
                            result.number("ms"), result.number("classes"));
                }
            }
            Map<Peer, Row> rows = new EnumMap<>(Peer.class);
            results.forEach((peer, list) -> rows.put(peer, new Row(
                    Stats.of(list.stream().map(x -> x.number("ms")).toList()),
                    Stats.of(list.stream().map(Fork.Result::wallMillis).toList()),
                    Stats.of(list.stream().map(x -> x.number("classes")).toList()),
                    Stats.of(list.stream().map(x -> x.number("heap") / (1 << 20)).toList()))));
            table.put(n, rows);
        }
        return table;
    }

    static String format(Map<Integer, Map<Peer, Row>> table, int m, int k, int runs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("Cold start: N plugins x %d extensions over %d points; find and instantiate the"
                + " extensions of Point0 (GRAFT_LIST and FLOOR: list or read only). %d runs, median [min-max].%n", m, k, runs));
        out.append(String.format("JVM %s, flags %s%n%n", Runtime.version(), Fork.JVM_FLAGS));
        out.append(String.format("| N | peer | time in JVM | time vs Graft | whole JVM | classes loaded | heap retained |%n"));
        out.append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<Integer, Map<Peer, Row>> e : table.entrySet()) {
            Row graft = e.getValue().get(Peer.GRAFT);
            for (Map.Entry<Peer, Row> p : e.getValue().entrySet()) {
                Row row = p.getValue();
                String ratio = graft == null ? "" : String.format("%.2fx", row.ms().median() / graft.ms().median());
                out.append(String.format("| %d | %s | %s | %s | %s | %s | %.1f MB |%n", e.getKey(), p.getKey(),
                        row.ms().format(" ms"), ratio, row.wall().format(" ms"), row.classes().format(""),
                        row.heapMb().median()));
            }
        }
        return out.toString();
    }
}
