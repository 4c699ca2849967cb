package dev.graft.cli;

import dev.graft.loader.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds the conflicts between plugins' contents (docs/cli.md): a library in several versions, a
 * package in several plugins, a plugin bundling a shared package; and says which ones isolation
 * makes harmless. Each plugin's libraries have their own loader, so two versions in two plugins do
 * not meet, unless a package of them crosses plugins: exported to a dependent (which then uses the
 * exporter's classes for that package) or shared by the host (whose copy every plugin uses).
 */
public final class Conflicts {

    private Conflicts() {
    }

    /**
     * A plugin and what it holds.
     *
     * @param plugin the loaded plugin (its id and exports)
     * @param contents its classes and bundled jars
     */
    public record Holder(LoadedPlugin plugin, PluginContents contents) {
    }

    /**
     * @param holders the loaded plugins, in load order
     * @param shared the packages the host shares
     * @return the conflicts, libraries first, then split packages, then shared packages, each sorted
     */
    public static List<Conflict> find(List<Holder> holders, List<String> shared) {
        List<Conflict> found = new ArrayList<>();
        found.addAll(libraries(holders, shared));
        found.addAll(splitPackages(holders, shared));
        found.addAll(sharedCopies(holders, shared));
        return found;
    }

    private static List<Conflict> libraries(List<Holder> holders, List<String> shared) {
        Map<String, Map<String, Set<String>>> versions = new TreeMap<>(); // identity -> version -> "plugin (file)"
        Map<String, Set<String>> packages = new TreeMap<>();
        for (Holder h : holders) {
            for (PluginContents.Library lib : h.contents().libraries()) {
                versions.computeIfAbsent(lib.identity(), k -> new TreeMap<>())
                        .computeIfAbsent(lib.version(), k -> new TreeSet<>()).add(h.plugin().id() + " (" + lib.fileName() + ")");
                packages.computeIfAbsent(lib.identity(), k -> new TreeSet<>()).addAll(lib.packages());
            }
        }
        List<Conflict> result = new ArrayList<>();
        for (Map.Entry<String, Map<String, Set<String>>> e : versions.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            List<String> who = new ArrayList<>();
            e.getValue().forEach((version, plugins) -> plugins.forEach(p -> who.add(p + " " + (version.isEmpty() ? "?" : version))));
            String crossing = crossing(packages.get(e.getKey()), holders, shared);
            result.add(new Conflict(Conflict.Kind.LIBRARY_VERSIONS, e.getKey(), who, crossing == null,
                    crossing == null ? "harmless: each plugin's library loader defines its own version, and no package of"
                            + " it is exported or shared" : "not isolated: " + crossing));
        }
        return result;
    }

    private static List<Conflict> splitPackages(List<Holder> holders, List<String> shared) {
        Map<String, Set<String>> where = new TreeMap<>(); // package -> "plugin (classes | lib.jar)"
        Map<String, Set<String>> origins = new TreeMap<>(); // package -> "classes of p" or library identity
        Map<String, Set<String>> plugins = new TreeMap<>();
        for (Holder h : holders) {
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
            if (e.getValue().size() < 2 || oneLibrary || isShared(pkg, shared)) {
                continue; // one library's copies are its versions' business; a shared package is reported below
            }
            String exporter = exporter(pkg, holders);
            result.add(new Conflict(Conflict.Kind.SPLIT_PACKAGE, pkg, List.copyOf(where.get(pkg)), exporter == null,
                    exporter == null ? "harmless: each plugin's loaders define their own classes of it"
                            : "not isolated: plugin '" + exporter + "' exports it, so a plugin that depends on '" + exporter
                                    + "' uses its classes, and its own copy only for a class '" + exporter + "' lacks"));
        }
        return result;
    }

    private static List<Conflict> sharedCopies(List<Holder> holders, List<String> shared) {
        List<Conflict> result = new ArrayList<>();
        for (Holder h : holders) {
            Set<String> packages = new TreeSet<>();
            for (String pkg : h.contents().ownPackages()) {
                if (isShared(pkg, shared)) {
                    packages.add(pkg + " (classes)");
                }
            }
            for (PluginContents.Library lib : h.contents().libraries()) {
                for (String pkg : lib.packages()) {
                    if (isShared(pkg, shared)) {
                        packages.add(pkg + " (" + lib.fileName() + ")");
                    }
                }
            }
            for (String p : packages) {
                result.add(new Conflict(Conflict.Kind.BUNDLES_SHARED_PACKAGE, p.substring(0, p.indexOf(' ')),
                        List.of(h.plugin().id() + " " + p.substring(p.indexOf(' ') + 1)), true,
                        "harmless: the bundled copy is never used; the host's classes are (row 2), so the plugin must be"
                                + " compiled against the host's version"));
            }
        }
        return result;
    }

    /** Why packages of a library cross plugins: exported by a plugin or shared by the host; {@code null} if neither. */
    private static String crossing(Set<String> packages, List<Holder> holders, List<String> shared) {
        for (String pkg : packages) {
            if (isShared(pkg, shared)) {
                return "its package " + pkg + " is shared by the host, whose copy every plugin uses";
            }
            String exporter = exporter(pkg, holders);
            if (exporter != null) {
                return "plugin '" + exporter + "' exports its package " + pkg
                        + ", so its dependents use that version for it";
            }
        }
        return null;
    }

    /** The first plugin, in load order, that exports a package it holds; {@code null} if none. */
    private static String exporter(String pkg, List<Holder> holders) {
        for (Holder h : holders) {
            List<String> exports = h.plugin().manifest().exports();
            boolean holds = h.contents().ownPackages().contains(pkg)
                    || h.contents().libraries().stream().anyMatch(l -> l.packages().contains(pkg));
            boolean exported = exports.isEmpty() ? h.contents().ownPackages().contains(pkg)
                    : exports.stream().anyMatch(p -> matches(p, pkg));
            if (holds && exported && hasDependents(h.plugin().id(), holders)) {
                return h.plugin().id();
            }
        }
        return null;
    }

    private static boolean hasDependents(String id, List<Holder> holders) {
        return holders.stream().anyMatch(h -> h.plugin().linkedDependencies().contains(id));
    }

    static boolean isShared(String pkg, List<String> shared) {
        return shared.stream().anyMatch(p -> matches(p, pkg));
    }

    /** A package pattern as the runtime reads it: {@code a.b} exactly, {@code a.b.*} also its subpackages. */
    static boolean matches(String pattern, String pkg) {
        if (pattern.endsWith(".*")) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            return pkg.equals(prefix) || pkg.startsWith(prefix + ".");
        }
        return pkg.equals(pattern);
    }
}
