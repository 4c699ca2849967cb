package dev.graft.loader;

/**
 * Told of every change in the lifecycle of the runtime's plugins ({@link PluginRuntime.Builder#listener}),
 * in the order the changes happen, on the thread that makes them (the one calling
 * {@link PluginRuntime.Builder#build()}, {@link PluginRuntime#load}, {@link PluginRuntime#unload},
 * {@link PluginRuntime#reload} or {@link PluginRuntime#close()}), while the runtime holds its lock:
 * a listener must not call back into the runtime's loads and unloads. An exception a listener
 * throws is logged and changes nothing.
 */
@FunctionalInterface
public interface PluginListener {

    /**
     * @param event what happened
     */
    void stateChanged(PluginEvent event);
}
