package dev.graft.loader.resolve;

import dev.graft.format.Dependency;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides which plugins load and in what order: the dependency rules of
 * {@code docs/class-loading.md}, in one place. Pure: it reads manifests and returns a verdict,
 * the same for the same inputs whatever order they come in.
 *
 * <p>One unit, though long: duplicate ids, missing and out-of-range dependencies, rejection that
 * spreads to dependents and the load order are the rules of that table, and splitting them would
 * put the rules in several places again.
 */
public final class DependencyResolver {

    /**
     * A plugin offered for loading.
     *
     * @param manifest its manifest
     * @param source its file, named in messages
     */
    public record Candidate(PluginManifest manifest, String source) {
    }

    /**
     * A plugin that is already loaded, which new candidates may depend on.
     *
     * @param manifest its manifest
     * @param source its file
     */
    public record Loaded(PluginManifest manifest, String source) {
    }

    /**
     * Why a plugin does not load.
     *
     * @param failed {@code true} if the plugin itself is at fault, {@code false} if a plugin it
     *     requires does not load (it is disabled)
     * @param reason the message
     */
    public record Verdict(boolean failed, String reason) {
    }

    /**
     * The outcome.
     *
     * @param order the ids of the plugins to load, each after the plugins it depends on; ties
     *     broken by id
     * @param rejected the ids (or, for duplicates, sources) that do not load, and why
     */
    public record Resolution(List<String> order, Map<String, Verdict> rejected) {
    }

    private DependencyResolver() {
    }

