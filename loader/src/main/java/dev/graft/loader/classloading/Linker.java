package dev.graft.loader.classloading;

import dev.graft.format.PluginManifest;
import dev.graft.loader.archive.PluginArchive;
import dev.graft.loader.archive.ResourceRoot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds a plugin's pair of class loaders and the routes between them and its dependencies: the
 * class-loading rules of {@code docs/class-loading.md}, in one place.
 */
public final class Linker {

    /**
     * What the loaders of every plugin share about the host.
     *
     * @param loader the host's class loader
     * @param shared the packages the host shares; always taken from the host
     * @param fallback whether lookups that no plugin source answers go to the host
     */
    public record Host(ClassLoader loader, PackageMatcher shared, boolean fallback) {
    }

    /**
     * A linked plugin's loaders. Which of them defines each exported package is worked out only
     * when a dependant links ({@link #exported}): most plugins have none.
     *
     * @param classes the loader of the plugin's own classes
     * @param libraries the loader of its {@code lib/}, or {@code null} when it bundles no jar
     */
    public record Pair(PluginClassLoader classes, PluginClassLoader libraries) {

        /** Closes both loaders. */
        public void close() {
            classes.close();
            if (libraries != null) {
                libraries.close();
            }
        }
    }

    private Linker() {
    }

    /**
     * The packages a plugin exports and where each lies: its own classes or its libraries.
     *
     * @param archive the opened plugin
     * @return exported package to {@code true} if it lies in the plugin's own classes, sorted
     * @throws IllegalArgumentException if an export names a package that neither holds
     */
    public static Map<String, Boolean> exports(PluginArchive archive) {
        return exports(archive.manifest(), ResourceRoot.packages(List.of(archive.classes())),
                ResourceRoot.packages(archive.libraries()));
    }

    /**
     * The packages a plugin exports and where each lies: its own classes or its libraries.
     *
     * @param manifest the plugin's manifest
     * @param own the packages of its own classes
     * @param libraries the packages of its library jars
     * @return exported package to {@code true} if it lies in the plugin's own classes, sorted by package
     * @throws IllegalArgumentException if an export names a package that neither holds
     */
    public static Map<String, Boolean> exports(PluginManifest manifest, Set<String> own, Set<String> libraries) {
        Map<String, Boolean> result = new TreeMap<>();
        if (manifest.exports().isEmpty()) {
            for (String p : own) {
                result.put(p, true);
            }
            return result;
        }
        // Each package is matched against the patterns by looking itself and its parents up, so
        // the work is the packages' length plus the patterns, not their product.
        Set<String> patterns = new HashSet<>(manifest.exports());
        Set<String> unmatched = new LinkedHashSet<>(manifest.exports()); // in manifest order, for the message
        for (String p : own) {
            if (covered(p, patterns, unmatched)) {
                result.put(p, true);
            }
        }
        for (String p : libraries) {
            if (!result.containsKey(p) && covered(p, patterns, unmatched)) {
                result.put(p, false);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new IllegalArgumentException("plugin '" + manifest.id() + "' exports '" + unmatched.iterator().next()
                    + "', but neither its classes nor its lib/ jars hold a class in that package");
        }
        return result;
    }

    /**
     * Whether some pattern covers a package ({@link dev.graft.format.PackagePattern#matches}): the
     * package itself, or {@code q.*} for the package or one of its parents {@code q}.
     *
     * @param unmatched the patterns no package matched yet; those that cover this one are removed
     */
    private static boolean covered(String pkg, Set<String> patterns, Set<String> unmatched) {
        boolean covered = false;
        if (patterns.contains(pkg)) {
            unmatched.remove(pkg);
            covered = true;
        }
        for (String parent = pkg; !parent.isEmpty(); parent = parent.substring(0, Math.max(0, parent.lastIndexOf('.')))) {
            String wildcard = parent + ".*";
            if (patterns.contains(wildcard)) {
                unmatched.remove(wildcard);
                covered = true;
            }
        }
        return covered;
    }

    /**
     * Each package a linked plugin exports and the loader that defines it, for its dependants.
     *
     * @param exports its exports, as {@link #exports} computed them
     * @param pair its loaders
     * @return exported package to loader, in the order of {@code exports}
     */
    public static Map<String, PluginClassLoader> exported(Map<String, Boolean> exports, Pair pair) {
        Map<String, PluginClassLoader> exported = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : exports.entrySet()) {
            exported.put(e.getKey(), e.getValue() ? pair.classes() : pair.libraries());
        }
        return exported;
    }

