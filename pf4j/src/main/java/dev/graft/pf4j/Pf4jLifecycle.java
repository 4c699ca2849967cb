package dev.graft.pf4j;

import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginStarter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.pf4j.Plugin;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * Starts and stops pf4j plugins in a Graft runtime: for every plugin whose pf4j descriptor names a
 * {@code Plugin-Class} ({@code plugin.class}), creates it (see {@link PluginInstances} for the
 * constructors), calls {@code start()} when Graft starts the plugin and {@code stop()} when Graft
 * unloads it, each on the plugin's context class loader, in dependency order.
 *
 * <pre>{@code
 * Pf4jLifecycle pf4j = new Pf4jLifecycle(RuntimeMode.DEPLOYMENT, "1.0.0");
 * try (PluginRuntime runtime = PluginRuntime.builder()
 *         .pluginDirectory(Path.of("plugins")).hostVersion("1.0.0")
 *         .sharedPackages("org.pf4j", "com.example.api")
 *         .starter(pf4j)
 *         .build()) {
 *     pf4j.attach(runtime); // extension lookups through pf4j's PluginManager
 *     ...
 * }
 * }</pre>
 *
 * <p>A {@code start()} that throws fails the plugin, and Graft disables its dependents. Plugins
 * without a {@code Plugin-Class}, and Graft-format plugins, are left to Graft. Thread-safe.
 */
public final class Pf4jLifecycle implements PluginStarter {

    private final RuntimeMode mode;
    private final Map<String, PluginWrapper> started = new LinkedHashMap<>();
    private final GraftPluginManager manager;

    /** pf4j's deployment mode, with the system version {@code 0.0.0} (pf4j's "any"). */
    public Pf4jLifecycle() {
        this(RuntimeMode.DEPLOYMENT, "0.0.0");
    }

    /**
     * @param mode what {@code PluginWrapper.getRuntimeMode()} and {@code PluginManager.getRuntimeMode()} tell plugins
     * @param systemVersion what {@code PluginManager.getSystemVersion()} tells plugins: the host's version
     */
    public Pf4jLifecycle(RuntimeMode mode, String systemVersion) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.manager = new GraftPluginManager(this, Objects.requireNonNull(systemVersion, "systemVersion"));
    }

    /**
     * Lets the {@link #pluginManager()} answer extension and class-loader lookups from the runtime;
     * until then, those lookups throw {@link IllegalStateException}.
     *
     * @param runtime the runtime this starter was added to
     */
    public void attach(PluginRuntime runtime) {
        manager.attach(Objects.requireNonNull(runtime, "runtime"));
    }

    /** @return the {@code PluginManager} the pf4j plugins are given, answered from Graft */
    public PluginManager pluginManager() {
        return manager;
    }

    /** @return the pf4j plugins started and not yet stopped, in start order */
    public synchronized List<PluginWrapper> plugins() {
        return new ArrayList<>(started.values());
    }

    /** @return the mode plugins are told */
    RuntimeMode mode() {
        return mode;
    }

    @Override
    public AutoCloseable start(LoadedPlugin plugin) throws Exception {
        String className = plugin.pf4jDescriptor().get("plugin.class");
        if (className == null) {
            return NOTHING;
        }
        PluginWrapper wrapper = new PluginWrapper(manager, Descriptors.of(plugin), plugin.source(), plugin.classLoader());
        Plugin instance = plugin.callWithContextLoader(() -> {
            Plugin created = PluginInstances.create(plugin, className, wrapper, mode);
            wrapper.setPluginFactory(w -> created);
            wrapper.setPluginState(PluginState.RESOLVED);
            created.start();
            return created;
        });
        synchronized (this) {
            started.put(plugin.id(), wrapper);
        }
        manager.changed(wrapper, PluginState.RESOLVED, PluginState.STARTED);
        return () -> stop(plugin, wrapper, instance);
    }

    private void stop(LoadedPlugin plugin, PluginWrapper wrapper, Plugin instance) throws Exception {
        String id = plugin.id();
        try {
            plugin.callWithContextLoader(() -> {
                instance.stop();
                return null;
            });
        } finally {
            synchronized (this) {
                started.remove(id);
            }
            manager.changed(wrapper, PluginState.STARTED, PluginState.STOPPED);
        }
    }

    /** @return the started plugin with this id, or {@code null} (pf4j's contract) */
    synchronized PluginWrapper plugin(String id) {
        return started.get(id);
    }
}