    /**
     * Resolves a set of candidates.
     *
     * @param candidates the plugins offered, in any order
     * @param failedIds ids of plugins whose archives failed before their manifests could be used,
     *     with the reason, so that their dependents are disabled rather than told they are missing
     * @param loaded plugins already loaded
     * @param hostVersion the host's version, checked against each {@code requires}
     * @param javaRelease the running JVM's feature release, checked against each plugin's
     * @param disabled ids not to load, each with the reason (the host's choice, a switch file of its folder)
     * @return which candidates load, in order, and why the others do not
     */
    public static Resolution resolve(List<Candidate> candidates, Map<String, String> failedIds, List<Loaded> loaded,
            Version hostVersion, int javaRelease, Map<String, String> disabled) {
        // Hash by id, then sort the ids once: candidates come sorted by file name, which usually
        // sorts their ids too, and TimSort takes an ordered run in one pass, where a TreeMap
        // would compare each id with a dozen others.
        Map<String, Candidate> byId = new HashMap<>(candidates.size() * 2);
        Map<String, List<Candidate>> repeated = Map.of(); // ids that more than one file provides: rare
        List<String> ids = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            Candidate first = byId.putIfAbsent(c.manifest().id(), c);
            if (first == null) {
                ids.add(c.manifest().id());
                continue;
            }
            if (repeated.isEmpty()) {
                repeated = new HashMap<>();
            }
            List<Candidate> copies = repeated.get(first.manifest().id());
            if (copies == null) {
                copies = new ArrayList<>();
                copies.add(first);
                repeated.put(first.manifest().id(), copies);
            }
            copies.add(c);
        }
        ids.sort(null);
        Map<String, Loaded> present = new HashMap<>();
        for (Loaded l : loaded) {
            present.put(l.manifest().id(), l);
        }
        Map<String, Verdict> rejected = new TreeMap<>();
        for (Map.Entry<String, String> failed : failedIds.entrySet()) {
            rejected.put(failed.getKey(), new Verdict(true, failed.getValue()));
        }
        List<String> accepted = new ArrayList<>(ids.size()); // in id order
        List<Candidate> dependent = new ArrayList<>(); // the accepted that name a dependency, in id order
        for (String id : ids) {
            Candidate c = byId.get(id);
            List<Candidate> copies = repeated.get(id);
            if (copies != null || present.containsKey(id)) {
                List<String> files = new ArrayList<>();
                if (present.containsKey(id)) {
                    files.add(present.get(id).source() + " (already loaded)");
                }
                List<String> sources = new ArrayList<>();
                for (Candidate copy : copies != null ? copies : List.of(c)) {
                    sources.add(copy.source());
                }
                java.util.Collections.sort(sources);
                files.addAll(sources);
                rejected.put(id, new Verdict(true, "plugin id '" + id + "' is provided by " + files.size()
                        + " files: " + String.join(", ", files) + "; remove all but one"));
            } else if (disabled.containsKey(id)) {
                rejected.put(id, new Verdict(false, disabled.get(id)));
            } else if (c.manifest().javaRelease() > javaRelease) {
                rejected.put(id, new Verdict(true, "plugin '" + id + "' (" + c.source() + ") needs Java "
                        + c.manifest().javaRelease() + ", but this JVM runs Java " + javaRelease));
            } else if (!c.manifest().requires().contains(hostVersion)) {
                rejected.put(id, new Verdict(true, "plugin '" + id + "' (" + c.source()
                        + ") requires host version " + c.manifest().requires() + ", but the host is "
                        + hostVersion));
            } else {
                accepted.add(id);
                if (!c.manifest().dependencies().isEmpty()) {
                    dependent.add(c); // a plugin that needs nothing is never rejected for a dependency
                }
            }
        }
        if (dependent.isEmpty()) {
            // no plugin names another: no cycle, nothing more to reject, and the id order is a
            // topological one
            return new Resolution(accepted, rejected);
        }
        Map<String, Candidate> live = new LinkedHashMap<>(accepted.size() * 2); // in id order
        for (String id : accepted) {
            live.put(id, byId.get(id));
        }
        Rejection rejection = new Rejection(dependent, live, present, rejected);
        if (!rejection.checkDependencies()) {
            return new Resolution(new ArrayList<>(live.keySet()), rejected); // those that needed one were rejected
        }
        Deque<String> inCycles = new ArrayDeque<>();
        for (DependencyCycles.Cycle cycle : DependencyCycles.find(edges(live))) {
            String path = cycle.describe();
            Set<String> onPath = new HashSet<>(cycle.path());
            for (String id : cycle.members()) {
                Candidate c = live.remove(id);
                rejected.put(id, new Verdict(true, "plugin '" + id + "' (" + c.source() + ") is in a dependency cycle: "
                        + (onPath.contains(id) ? path : "it depends on " + path + ", which depends on it")));
                inCycles.add(id);
            }
        }
        rejection.propagate(inCycles);
        return new Resolution(order(live), rejected);
    }

    /**
     * Rejects the candidates whose dependencies do not load, each candidate and each edge looked at
     * a bounded number of times: first every candidate that names a dependency is checked once,
     * then each rejection travels back along the edges of the plugins that require the rejected one
     * (a worklist), where checking again until nothing changes would take a pass per link of a chain.
     *
     * <p>A plugin disabled because a plugin it requires does not load names that plugin and, when
     * that one is itself disabled, the root cause at the far end of the chain, never the reasons in
     * between: a chain of thousands of plugins gives reasons of a few hundred characters each.
     */
    private static final class Rejection {

        private final List<Candidate> dependent;
        private final Map<String, Candidate> live;
        private final Map<String, Loaded> present;
        private final Map<String, Verdict> rejected;
        /** Required dependency to the live candidates that require it, in id order. */
        private final Map<String, List<String>> requiredBy = new HashMap<>();
        /** For a plugin disabled by a dependency, the reason at the root of its chain. */
        private final Map<String, String> roots = new HashMap<>();

        Rejection(List<Candidate> dependent, Map<String, Candidate> live, Map<String, Loaded> present,
                Map<String, Verdict> rejected) {
            this.dependent = dependent;
            this.live = live;
            this.present = present;
            this.rejected = rejected;
            for (Candidate c : dependent) {
                for (Dependency d : c.manifest().dependencies()) {
                    if (!d.optional()) {
                        requiredBy.computeIfAbsent(d.pluginId(), k -> new ArrayList<>(1)).add(c.manifest().id());
                    }
                }
            }
        }

        /**
         * Rejects the dependent candidates whose dependencies are missing, out of range or rejected,
         * and everything that requires them.
         *
         * @return whether some dependent candidate is still live
         */
        boolean checkDependencies() {
            Deque<String> worklist = new ArrayDeque<>();
            for (Candidate c : dependent) {
                Verdict v = check(c);
                if (v != null) {
                    live.remove(c.manifest().id());
                    rejected.put(c.manifest().id(), v);
                    worklist.add(c.manifest().id());
                }
            }
            propagate(worklist);
            for (Candidate c : dependent) {
                if (live.containsKey(c.manifest().id())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Disables every live candidate that requires a rejected one, directly or not.
         *
         * @param worklist ids just rejected
         */
        void propagate(Deque<String> worklist) {
            while (!worklist.isEmpty()) {
                String target = worklist.poll();
                for (String id : requiredBy.getOrDefault(target, List.of())) {
                    if (live.remove(id) != null) {
                        rejected.put(id, disabled(id, target));
                        worklist.add(id);
                    }
                }
            }
        }

        /** The verdict of a plugin that requires a rejected one: the direct cause and the root cause. */
        private Verdict disabled(String id, String target) {
            String root = roots.get(target);
            String because = "plugin '" + id + "' requires '" + target + "', which does not load";
            if (root == null) {
                String reason = rejected.get(target).reason();
                roots.put(id, reason.contains("'" + target + "'") ? reason : "'" + target + "': " + reason);
                return new Verdict(false, because + ": " + reason);
            }
            roots.put(id, root);
            return new Verdict(false, because + " (root cause: " + root + ")");
        }

        private Verdict check(Candidate c) {
            String id = c.manifest().id();
            for (Dependency d : c.manifest().dependencies()) {
                String target = d.pluginId();
                PluginManifest installed = live.containsKey(target) ? live.get(target).manifest()
                        : present.containsKey(target) ? present.get(target).manifest() : null;
                String where = live.containsKey(target) ? live.get(target).source()
                        : present.containsKey(target) ? present.get(target).source() : null;
                if (installed != null) {
                    if (!d.accepts(installed.version())) {
                        return new Verdict(true, "plugin '" + id + "' (" + c.source() + ") requires " + target + "@"
                                + d.range() + (d.optional() ? " when installed" : "") + ", but " + target + " "
                                + installed.version() + " is installed (" + where + ")");
                    }
                } else if (rejected.containsKey(target)) {
                    if (!d.optional()) {
                        return disabled(id, target);
                    }
                } else if (!d.optional()) {
                    return new Verdict(true, "plugin '" + id + "' (" + c.source() + ") requires " + target
                            + (d.range().toString().equals("*") ? "" : "@" + d.range()) + ", which is not installed");
                }
            }
            return null;
        }
    }

    private static Map<String, List<String>> edges(Map<String, Candidate> live) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (Candidate c : live.values()) {
            List<String> targets = List.of();
            for (Dependency d : c.manifest().dependencies()) {
                if (live.containsKey(d.pluginId())) {
                    if (targets.isEmpty()) {
                        targets = new ArrayList<>();
                    }
                    targets.add(d.pluginId());
                }
            }
            if (targets.size() > 1) {
                targets.sort(null);
            }
            edges.put(c.manifest().id(), targets);
        }
        return edges;
    }

    /** Kahn's algorithm, taking the smallest ready id each time. */
    private static List<String> order(Map<String, Candidate> live) {
        Map<String, List<String>> edges = edges(live);
        boolean independent = true;
        for (List<String> targets : edges.values()) {
            independent &= targets.isEmpty();
        }
        if (independent) {
            return new ArrayList<>(live.keySet());
        }
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> dependents = new HashMap<>();
        PriorityQueue<String> ready = new PriorityQueue<>();
        for (Map.Entry<String, List<String>> e : edges.entrySet()) {
            waiting.put(e.getKey(), e.getValue().size());
            if (e.getValue().isEmpty()) {
                ready.add(e.getKey());
            }
            for (String t : e.getValue()) {
                List<String> list = dependents.get(t);
                if (list == null) {
                    list = new ArrayList<>();
                    dependents.put(t, list);
                }
                list.add(e.getKey());
            }
        }
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String d : dependents.getOrDefault(id, List.of())) {
                int left = waiting.get(d) - 1;
                waiting.put(d, left);
                if (left == 0) {
                    ready.add(d);
                }
            }
        }
        return order;
    }
}
