package dev.graft;

/**
 * A plugin's start and stop hooks. A plugin that must set something up before its extensions are
 * used (open a connection pool, start a scheduler) or tear it down when it is unloaded implements
 * this interface in an {@link Extension} class:
 *
 * <pre>{@code
 * @Extension
 * public class Lifecycle implements PluginLifecycle {
 *     public void start() { pool = Pool.open(); }
 *     public void stop() { pool.close(); }
 * }
 * }</pre>
 *
 * <p>The runtime starts the plugins it loads in dependency order, before any of their other
 * extensions can be requested, and stops them in the reverse order when it unloads them, each call
 * with the thread context class loader set to the plugin's loader. A plugin's hooks run in
 * extension order on start and in reverse on stop. If {@code start} throws, the plugin is
 * {@code FAILED} with the exception as its reason, the hooks it had started are stopped, and the
 * plugins that depend on it are {@code DISABLED}; if {@code stop} throws, the exception is logged
 * and the plugin is unloaded all the same. A hook is created with its public no-argument
 * constructor, never by the host's extension factory: it runs before the host's own components
 * exist. docs/class-loading.md ("Lifecycle") has the states and transitions.
 */
@ExtensionPoint
public interface PluginLifecycle {

    /**
     * Called once, after the plugin's class loaders are built and before its extensions are
     * published to the host.
     *
     * @throws Exception to fail the plugin, with the exception as the reason
     */
    default void start() throws Exception {
    }

    /**
     * Called once, when the plugin is unloaded (or the runtime closed), before its class loaders
     * are closed.
     *
     * @throws Exception logged; the plugin is unloaded all the same
     */
    default void stop() throws Exception {
    }
}
