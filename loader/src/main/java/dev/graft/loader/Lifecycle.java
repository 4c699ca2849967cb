package dev.graft.loader;

import dev.graft.PluginLifecycle;
import dev.graft.loader.archive.PluginArchive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts and stops plugins and tells the listeners: a plugin's own {@link PluginLifecycle} hooks in
 * extension order, each on the plugin's context class loader, then the host's {@link PluginStarter}s
 * in the order they were added (a starter that runs plugin code sets the context itself, so that a
 * plugin it has nothing to start for is not linked); stopping runs what started in the reverse order. Called by
 * {@link PluginRuntime} under its lock, so one plugin is started or stopped at a time.
 */
final class Lifecycle {

    private static final String HOOK = PluginLifecycle.class.getName();

    /** Why a plugin did not start: the hook or starter that threw, and what it threw. */
    static final class StartFailure extends Exception {
        StartFailure(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }

    private final List<PluginListener> listeners;
    private final List<PluginStarter> starters;
    private final Map<LoadedPlugin, List<AutoCloseable>> running = new IdentityHashMap<>();
    private boolean inCallback; // under the runtime's lock: only the thread running a callback can see it set

    /**
     * @param listeners told of every change, in order
     * @param starters the host's starters, after each plugin's own hooks
     */
    Lifecycle(List<PluginListener> listeners, List<PluginStarter> starters) {
        this.listeners = List.copyOf(listeners);
        this.starters = List.copyOf(starters);
    }

    /**
     * Whether a plugin's index lists start hooks. A pf4j plugin has none (its {@code Plugin-Class} is
     * a starter's business), and its index is not scanned for them.
     *
     * @param plugin a loaded plugin
     * @return whether {@link #start} has hooks of the plugin's to run
     */
    static boolean hasHooks(LoadedPlugin plugin) {
        return plugin.archive().metadata() == PluginArchive.Metadata.GRAFT && !plugin.index().entries(HOOK).isEmpty();
    }

    /**
     * Runs a plugin's start hooks, then the host's starters. If one throws, what had started is
     * stopped again, in reverse, and the plugin is left as it was before.
     *
     * @param plugin a plugin that is loaded and not started
     * @param view the plugins as they will be once the load is published, to decide which hooks are active
     * @throws StartFailure naming the hook or starter that threw
     */
    void start(LoadedPlugin plugin, Snapshot view) throws StartFailure {
        List<AutoCloseable> started = new ArrayList<>();
        String step = "";
        try {
            List<Snapshot.Candidate> hooks = hasHooks(plugin) ? view.candidates(plugin, HOOK) : List.of();
            for (Snapshot.Candidate c : hooks) {
                if (c.skipReason() == null) {
                    step = "its start hook " + c.entry().className();
                    PluginLifecycle hook = callback(() -> c.entry().instance(PluginLifecycle.class,
                            ExtensionFactory.CONSTRUCTOR, plugin));
                    callback(() -> PluginContext.run(plugin.classLoader(), () -> {
                        hook.start();
                        return null;
                    }));
                    started.add(() -> PluginContext.run(plugin.classLoader(), () -> {
                        hook.stop();
                        return null;
                    }));
                }
            }
            for (PluginStarter starter : starters) {
                step = "the host's starter " + starter.getClass().getName();
                started.add(callback(() -> starter.start(plugin))); // it links the plugin only if it needs to
            }
        } catch (Throwable t) {
            Containment.rethrowIfFatal(t);
            stop(plugin, started);
            Throwable cause = t instanceof ExtensionException && t.getCause() != null ? t.getCause() : t;
            throw new StartFailure("did not start: " + step + " threw " + describe(cause), cause);
        }
        running.put(plugin, started);
    }

    /**
     * Runs what started a plugin backwards: its starters' stops, then its hooks' {@code stop}. A
     * stop that throws is logged; the others still run.
     *
     * @param plugin a plugin being unloaded; nothing happens if it was never started
     */
    void stop(LoadedPlugin plugin) {
        List<AutoCloseable> started = running.remove(plugin);
        if (started != null) {
            stop(plugin, started);
        }
    }

    private void stop(LoadedPlugin plugin, List<AutoCloseable> started) {
        List<AutoCloseable> reverse = new ArrayList<>(started);
        Collections.reverse(reverse);
        for (AutoCloseable stop : reverse) {
            try {
                callback(() -> {
                    stop.close();
                    return null;
                });
            } catch (Throwable t) {
                Containment.rethrowIfFatal(t);
                Log.log(System.Logger.Level.WARNING, "plugin '" + plugin.id() + "' (" + plugin.source().getFileName()
                        + "): a stop hook threw " + describe(t) + "; the plugin is unloaded all the same", t);
            }
        }
    }

    /**
     * Tells every listener; one that throws is logged and the others are still told.
     *
     * @param status the plugin's row
     * @param type what happened
     */
    void fire(PluginStatus status, PluginEvent.Type type) {
        if (listeners.isEmpty()) {
            return;
        }
        PluginEvent event = new PluginEvent(status.name(), status.version(), status.source(), type,
                type == PluginEvent.Type.LOADED || type == PluginEvent.Type.STARTED
                        || type == PluginEvent.Type.STOPPING ? "" : status.reason());
        for (PluginListener listener : listeners) {
            try {
                callback(() -> {
                    listener.stateChanged(event);
                    return null;
                });
            } catch (Throwable t) {
                Containment.rethrowIfFatal(t);
                Log.log(System.Logger.Level.WARNING, "a plugin listener threw on " + event + ": " + t, t);
            }
        }
    }

    /**
     * Refuses a load, unload or close that a hook, starter or listener asks for while it runs: it
     * would change the plugins the runtime is in the middle of starting or stopping.
     *
     * @param operation what was asked, for the message
     * @throws IllegalStateException if called from a callback
     */
    void checkNotInCallback(String operation) {
        if (inCallback) {
            throw new IllegalStateException("PluginRuntime." + operation + " was called from a plugin's start or stop"
                    + " hook, a PluginStarter or a PluginListener, while the runtime is starting or stopping plugins;"
                    + " call it after build(), load(...) or unload(...) has returned");
        }
    }

    private <V> V callback(PluginContext.Call<V, Exception> call) throws Exception {
        boolean outer = inCallback;
        inCallback = true;
        try {
            return call.call();
        } finally {
            inCallback = outer;
        }
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }
}