    /**
     * Creates the pair of a plugin whose dependencies are already linked.
     *
     * @param archive the opened plugin
     * @param dependencies the exports of the linked dependencies ({@link #exported}), in the order
     *     they are searched
     * @param host what the host shares
     * @return the pair
     */
    public static Pair link(PluginArchive archive, List<Map<String, PluginClassLoader>> dependencies, Host host) {
        String id = archive.manifest().id();
        PluginClassLoader libraries = archive.libraries().isEmpty() ? null
                : new PluginClassLoader(id, PluginClassLoader.Role.LIBRARIES, archive.libraries(), host.loader(),
                        host.shared(), host.fallback());
        PluginClassLoader classes = new PluginClassLoader(id, PluginClassLoader.Role.CLASSES,
                List.of(archive.classes()), host.loader(), host.shared(), host.fallback());

        // A package a dependency exports goes to the dependency first, even when the plugin bundles
        // a copy (a shaded API), so that the plugin and the dependency share one class of each name.
        // The unnamed package is no API: the plugin's own classes keep it. Resources have no
        // identity to share: the plugin's own come first, as before.
        Map<String, List<PluginClassLoader>> imported = new LinkedHashMap<>();
        for (Map<String, PluginClassLoader> dependency : dependencies) {
            for (Map.Entry<String, PluginClassLoader> e : dependency.entrySet()) {
                if (!e.getKey().isEmpty()) {
                    append(imported, e.getKey(), e.getValue());
                }
            }
        }
        Map<String, List<PluginClassLoader>> classRoutes = new HashMap<>();
        Map<String, List<PluginClassLoader>> resourceRoutes = new HashMap<>();
        for (Map.Entry<String, List<PluginClassLoader>> e : imported.entrySet()) {
            classRoutes.put(e.getKey(), new ArrayList<>(e.getValue()));
        }
        add(classRoutes, classes.packages(), classes);
        add(resourceRoutes, classes.directories(), classes);
        if (libraries != null) {
            add(classRoutes, libraries.packages(), libraries);
            add(resourceRoutes, libraries.directories(), libraries);
        }
        for (Map<String, PluginClassLoader> dependency : dependencies) {
            for (Map.Entry<String, PluginClassLoader> e : dependency.entrySet()) {
                if (e.getKey().isEmpty()) {
                    append(classRoutes, "", e.getValue());
                }
                append(resourceRoutes, e.getKey().replace('.', '/'), e.getValue());
            }
        }
        List<PluginClassLoader> own = libraries == null ? List.of(classes) : List.of(classes, libraries);
        classes.route(classRoutes, resourceRoutes, own);
        if (libraries != null) {
            // The libraries see the plugin's resources as the plugin does (a logback.xml in its
            // classes), and its own classes after their jars (a class that file names).
            libraries.route(libraryRoutes(libraries, classes, imported), resourceRoutes, own);
        }
        warnOfCopies(archive, imported, classes, libraries);
        return new Pair(classes, libraries);
    }

    /**
     * The class routes of the library loader: each package of its jars to the dependencies that
     * export that package, if any, then to itself; each other package of the plugin's own classes
     * to those dependencies, then to the classes loader. A library's own classes therefore always
     * win over a plugin class of the same name, and the plugin's classes are found after them.
     */
    private static Map<String, List<PluginClassLoader>> libraryRoutes(PluginClassLoader libraries,
            PluginClassLoader classes, Map<String, List<PluginClassLoader>> imported) {
        Map<String, List<PluginClassLoader>> map = new HashMap<>();
        for (String pkg : libraries.packages()) {
            map.put(pkg, importedThen(pkg, libraries, imported));
        }
        for (String pkg : classes.packages()) {
            map.putIfAbsent(pkg, importedThen(pkg, classes, imported));
        }
        return map;
    }

    private static List<PluginClassLoader> importedThen(String pkg, PluginClassLoader loader,
            Map<String, List<PluginClassLoader>> imported) {
        List<PluginClassLoader> first = imported.get(pkg);
        List<PluginClassLoader> list = first == null ? new ArrayList<>(1) : new ArrayList<>(first);
        list.add(loader);
        return list;
    }

    /**
     * Logs, once per dependency, the packages the plugin bundles a copy of although that dependency
     * exports them: the copy is not used for the classes the dependency has.
     */
    private static void warnOfCopies(PluginArchive archive, Map<String, List<PluginClassLoader>> imported,
            PluginClassLoader classes, PluginClassLoader libraries) {
        Map<String, Set<String>> copiesByDependency = new TreeMap<>();
        for (Map.Entry<String, List<PluginClassLoader>> e : imported.entrySet()) {
            String pkg = e.getKey();
            if (classes.packages().contains(pkg) || (libraries != null && libraries.packages().contains(pkg))) {
                copiesByDependency.computeIfAbsent(e.getValue().get(0).pluginId(), k -> new TreeSet<>()).add(pkg);
            }
        }
        for (Map.Entry<String, Set<String>> e : copiesByDependency.entrySet()) {
            // the logger is obtained only now: a link without copies never starts a logging framework
            System.getLogger("dev.graft.loader").log(System.Logger.Level.WARNING, "plugin ''{0}'' ({1}) bundles its"
                    + " own copy of {2} {3}, which its dependency ''{4}'' exports; the dependency''s classes are"
                    + " used, the copy only for a class the dependency lacks", archive.manifest().id(),
                    archive.source().getFileName(), e.getValue().size() == 1 ? "package" : "packages",
                    String.join(", ", e.getValue()), e.getKey());
        }
    }

    private static void add(Map<String, List<PluginClassLoader>> routes, Set<String> keys, PluginClassLoader loader) {
        for (String key : keys) {
            append(routes, key, loader);
        }
    }

    private static void append(Map<String, List<PluginClassLoader>> routes, String key, PluginClassLoader loader) {
        List<PluginClassLoader> list = routes.get(key);
        if (list == null) {
            list = new ArrayList<>(1);
            routes.put(key, list);
        }
        if (!list.contains(loader)) {
            list.add(loader);
        }
    }

}
