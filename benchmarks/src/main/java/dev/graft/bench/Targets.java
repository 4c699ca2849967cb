package dev.graft.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The targets, checked against one cold-start run. */
final class Targets {

    private Targets() {
    }

    static List<String> check(Map<Integer, Map<Peer, ColdStart.Row>> table, Workspace.Shape shape) {
        List<String> lines = new ArrayList<>();
        Double constant = null;
        for (Map.Entry<Integer, Map<Peer, ColdStart.Row>> e : table.entrySet()) {
            int n = e.getKey();
            Map<Peer, ColdStart.Row> rows = e.getValue();
            ColdStart.Row graft = rows.get(Peer.GRAFT);
            if (graft == null) {
                continue;
            }
            double g = graft.ms().median();
            // the issue sets the speed targets at N = 1000 and 5000; smaller N are shown, not judged
            boolean judged = n >= 1000;
            if (judged && rows.containsKey(Peer.PF4J)) {
                double ratio = rows.get(Peer.PF4J).ms().median() / g;
                lines.add(verdict(ratio >= 2, "N=%d: Graft %.2fx faster than pf4j (target >= 2x)", n, ratio));
            }
            if (judged && rows.containsKey(Peer.SERVICE_LOADER)) {
                double ratio = rows.get(Peer.SERVICE_LOADER).ms().median() / g;
                lines.add(verdict(ratio > 1, "N=%d: Graft %.2fx faster than ServiceLoader (target > 1x)", n, ratio));
            }
            if (judged && rows.containsKey(Peer.GRAFT_LIST) && rows.containsKey(Peer.FLOOR)) {
                double ratio = rows.get(Peer.GRAFT_LIST).ms().median() / rows.get(Peer.FLOOR).ms().median();
                lines.add(verdict(ratio <= 1.5, "N=%d: listing without instantiating = %.2fx the floor (target <= 1.5x)",
                        n, ratio));
            }
            double extra = graft.classes().median() - shape.point0Extensions(n);
            if (constant == null) {
                constant = extra;
            }
            lines.add(verdict(Math.abs(extra - constant) <= 5, "N=%d: Graft loaded %.0f classes = %d extensions + %.0f"
                    + " (target: a constant independent of N)", n, graft.classes().median(), shape.point0Extensions(n),
                    extra));
        }
        return lines;
    }

    private static String verdict(boolean met, String format, Object... args) {
        return (met ? "MET     " : "MISSED  ") + String.format(format, args);
    }
}
