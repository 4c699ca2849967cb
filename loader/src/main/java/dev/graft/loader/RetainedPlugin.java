package dev.graft.loader;

import dev.graft.format.Version;
import java.nio.file.Path;
import java.util.List;

/**
 * A plugin that was unloaded but whose class loaders are still reachable, as
 * {@link PluginRuntime#retainedPlugins()} finds it: something still holds one of its classes or
 * objects, so its classes and their static fields stay in memory.
 *
 * @param id the plugin's id
 * @param version its version
 * @param source its file
 * @param holders what Graft found holding it, in words ({@code thread 'worker' is still running
 *     (its context class loader is the plugin's)}); empty when Graft found nothing: then the host
 *     itself holds an instance, a class or a loader of the plugin, or something Graft cannot see
 *     does (a heap dump shows what)
 */
public record RetainedPlugin(String id, Version version, Path source, List<String> holders) {

    /** Copies the holders. */
    public RetainedPlugin {
        holders = List.copyOf(holders);
    }
}
