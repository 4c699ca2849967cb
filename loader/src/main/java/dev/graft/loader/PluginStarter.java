package dev.graft.loader;

/**
 * How a host starts plugins of a kind Graft does not start itself, for example a pf4j plugin's
 * {@code Plugin-Class} (the module {@code graft-pf4j} has that starter). The runtime calls each
 * starter ({@link PluginRuntime.Builder#starter}) for every plugin it starts, after the plugin's
 * own {@link dev.graft.PluginLifecycle} hooks, in dependency order, and stops them in the reverse
 * order. A starter that runs plugin code does so through {@link LoadedPlugin#callWithContextLoader},
 * as {@code graft-pf4j}'s does; one that has nothing to start for a plugin returns {@link #NOTHING}
 * without asking for its class loader, so that the plugin stays unlinked until its classes are
 * wanted.
 */
@FunctionalInterface
public interface PluginStarter {

    /** What a starter returns for a plugin it has nothing to start for. */
    AutoCloseable NOTHING = () -> { };

    /**
     * Starts a plugin.
     *
     * @param plugin the plugin, loaded and linked; its extensions are not published yet
     * @return what stops it, called when it is unloaded; {@link #NOTHING} when there was nothing to start
     * @throws Exception to fail the plugin, with the exception as the reason
     */
    AutoCloseable start(LoadedPlugin plugin) throws Exception;
}
