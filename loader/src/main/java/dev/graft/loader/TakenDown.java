package dev.graft.loader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plugins an unload took down because they depend on the plugin the host unloaded, kept by
 * that plugin's id until it is loaded again, so that they come back with it. A plugin the host
 * loads itself in the meantime is no longer waiting. Used under the runtime's lock.
 */
final class TakenDown {

    private final Map<String, Set<Path>> waiting = new HashMap<>();

    /**
     * @param id the plugin the host unloaded
     * @param dependents the plugins unloaded with it
     */
    void record(String id, Collection<LoadedPlugin> dependents) {
        for (LoadedPlugin p : dependents) {
            waiting.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(p.source());
        }
    }

    /**
     * @param statuses the rows of a load
     * @return the files of the dependents waiting for the plugins that load loaded, in the order
     *     they were taken down; they no longer wait
     */
    List<Path> bringBack(List<PluginStatus> statuses) {
        Set<Path> loaded = new LinkedHashSet<>();
        List<Path> back = new ArrayList<>();
        for (PluginStatus s : statuses) {
            if (s.state() == PluginState.LOADED) {
                loaded.add(s.source());
                Set<Path> dependents = s.id().map(waiting::remove).orElse(null);
                if (dependents != null) {
                    back.addAll(dependents);
                }
            }
        }
        waiting.values().forEach(sources -> sources.removeAll(loaded));
        waiting.values().removeIf(Set::isEmpty);
        back.removeAll(loaded);
        return back;
    }
}
