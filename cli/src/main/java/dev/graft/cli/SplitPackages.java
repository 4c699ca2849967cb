package dev.graft.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The packages held by several plugins, in their classes or their jars. One library's copies in
 * several plugins are left to its versions ({@link Conflicts}), a shared package to the shared
 * copies. Harmless unless a holder exports the package: a plugin that depends on it then uses
 * the exporter's classes for it (row 3 of the delegation table).
 */
final class SplitPackages {

    private SplitPackages() {
    }

    /**
     * @param holders the loaded plugins, in load order
     * @param shared the packages the host shares
     * @return the split packages, sorted by package
     */
    static List<Conflict> find(List<Conflicts.Holder> holders, List<String> shared) {
        Map<String, Set<String>> where = new TreeMap<>(); // package -> "plugin (classes | lib.jar)"
        Map<String, Set<String>> origins = new TreeMap<>(); // package -> "classes of p" or library identity
        Map<String, Set<String>> plugins = new TreeMap<>();
        for (Conflicts.Holder h : holders) {
            String id = h.plugin().id();
            for (String pkg : h.contents().ownPackages()) {
                where.computeIfAbsent(pkg, k -> new TreeSet<>()).add(id + " (classes)");
                origins.computeIfAbsent(pkg, k -> new TreeSet<>()).add("classes of " + id);
                plugins.computeIfAbsent(pkg, k -> new TreeSet<>()).add(id);
            }
            for (PluginContents.Library lib : h.contents().libraries()) {
                for (String pkg : lib.packages()) {
                    where.computeIfAbsent(pkg, k -> new TreeSet<>()).add(id + " (" + lib.fileName() + ")");
                    origins.computeIfAbsent(pkg, k -> new TreeSet<>()).add("library " + lib.identity());
                    plugins.computeIfAbsent(pkg, k -> new TreeSet<>()).add(id);
                }
            }
        }
        List<Conflict> result = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : plugins.entrySet()) {
            String pkg = e.getKey();
            Set<String> from = origins.get(pkg);
            boolean oneLibrary = from.size() == 1 && from.iterator().next().startsWith("library ");
            if (e.getValue().size() < 2 || oneLibrary || Conflicts.isShared(pkg, shared)) {
                continue; // one library's copies are its versions' business; a shared package is reported below
            }
            String exporter = Conflicts.exporter(pkg, holders);
            result.add(new Conflict(Conflict.Kind.SPLIT_PACKAGE, pkg, List.copyOf(where.get(pkg)), exporter == null,
                    exporter == null ? "harmless: each plugin's loaders define their own classes of it"
                            : "not isolated: plugin '" + exporter + "' exports it, so a plugin that depends on '" + exporter
                                    + "' uses its classes, and its own copy only for a class '" + exporter + "' lacks"));
        }
        return result;
    }
}
