package dev.graft.loader;

import dev.graft.format.Dependency;
import dev.graft.format.VersionRange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime's state between two loads or unloads: immutable, so lookups never see a plugin
 * half-registered. Per point, the extensions and the verdict on each are computed once, on the
 * first lookup, without loading any class.
 */
final class Snapshot {

    static final Snapshot EMPTY = new Snapshot(List.of(), List.of());

    /**
     * One extension of a point and whether it is active.
     *
     * @param plugin its plugin
     * @param entry its index entry
     * @param skipReason why it is skipped, or {@code null} when its dependencies hold
     */
    record Candidate(LoadedPlugin plugin, ExtensionEntry entry, String skipReason) {

        /** By ordinal, then plugin id, then class name. */
        static final Comparator<Candidate> ORDER = Comparator
                .comparingInt((Candidate c) -> c.entry().ordinal())
                .thenComparing(c -> c.plugin().id())
                .thenComparing(c -> c.entry().className());
    }

    private final List<LoadedPlugin> plugins;
    private final Map<String, LoadedPlugin> byId = new HashMap<>();
    private final List<PluginStatus> statuses;
    private final Map<String, PluginStatus> statusById = new HashMap<>();
    private final Map<String, List<Candidate>> points = new ConcurrentHashMap<>();

    /**
     * @param plugins the loaded plugins, in load order
     * @param statuses one row per plugin ({@code PluginRuntime} replaces a plugin's earlier row)
     */
    Snapshot(List<LoadedPlugin> plugins, List<PluginStatus> statuses) {
        this.plugins = List.copyOf(plugins);
        for (LoadedPlugin p : plugins) {
            byId.put(p.id(), p);
        }
        this.statuses = ordered(statuses);
        for (PluginStatus s : this.statuses) {
            if (s.id().isPresent()) {
                statusById.putIfAbsent(s.id().get(), s);
            }
        }
    }

    /** The loaded plugins' rows in load order, then the others by name and file. */
    private List<PluginStatus> ordered(List<PluginStatus> statuses) {
        Map<String, PluginStatus> loaded = new HashMap<>();
        List<PluginStatus> others = new ArrayList<>();
        for (PluginStatus s : statuses) {
            if (s.state() == PluginState.LOADED && s.id().isPresent() && byId.containsKey(s.id().get())) {
                loaded.put(s.id().get(), s);
            } else {
                others.add(s);
            }
        }
        List<PluginStatus> rows = new ArrayList<>(statuses.size());
        for (LoadedPlugin p : plugins) {
            PluginStatus s = loaded.get(p.id());
            if (s != null) {
                rows.add(s);
            }
        }
        others.sort(Comparator.comparing(PluginStatus::name).thenComparing(PluginStatus::source));
        rows.addAll(others);
        return List.copyOf(rows);
    }

    /** The plugin and every loaded plugin that sees it, transitively, in reverse load order. */
    List<LoadedPlugin> unloadOrder(String id) {
        if (plugin(id) == null) {
            return List.of();
        }
        Set<String> doomed = new HashSet<>();
        doomed.add(id);
        List<LoadedPlugin> order = new ArrayList<>();
        for (LoadedPlugin p : plugins) { // load order: a dependency comes before its dependents
            if (doomed.contains(p.id()) || p.linkedDependencies().stream().anyMatch(doomed::contains)) {
                doomed.add(p.id());
                order.add(p);
            }
        }
        Collections.reverse(order);
        return order;
    }

    /**
     * The state after an unload: the plugins without those unloaded, and their rows {@code UNLOADED}.
     *
     * @param reasons the unloaded plugins' ids, each with why it was unloaded
     * @return the new snapshot
     */
    Snapshot without(Map<String, String> reasons) {
        List<LoadedPlugin> remaining = new ArrayList<>();
        for (LoadedPlugin p : plugins) {
            if (!reasons.containsKey(p.id())) {
                remaining.add(p);
            }
        }
        List<PluginStatus> rows = new ArrayList<>();
        for (PluginStatus s : statuses) {
            String reason = s.state() == PluginState.LOADED ? s.id().map(reasons::get).orElse(null) : null;
            rows.add(reason != null ? new PluginStatus(s.id(), s.version(), s.source(), PluginState.UNLOADED, reason) : s);
        }
        return new Snapshot(remaining, rows);
    }

