package dev.graft.loader.internal;

import dev.graft.loader.Dependency;
import dev.graft.loader.PluginManifest;
import dev.graft.loader.Version;
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
     * @param disabledByHost ids the host chose not to load
     * @return which candidates load, in order, and why the others do not
     */
    public static Resolution resolve(List<Candidate> candidates, Map<String, String> failedIds, List<Loaded> loaded,
            Version hostVersion, int javaRelease, Set<String> disabledByHost) {
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
            } else if (disabledByHost.contains(id)) {
                rejected.put(id, new Verdict(false, "disabled by the host"));
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
        if (!checkDependencies(dependent, live, present, rejected)) {
            return new Resolution(new ArrayList<>(live.keySet()), rejected); // those that needed one were rejected
        }
        for (List<String> cycle : cycles(live)) {
            String path = String.join(" -> ", cycle);
            for (String id : new HashSet<>(cycle)) {
                Candidate c = live.remove(id);
                if (c != null) {
                    rejected.put(id, new Verdict(true, "plugin '" + id + "' (" + c.source()
                            + ") is in a dependency cycle: " + path));
                }
            }
        }
        checkDependencies(dependent, live, present, rejected);
        return new Resolution(order(live), rejected);
    }

    /**
     * Rejects the dependent candidates whose dependencies are missing, out of range or rejected,
     * until nothing changes.
     *
     * @return whether some dependent candidate is still live
     */
    private static boolean checkDependencies(List<Candidate> dependent, Map<String, Candidate> live,
            Map<String, Loaded> present, Map<String, Verdict> rejected) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Candidate c : dependent) {
                if (!live.containsKey(c.manifest().id())) {
                    continue;
                }
                Verdict v = check(c, live, present, rejected);
                if (v != null) {
                    live.remove(c.manifest().id());
                    rejected.put(c.manifest().id(), v);
                    changed = true;
                }
            }
        }
        for (Candidate c : dependent) {
            if (live.containsKey(c.manifest().id())) {
                return true;
            }
        }
        return false;
    }

    private static Verdict check(Candidate c, Map<String, Candidate> live, Map<String, Loaded> present,
            Map<String, Verdict> rejected) {
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
                    return new Verdict(false, "plugin '" + id + "' requires '" + target + "', which does not load: "
                            + rejected.get(target).reason());
                }
            } else if (!d.optional()) {
                return new Verdict(true, "plugin '" + id + "' (" + c.source() + ") requires " + target
                        + (d.range().toString().equals("*") ? "" : "@" + d.range()) + ", which is not installed");
            }
        }
        return null;
    }

    /** Cycles among the live candidates, each as a path from its smallest id back to it. */
    private static List<List<String>> cycles(Map<String, Candidate> live) {
        Map<String, List<String>> edges = edges(live);
        List<List<String>> result = new ArrayList<>();
        Set<String> inCycle = new HashSet<>();
        for (String start : live.keySet()) {
            if (inCycle.contains(start) || edges.get(start).isEmpty()) {
                continue;
            }
            List<String> path = pathBack(start, edges);
            if (path != null) {
                inCycle.addAll(path);
                result.add(path);
            }
        }
        return result;
    }

    /** The shortest path start -> ... -> start, following edges in id order, or null. */
    private static List<String> pathBack(String start, Map<String, List<String>> edges) {
        Map<String, String> parent = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        queue.add(start);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String node = queue.poll();
            for (String next : edges.getOrDefault(node, List.of())) {
                if (next.equals(start)) {
                    List<String> path = new ArrayList<>();
                    path.add(start);
                    for (String n = node; !n.equals(start); n = parent.get(n)) {
                        path.add(1, n);
                    }
                    path.add(start);
                    return path;
                }
                if (seen.add(next)) {
                    parent.put(next, node);
                    queue.add(next);
                }
            }
        }
        return null;
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
