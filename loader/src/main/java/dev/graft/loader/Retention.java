package dev.graft.loader;

import dev.graft.format.Version;
import dev.graft.loader.classloading.Linker;
import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.leak.Findings;
import dev.graft.loader.leak.UnloadLeaks;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * After an unload: cleans what would keep the plugin's loaders alive ({@link UnloadLeaks}), logs
 * what was cleaned ({@code INFO}) and what still holds them ({@code WARNING}), and remembers the
 * loaders weakly, so that {@link PluginRuntime#retainedPlugins()} can tell which unloaded plugins
 * are still in memory. Entries whose loaders were collected are dropped at the next unload or query.
 */
final class Retention {

    /** One JVM-wide warning when ThreadLocals cannot be read: the flag is the JVM's, not a plugin's. */
    private static final AtomicBoolean UNCHECKED_REPORTED = new AtomicBoolean();

    private final boolean stopThreads;
    private final List<Unloaded> unloaded = new ArrayList<>(); // guarded by itself

    /** An unloaded plugin, weakly. */
    private record Unloaded(String id, Version version, Path source, List<WeakReference<ClassLoader>> loaders,
            List<Findings.Holder> holders, String unchecked) {

        boolean collected() {
            return loaders.stream().allMatch(l -> l.get() == null);
        }
    }

    /** @param stopThreads whether an unload interrupts the plugin's threads ({@code Builder.stopPluginThreads}) */
    Retention(boolean stopThreads) {
        this.stopThreads = stopThreads;
    }

    /**
     * Cleans up after a plugin whose loaders were just closed. A plugin that was never linked has
     * no loaders, and nothing to clean.
     *
     * @param p the plugin
     * @param closing whether the whole runtime is being closed: then that ThreadLocals cannot be
     *     checked is logged at {@code DEBUG} only (at a host's shutdown it is no news), while a
     *     plugin unloaded from a running host says it once, at {@code WARNING}
     */
    void unloaded(LoadedPlugin p, boolean closing) {
        if (!p.isLinked()) {
            return;
        }
        Linker.Pair pair = p.linkage().pair();
        List<PluginClassLoader> loaders = pair.libraries() == null ? List.of(pair.classes())
                : List.of(pair.classes(), pair.libraries());
        String plugin = "plugin '" + p.id() + "' (" + p.source().getFileName() + ")";
        Findings found;
        try {
            found = UnloadLeaks.clean(loaders, stopThreads);
        } catch (RuntimeException | LinkageError e) { // a bug of the cleanup must not fail the unload
            Log.log(System.Logger.Level.WARNING, plugin + " was unloaded, but Graft could not look for what keeps its"
                    + " class loaders alive: " + e, e);
            return;
        }
        report(plugin, found, closing);
        List<WeakReference<ClassLoader>> refs = new ArrayList<>();
        loaders.forEach(l -> refs.add(new WeakReference<>(l)));
        synchronized (unloaded) {
            unloaded.removeIf(Unloaded::collected);
            unloaded.add(new Unloaded(p.id(), p.version(), p.source(), refs, found.holders(), found.unchecked()));
        }
    }

    private static void report(String plugin, Findings found, boolean closing) {
        if (!found.cleaned().isEmpty()) {
            Log.log(System.Logger.Level.INFO, plugin + " was unloaded; Graft " + String.join("; ", found.cleaned()));
        }
        if (found.unchecked() != null && closing) {
            Log.log(System.Logger.Level.DEBUG, "Graft cannot clear the ThreadLocal values unloaded plugins leave on"
                    + " threads: java.lang is not open to it; " + found.unchecked() + " to the java command");
        } else if (found.unchecked() != null && UNCHECKED_REPORTED.compareAndSet(false, true)) {
            Log.log(System.Logger.Level.WARNING, "Graft cannot clear the ThreadLocal values unloaded plugins leave on"
                    + " threads: java.lang is not open to it; " + found.unchecked() + " to the java command");
        }
        if (!found.holders().isEmpty()) {
            List<String> holders = found.holders().stream().map(Findings.Holder::description).toList();
            List<String> parts = new ArrayList<>(holders);
            parts.addAll(found.advice());
            Log.log(System.Logger.Level.WARNING, plugin + " was unloaded, but its class loaders stay reachable through: "
                    + String.join("; ", parts));
        }
    }

    /** @return the unloaded plugins whose loaders are still reachable, oldest unload first */
    List<RetainedPlugin> retained() {
        List<RetainedPlugin> retained = new ArrayList<>();
        synchronized (unloaded) {
            unloaded.removeIf(Unloaded::collected);
            for (Unloaded u : unloaded) {
                List<String> holders = new ArrayList<>();
                u.holders().stream().filter(Findings.Holder::stillHolds).forEach(h -> holders.add(h.description()));
                if (u.unchecked() != null) {
                    holders.add("ThreadLocal values on threads were not checked: " + u.unchecked());
                }
                retained.add(new RetainedPlugin(u.id(), u.version(), u.source(), holders));
            }
        }
        return retained;
    }
}
