package dev.graft.loader;

import dev.graft.loader.classloading.PluginClassLoader;

/**
 * Runs plugin code in its plugin's context, as every call Graft makes into a plugin does (creating
 * an extension, {@link LoadedPlugin#callWithContextLoader}, a call through
 * {@link PluginRuntime#contextualExtensions}): the thread context class loader is the plugin's
 * classes loader for the call and the caller's again afterwards, whether the call returns or
 * throws. The first time a plugin's code runs, the JDBC drivers it bundles are registered first
 * ({@link JdbcDrivers}).
 */
final class PluginContext {

    /** Plugin code. */
    @FunctionalInterface
    interface Call<V, E extends Throwable> {
        V call() throws E;
    }

    private PluginContext() {
    }

    /**
     * @param plugin the plugin's classes loader
     * @param call the plugin code
     * @return what the call returns
     * @throws E what the call throws
     */
    static <V, E extends Throwable> V run(ClassLoader plugin, Call<V, E> call) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(plugin);
        try {
            if (plugin instanceof PluginClassLoader loader && loader.firstEntry()) {
                JdbcDrivers.register(loader);
            }
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
