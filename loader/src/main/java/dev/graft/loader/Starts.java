package dev.graft.loader;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts the plugins of one load, in load order (a plugin after the plugins it depends on), before
 * any of them is published. A plugin whose start fails is released and reported {@code FAILED};
 * every plugin of the load linked to it, directly or through others, is released unstarted and
 * reported {@code DISABLED}. The listeners hear each plugin's events in that order: the rows that
 * did not load first ({@code FAILED}, {@code DISABLED}), then per loaded plugin {@code LOADED} and
 * {@code STARTED}, {@code FAILED} or {@code DISABLED}.
 */
final class Starts {

    private Starts() {
    }

    /**
     * @param current the runtime's state before the load
     * @param outcome what the load opened and linked
     * @param lifecycle runs the hooks and tells the listeners
     * @param start whether to run start hooks; {@code false} leaves every plugin loaded and unstarted
     * @param release closes a plugin that did not start
     * @return the plugins that started and every source's status
     */
    static PluginLoading.Outcome start(Snapshot current, PluginLoading.Outcome outcome, Lifecycle lifecycle, boolean start,
            Consumer<LoadedPlugin> release) {
        for (PluginStatus s : outcome.statuses()) {
            if (s.state() != PluginState.LOADED) {
                lifecycle.fire(s, s.state() == PluginState.FAILED ? PluginEvent.Type.FAILED : PluginEvent.Type.DISABLED);
            }
        }
        Snapshot view = Snapshot.EMPTY; // read only for a plugin with start hooks: built only if one has
        if (anyHooks(outcome.loaded())) {
            List<LoadedPlugin> all = new ArrayList<>(current.plugins());
            all.addAll(outcome.loaded());
            view = new Snapshot(all, outcome.statuses());
        }
        Map<String, PluginStatus> down = new HashMap<>();
        List<LoadedPlugin> started = new ArrayList<>();
        for (LoadedPlugin p : outcome.loaded()) {
            PluginStatus loaded = row(p, PluginState.LOADED, "");
            lifecycle.fire(loaded, PluginEvent.Type.LOADED);
            PluginStatus verdict = verdict(p, down, view, lifecycle, start);
            if (verdict == null) {
                started.add(p);
                if (start) {
                    lifecycle.fire(loaded, PluginEvent.Type.STARTED);
                }
            } else {
                down.put(p.id(), verdict);
                release.accept(p);
                Log.log(System.Logger.Level.WARNING, "plugin {0} {1}: {2}", p.id(),
                        verdict.state() == PluginState.FAILED ? "failed to start" : "is disabled", verdict.reason());
                lifecycle.fire(verdict, verdict.state() == PluginState.FAILED ? PluginEvent.Type.FAILED
                        : PluginEvent.Type.DISABLED);
            }
        }
        if (down.isEmpty()) {
            return outcome;
        }
        List<PluginStatus> statuses = new ArrayList<>();
        for (PluginStatus s : outcome.statuses()) {
            PluginStatus replaced = s.state() == PluginState.LOADED ? s.id().map(down::get).orElse(null) : null;
            statuses.add(replaced != null ? replaced : s);
        }
        return new PluginLoading.Outcome(started, statuses);
    }

    private static boolean anyHooks(List<LoadedPlugin> plugins) {
        for (LoadedPlugin p : plugins) {
            if (Lifecycle.hasHooks(p)) {
                return true;
            }
        }
        return false;
    }

    /** {@code null} when the plugin started (or is not to be started), else its row. */
    private static PluginStatus verdict(LoadedPlugin p, Map<String, PluginStatus> down, Snapshot view,
            Lifecycle lifecycle, boolean start) {
        for (String dependency : p.linkedDependencies()) {
            PluginStatus d = down.get(dependency);
            if (d != null) {
                return row(p, PluginState.DISABLED, "depends on '" + dependency + "', which "
                        + (d.state() == PluginState.FAILED ? "failed to start" : "is disabled") + ": " + d.reason());
            }
        }
        if (!start) {
            return null;
        }
        try {
            lifecycle.start(p, view);
            return null;
        } catch (Lifecycle.StartFailure e) {
            return row(p, PluginState.FAILED, e.getMessage());
        }
    }

    static PluginStatus row(LoadedPlugin p, PluginState state, String reason) {
        return new PluginStatus(Optional.of(p.id()), Optional.of(p.version()), p.source(), state, reason);
    }
}
