package dev.graft.loader.classloading;

import java.util.Map;

/**
 * Where a loader sends each lookup: package (dotted) to the loaders that define classes of it, and
 * resource directory (slash form) to the loaders that hold resources in it, each in priority order.
 * Built once per loader from the entry lists of the archives involved, so a lookup is one table
 * probe however many plugins or dependencies there are. The class routes leave out the packages of
 * the JDK and those the host shares, which are never looked up in a plugin.
 *
 * @param classes package name to loaders, in order
 * @param resources resource directory to loaders, in order; {@code null} when every directory goes
 *     to the one loader of {@code own} and no other does (a plugin without {@code lib/} whose
 *     dependencies export nothing), which then answers from its own directory set: -0.19 KB a plugin
 * @param own the loaders of this plugin, its classes loader first, which answer directory lookups
 *     (a directory holds no entry of its own to route by, and may hold nothing but directories)
 */
record Routes(PackageTable<PluginClassLoader[]> classes, Map<String, PluginClassLoader[]> resources,
        PluginClassLoader[] own) {

    static final Routes EMPTY = new Routes(PackageTable.empty(), Map.of(), new PluginClassLoader[0]);

    /**
     * @param dir a resource directory, in slash form
     * @return the loaders that hold resources in it, in order, or {@code null}
     */
    PluginClassLoader[] forDirectory(String dir) {
        if (resources == null) {
            return own[0].directories().contains(dir) ? own : null;
        }
        return resources.get(dir);
    }
}
