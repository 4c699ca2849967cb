package dev.graft.pf4j;

import dev.graft.loader.ExtensionEntry;
import dev.graft.loader.LoadedPlugin;
import dev.graft.loader.PluginRuntime;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginStateEvent;
import org.pf4j.PluginStateListener;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;
import org.pf4j.VersionManager;

/**
 * pf4j's {@code PluginManager} as the pf4j plugins of a Graft runtime see it: the plugins are the
 * pf4j plugins {@link Pf4jLifecycle} started, extensions are looked up in the attached
 * {@link PluginRuntime} (with Graft's rules: only active extensions, in Graft's order), and the
 * calls that would load, start, stop, enable, disable or delete plugins are Graft's to make:
 * {@code stopPlugin} and {@code unloadPlugin} unload through the runtime, the others throw
 * {@link UnsupportedOperationException} saying what to call instead.
 *
 * <p>One unit, though long: it is pf4j's interface, one short method per pf4j method.
 */
final class GraftPluginManager implements PluginManager {

    private static final String GRAFT_DECIDES = "graft-pf4j: Graft's PluginRuntime loads, starts and unloads"
            + " plugins; call PluginRuntime.load, reload or unload instead of PluginManager.";

    private final Pf4jLifecycle lifecycle;
    private final List<PluginStateListener> listeners = new CopyOnWriteArrayList<>();
    private volatile String systemVersion;
    private volatile PluginRuntime runtime;

    GraftPluginManager(Pf4jLifecycle lifecycle, String systemVersion) {
        this.lifecycle = lifecycle;
        this.systemVersion = systemVersion;
    }

    void attach(PluginRuntime runtime) {
        this.runtime = runtime;
    }

    void changed(PluginWrapper wrapper, PluginState from, PluginState to) {
        wrapper.setPluginState(to);
        PluginStateEvent event = new PluginStateEvent(this, wrapper, from);
        for (PluginStateListener l : listeners) {
            l.pluginStateChanged(event);
        }
    }

    private PluginRuntime runtime() {
        PluginRuntime r = runtime;
        if (r == null) {
            throw new IllegalStateException("graft-pf4j: extension lookups through PluginManager need the runtime:"
                    + " call Pf4jLifecycle.attach(runtime) after PluginRuntime.Builder.build()");
        }
        return r;
    }

    @Override
    public List<PluginWrapper> getPlugins() {
        return lifecycle.plugins();
    }

    @Override
    public List<PluginWrapper> getPlugins(PluginState state) {
        List<PluginWrapper> result = new ArrayList<>();
        for (PluginWrapper w : lifecycle.plugins()) {
            if (w.getPluginState() == state) {
                result.add(w);
            }
        }
        return result;
    }

    @Override
    public List<PluginWrapper> getResolvedPlugins() {
        return getPlugins();
    }

    @Override
    public List<PluginWrapper> getUnresolvedPlugins() {
        return List.of();
    }

    @Override
    public List<PluginWrapper> getStartedPlugins() {
        return getPlugins(PluginState.STARTED);
    }

    @Override
    public PluginWrapper getPlugin(String pluginId) {
        return lifecycle.plugin(pluginId);
    }

