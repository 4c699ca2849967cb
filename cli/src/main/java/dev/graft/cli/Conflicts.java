package dev.graft.cli;

import dev.graft.loader.LoadedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
        found.addAll(LibraryVersions.find(holders, shared));
        found.addAll(SplitPackages.find(holders, shared));
        found.addAll(sharedCopies(holders, shared));
        return found;
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

    /** The first plugin, in load order, that exports a package it holds; {@code null} if none. */
    static String exporter(String pkg, List<Holder> holders) {
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
