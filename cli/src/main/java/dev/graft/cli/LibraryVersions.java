package dev.graft.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The libraries bundled in different versions by several plugins, by their identity
 * ({@link LibraryIdentity}). Harmless unless a package of the library crosses plugins: shared by
 * the host (every plugin uses the host's copy) or exported by a plugin with dependents (they use
 * that plugin's version for it); otherwise each plugin's library loader defines its own version.
 */
final class LibraryVersions {

    private LibraryVersions() {
    }

    /**
     * @param holders the loaded plugins, in load order
     * @param shared the packages the host shares
     * @return the libraries bundled in more than one version, sorted by identity
     */
    static List<Conflict> find(List<Conflicts.Holder> holders, List<String> shared) {
        Map<String, Map<String, Set<String>>> versions = new TreeMap<>(); // identity -> version -> "plugin (file)"
        Map<String, Set<String>> packages = new TreeMap<>();
        for (Conflicts.Holder h : holders) {
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

    /** Why packages of a library cross plugins: exported by a plugin or shared by the host; {@code null} if neither. */
    private static String crossing(Set<String> packages, List<Conflicts.Holder> holders, List<String> shared) {
        for (String pkg : packages) {
            if (Conflicts.isShared(pkg, shared)) {
                return "its package " + pkg + " is shared by the host, whose copy every plugin uses";
            }
            String exporter = Conflicts.exporter(pkg, holders);
            if (exporter != null) {
                return "plugin '" + exporter + "' exports its package " + pkg
                        + ", so its dependents use that version for it";
            }
        }
        return null;
    }
}