    @Override
    public void loadPlugins() {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public String loadPlugin(Path pluginPath) {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public void startPlugins() {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public PluginState startPlugin(String pluginId) {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public void stopPlugins() {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public PluginState stopPlugin(String pluginId) {
        return unloadPlugin(pluginId) ? PluginState.STOPPED : null;
    }

    @Override
    public void unloadPlugins() {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public boolean unloadPlugin(String pluginId) {
        return !runtime().unload(pluginId).isEmpty();
    }

    @Override
    public boolean disablePlugin(String pluginId) {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public boolean enablePlugin(String pluginId) {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public boolean deletePlugin(String pluginId) {
        throw new UnsupportedOperationException(GRAFT_DECIDES);
    }

    @Override
    public ClassLoader getPluginClassLoader(String pluginId) {
        PluginWrapper w = lifecycle.plugin(pluginId);
        return w != null ? w.getPluginClassLoader()
                : runtime().plugin(pluginId).map(LoadedPlugin::classLoader).orElse(null);
    }

    @Override
    public List<Class<?>> getExtensionClasses(String pluginId) {
        List<Class<?>> result = new ArrayList<>();
        for (ExtensionEntry e : entriesOf(pluginId)) {
            result.add(e.load());
        }
        return result;
    }

    @Override
    public <T> List<Class<? extends T>> getExtensionClasses(Class<T> type) {
        return getExtensionClasses(type, null);
    }

    @Override
    public <T> List<Class<? extends T>> getExtensionClasses(Class<T> type, String pluginId) {
        List<Class<? extends T>> result = new ArrayList<>();
        for (ExtensionEntry e : runtime().entries(type)) {
            if (pluginId == null || e.pluginId().filter(pluginId::equals).isPresent()) {
                result.add(e.load().asSubclass(type));
            }
        }
        return result;
    }

    @Override
    public <T> List<T> getExtensions(Class<T> type) {
        return runtime().extensions(type);
    }

    @Override
    public <T> List<T> getExtensions(Class<T> type, String pluginId) {
        List<T> result = new ArrayList<>();
        for (ExtensionEntry e : runtime().entries(type)) {
            if (e.pluginId().filter(pluginId::equals).isPresent()) {
                result.add(e.instance(type));
            }
        }
        return result;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List getExtensions(String pluginId) {
        List result = new ArrayList();
        for (ExtensionEntry e : entriesOf(pluginId)) {
            result.add(e.instance(Object.class));
        }
        return result;
    }

    @Override
    public Set<String> getExtensionClassNames(String pluginId) {
        Set<String> names = new LinkedHashSet<>();
        for (ExtensionEntry e : entriesOf(pluginId)) {
            names.add(e.className());
        }
        return names;
    }

    /** A plugin's active extensions, point by point in name order, each once. */
    private List<ExtensionEntry> entriesOf(String pluginId) {
        Set<String> seen = new LinkedHashSet<>();
        List<ExtensionEntry> result = new ArrayList<>();
        for (String point : runtime().points()) {
            for (ExtensionEntry e : runtime().entries(point)) {
                if (e.pluginId().filter(pluginId::equals).isPresent() && seen.add(e.className())) {
                    result.add(e);
                }
            }
        }
        return result;
    }

    @Override
    public ExtensionFactory getExtensionFactory() {
        return new DefaultExtensionFactory();
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return lifecycle.mode();
    }

    @Override
    public PluginWrapper whichPlugin(Class<?> clazz) {
        for (PluginWrapper w : lifecycle.plugins()) {
            if (clazz.getClassLoader() == w.getPluginClassLoader()) {
                return w;
            }
        }
        return null;
    }

    @Override
    public void addPluginStateListener(PluginStateListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removePluginStateListener(PluginStateListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void setSystemVersion(String version) {
        this.systemVersion = version;
    }

    @Override
    public String getSystemVersion() {
        return systemVersion;
    }

    @Override
    public Path getPluginsRoot() {
        List<Path> roots = getPluginsRoots();
        if (roots.isEmpty()) {
            throw new IllegalStateException("graft-pf4j: no plugin is loaded, so there is no plugin folder to name");
        }
        return roots.get(0);
    }

    @Override
    public List<Path> getPluginsRoots() {
        Set<Path> roots = new LinkedHashSet<>();
        for (LoadedPlugin p : runtime().loadedPlugins()) {
            Path parent = p.source().toAbsolutePath().getParent();
            if (parent != null) {
                roots.add(parent);
            }
        }
        return new ArrayList<>(roots);
    }

    @Override
    public VersionManager getVersionManager() {
        return new DefaultVersionManager();
    }
}