    /**
     * The statuses after a load: one row per plugin. A row of an earlier load whose file or id the
     * new rows name (a plugin loaded again after an unload, or a file that now fails) is replaced,
     * unless that plugin is still loaded; rows of one load are all kept (two files with one id).
     */
    static List<PluginStatus> merge(List<PluginStatus> before, List<PluginStatus> added) {
        Set<Path> files = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (PluginStatus s : added) {
            files.add(s.source());
            s.id().ifPresent(ids::add);
        }
        List<PluginStatus> all = new ArrayList<>();
        for (PluginStatus s : before) {
            boolean replaced = files.contains(s.source()) || s.id().filter(ids::contains).isPresent();
            if (s.state() == PluginState.LOADED || !replaced) {
                all.add(s);
            }
        }
        all.addAll(added);
        return all;
    }

    List<LoadedPlugin> plugins() {
        return plugins;
    }

    List<PluginStatus> statuses() {
        return statuses;
    }

    LoadedPlugin plugin(String id) {
        return byId.get(id);
    }

    /** The extensions of a point, ordered by ordinal, plugin id and class name. */
    List<Candidate> candidates(String point) {
        List<Candidate> candidates = points.get(point);
        if (candidates == null) {
            candidates = collect(point);
            List<Candidate> raced = points.putIfAbsent(point, candidates);
            if (raced != null) {
                candidates = raced;
            }
        }
        return candidates;
    }

    /**
     * One plugin's extensions of a point, with their verdicts, in extension order; the other
     * plugins' indexes are not read (a pf4j plugin's would be scanned).
     *
     * @param plugin a plugin of this snapshot
     * @param point the binary name of the point
     * @return its candidates
     */
    List<Candidate> candidates(LoadedPlugin plugin, String point) {
        List<Candidate> result = new ArrayList<>();
        for (ExtensionEntry entry : entries(plugin, point)) {
            result.add(new Candidate(plugin, entry, skipReason(plugin, entry)));
        }
        result.sort(Candidate.ORDER);
        return result;
    }

    private List<Candidate> collect(String point) {
        List<Candidate> result = new ArrayList<>();
        for (LoadedPlugin plugin : plugins) {
            for (ExtensionEntry entry : entries(plugin, point)) {
                String reason = skipReason(plugin, entry);
                if (reason != null) {
                    Log.log(System.Logger.Level.DEBUG, "skipping extension {0} of plugin ''{1}'' for {2}: {3}",
                            entry.className(), plugin.id(), point, reason);
                }
                result.add(new Candidate(plugin, entry, reason));
            }
        }
        result.sort(Candidate.ORDER);
        return List.copyOf(result);
    }

    /**
     * A plugin's entries for a point. A pf4j index is read from the plugin's class files on its
     * first lookup; if that throws, the plugin contributes nothing and the failure is logged
     * ({@link Containment}): a lookup never throws what one plugin's files do.
     */
    private static List<ExtensionEntry> entries(LoadedPlugin plugin, String point) {
        return fromIndex(plugin, () -> plugin.index().entries(point), List.of(), "extensions of " + point);
    }

    /** A plugin's extension points, or none when its index cannot be read ({@link #entries(LoadedPlugin, String)}). */
    static Set<String> points(LoadedPlugin plugin) {
        return fromIndex(plugin, () -> plugin.index().points(), Set.of(), "extension points");
    }

    /** What a lookup in a plugin's index gives, or {@code none}, logged, when it throws. */
    private static <T> T fromIndex(LoadedPlugin plugin, java.util.function.Supplier<T> lookup, T none, String what) {
        try {
            return lookup.get();
        } catch (Throwable t) {
            Containment.rethrowIfFatal(t);
            Log.log(System.Logger.Level.WARNING, "plugin '" + plugin.id() + "' (" + plugin.source().getFileName()
                    + "): its " + what + " are left out: " + Containment.message(t), t);
            return none;
        }
    }

    private String skipReason(LoadedPlugin plugin, ExtensionEntry entry) {
        if (entry.dependencies().isEmpty()) {
            return null;
        }
        for (Dependency d : entry.dependencies()) {
            LoadedPlugin target = byId.get(d.pluginId());
            if (target == null) {
                PluginStatus status = statusById.get(d.pluginId());
                return "needs plugin '" + d.pluginId() + "'" + (d.range().equals(VersionRange.ANY) ? "" : "@" + d.range())
                        + (status == null ? ", which is not installed"
                                : ", which is " + status.state().name().toLowerCase(java.util.Locale.ROOT)
                                        + (status.reason().isEmpty() ? "" : ": " + status.reason()));
            }
            if (!d.accepts(target.version())) {
                return "needs " + d.pluginId() + "@" + d.range() + ", but " + d.pluginId() + " " + target.version()
                        + " is installed";
            }
            if (!plugin.linkedDependencies().contains(d.pluginId())) {
                return "needs plugin '" + d.pluginId() + "', which was loaded after '" + plugin.id()
                        + "'; load them together so that '" + plugin.id() + "' sees it";
            }
        }
        return null;
    }
}
