package dev.graft.loader.classloading;

import dev.graft.loader.archive.ResourceRoot;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test loaders over a few roots, routed as a plugin without dependencies is: every lookup to itself. */
final class SelfRoutedLoader {

    private SelfRoutedLoader() {
    }

    /**
     * @param name the loader's name
     * @param role its role
     * @param host the host loader it delegates the rest to
     * @param roots the roots it defines from
     * @return the routed loader
     */
    static PluginClassLoader of(String name, PluginClassLoader.Role role, ClassLoader host, List<? extends ResourceRoot> roots) {
        PluginClassLoader loader = new PluginClassLoader(name, role, List.copyOf(roots), host, PackageMatcher.NONE, false);
        Map<String, List<PluginClassLoader>> classes = new HashMap<>();
        for (String pkg : loader.packages()) {
            classes.put(pkg, List.of(loader));
        }
        Map<String, List<PluginClassLoader>> resources = new HashMap<>();
        for (String dir : loader.directories()) {
            resources.put(dir, List.of(loader));
        }
        loader.route(classes, resources, List.of(loader));
        return loader;
    }
}
