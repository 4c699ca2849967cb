package dev.graft.loader;

import dev.graft.format.Dependency;
import dev.graft.format.PluginManifest;
import dev.graft.format.SyntaxException;
import dev.graft.format.Version;
import dev.graft.loader.archive.ArchiveOpener;
import dev.graft.loader.archive.PluginArchive;
import dev.graft.loader.cache.LibraryCache;
import dev.graft.loader.classloading.Linkage;
import dev.graft.loader.classloading.Linker;
import dev.graft.loader.pf4j.FolderSwitches;
import dev.graft.loader.resolve.DependencyResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One load: opens archives in parallel (bounded), resolves dependencies, then fixes each plugin's
 * linkage in dependency order (its class loaders are created on first use: {@link Linkage}).
 * Nothing it creates is visible until it returns.
 *
 * <p>A load that goes well logs nothing: in a host without logging set up, the first log record
 * costs more than loading a hundred plugins (the JDK's logging, formatting and time-zone classes).
 * Plugins that fail or are disabled are logged at WARNING, and {@link PluginRuntime#plugins()}
 * reports every plugin's state.
 */
final class PluginLoading {

    /**
     * The settings a load needs.
     *
     * @param opener opens archives
     * @param cache where library jars are extracted
     * @param host what the host shares
     * @param hostVersion the host's version
     * @param disabled ids the host does not load
     * @param parallelism how many archives are opened at once
     * @param limits bounds on what is read, also from a pf4j plugin's class files when its index is first read
     */
    record Settings(Opener opener, LibraryCache cache, Linker.Host host, Version hostVersion,
            Set<String> disabled, int parallelism, ArchiveLimits limits) {
    }

    /** Opens one source: {@link ArchiveOpener}'s two methods, as one. */
    @FunctionalInterface
    interface Opener {
        /**
         * @param source a plugin file or directory
         * @param listed whether it was listed from a plugin folder, so that it is opened only if it is a plugin
         * @return the archive; {@code null} for a listed source that is not a plugin
         * @throws Exception whatever reading the archive throws
         */
        PluginArchive open(Path source, boolean listed) throws Exception;

        /**
         * @param opener the archive opener
         * @return the opener as an {@code Opener}
         */
        static Opener of(ArchiveOpener opener) {
            return (source, listed) -> listed ? opener.openIfPlugin(source) : opener.open(source);
        }
    }

    /**
     * What a load produced.
     *
     * @param loaded the new plugins, in load order
     * @param statuses the status of every archive offered: loaded ones in load order, then the others
     */
    record Outcome(List<LoadedPlugin> loaded, List<PluginStatus> statuses) {
    }

    /**
     * An archive after opening, with its file name (found on the opening thread): either the archive
     * and its declared exports ({@code null} when it declares none), or the failure.
     */
    private record Prepared(Path source, String name, PluginArchive archive, Map<String, Boolean> exports,
            String failure, String failedId) {
    }

    /** What {@link #prepare(Path, boolean, Opener)} returns for a listed source that is not a plugin. */
    private static final Prepared NOT_A_PLUGIN = new Prepared(null, null, null, null, null, null);

    /** The order of the plugins that did not load: by name, then source. */
    private static final Comparator<PluginStatus> BY_NAME_THEN_SOURCE = Comparator
            .comparing(PluginStatus::name)
            .thenComparing(s -> s.source().toString());

    private PluginLoading() {
    }

    /**
     * Loads archives.
     *
     * @param sources plugin files or directories
     * @param listed whether the sources were listed from plugin folders: each is then opened only if
     *     it is a plugin ({@link ArchiveOpener#openIfPlugin}, on the opening threads), and left out
     *     silently otherwise; sources the host names are always opened
     * @param settings the load's settings
     * @param alreadyLoaded the plugins loaded before
     * @return the new plugins and the status of every source opened
     */
    static Outcome load(List<Path> sources, boolean listed, Settings settings, List<LoadedPlugin> alreadyLoaded) {
        List<Prepared> prepared = prepare(sources, listed, settings);
        Map<String, Prepared> byId = new HashMap<>();
        List<DependencyResolver.Candidate> candidates = new ArrayList<>();
        Map<String, String> failedIds = new HashMap<>();
        Map<String, String> disabled = new HashMap<>();
        settings.disabled().forEach(id -> disabled.put(id, "disabled by the host"));
        FolderSwitches switches = new FolderSwitches(settings.limits().maxEntryBytes());
        for (Prepared p : prepared) {
            if (p.archive() != null) {
                String id = p.archive().manifest().id();
                candidates.add(new DependencyResolver.Candidate(p.archive().manifest(), p.name()));
                byId.putIfAbsent(id, p);
                String switched = listed ? switches.reason(p.archive().source(), id) : null;
                if (switched != null) {
                    disabled.putIfAbsent(id, switched);
                }
            } else if (p.failedId() != null) {
                failedIds.put(p.failedId(), p.failure());
            }
        }
        List<DependencyResolver.Loaded> loaded = new ArrayList<>();
        Map<String, LoadedPlugin> linked = new HashMap<>();
        for (LoadedPlugin l : alreadyLoaded) {
            loaded.add(new DependencyResolver.Loaded(l.manifest(), name(l.source())));
            linked.put(l.id(), l);
        }
        DependencyResolver.Resolution resolution = DependencyResolver.resolve(candidates, failedIds, loaded,
                settings.hostVersion(), Runtime.version().feature(), disabled);

        List<LoadedPlugin> result = new ArrayList<>();
        for (String id : resolution.order()) {
            LoadedPlugin plugin = link(byId.get(id), linked, settings);
            linked.put(id, plugin);
            result.add(plugin);
        }
        return new Outcome(result, statuses(prepared, result, resolution));
    }

    /**
     * Opens every archive (every candidate, for listed sources), on up to {@code parallelism}
     * threads that take the next archive from a shared counter; the results keep the order of
     * {@code sources}. Whatever opening one archive throws becomes that archive's failure, on
     * whichever thread opened it ({@link Containment}); an error that is not contained stops the
     * workers and is rethrown here, after every thread has ended.
     */
    private static List<Prepared> prepare(List<Path> sources, boolean listed, Settings settings) {
        Prepared[] results = new Prepared[sources.size()];
        try {
            Parallel.forEach(results.length, settings.parallelism(), "graft-prepare",
                    i -> results[i] = prepare(sources.get(i), listed, settings.opener()));
        } catch (Error e) { // only the errors prepare(...) does not contain
            for (Prepared p : results) {
                if (p != null && p.archive() != null) {
                    closeQuietly(p.archive());
                }
            }
            throw e;
        }
        List<Prepared> opened = new ArrayList<>(results.length);
        for (Prepared p : results) {
            if (p != NOT_A_PLUGIN) {
                opened.add(p);
            }
        }
        return opened;
    }

    /**
     * Opens one source: its archive and declared exports, or its failure; {@link #NOT_A_PLUGIN}
     * for a listed one that is not a plugin.
     */
    private static Prepared prepare(Path source, boolean listed, Opener opener) {
        String name = name(source);
        PluginArchive archive;
        try {
            archive = opener.open(source, listed);
            if (archive == null) {
                return NOT_A_PLUGIN;
            }
        } catch (Throwable e) {
            Containment.rethrowIfFatal(e);
            return new Prepared(source, name, null, null, failure(name, e), null);
        }
        try {
            // Declared exports can fail (a pattern no package matches), so they are checked now;
            // a plugin that declares none exports all its own packages, worked out when it is linked.
            Map<String, Boolean> exports = archive.manifest().exports().isEmpty() ? null : Linker.exports(archive);
            return new Prepared(source, name, archive, exports, null, null);
        } catch (Throwable e) {
            closeQuietly(archive);
            Containment.rethrowIfFatal(e);
            String reason = e instanceof IllegalArgumentException ? e.getMessage() + " (" + name + ")" : failure(name, e);
            return new Prepared(source, name, null, null, reason, archive.manifest().id());
        }
    }

    /**
     * The reason of an archive that failed: the message of the exceptions that Graft throws for
     * bad input, which name the file and entry; anything else also names the file.
     */
    private static String failure(String name, Throwable e) {
        String message = Containment.message(e);
        return e instanceof java.io.IOException || e instanceof dev.graft.format.FormatException
                || e instanceof SyntaxException || message.contains(name)
                ? message : name + " could not be read: " + message;
    }

    private static LoadedPlugin link(Prepared prepared, Map<String, LoadedPlugin> loaded, Settings settings) {
        PluginArchive archive = prepared.archive();
        List<String> linkedIds = List.of(); // most plugins depend on none
        List<Linkage> dependencies = List.of();
        if (!archive.manifest().dependencies().isEmpty()) {
            linkedIds = new ArrayList<>();
            for (Dependency d : archive.manifest().dependencies()) {
                if (loaded.containsKey(d.pluginId())) {
                    linkedIds.add(d.pluginId());
                }
            }
            java.util.Collections.sort(linkedIds);
            dependencies = new ArrayList<>(linkedIds.size());
            for (String id : linkedIds) {
                dependencies.add(loaded.get(id).linkage());
            }
        }
        Linkage linkage = new Linkage(archive, prepared.exports(), dependencies, settings.host());
        String id = archive.manifest().id();
        ExtensionIndex index = archive.metadata() == PluginArchive.Metadata.PF4J
                ? ExtensionIndex.flat(id, linkage, archive.flatExtensions(), settings.limits())
                : ExtensionIndex.parsed(id, linkage, archive.index());
        linkage.attach(index);
        return new LoadedPlugin(archive, linkage, index, linkedIds);
    }

    private static List<PluginStatus> statuses(List<Prepared> prepared, List<LoadedPlugin> loaded,
            DependencyResolver.Resolution resolution) {
        List<PluginStatus> loadedStatuses = new ArrayList<>(loaded.size());
        for (LoadedPlugin p : loaded) {
            loadedStatuses.add(new PluginStatus(Optional.of(p.id()), Optional.of(p.version()), p.source(), PluginState.LOADED, ""));
        }
        if (loaded.size() == prepared.size()) {
            return loadedStatuses; // every archive opened was loaded: nothing else to report
        }
        Map<Path, PluginStatus> bySource = new java.util.IdentityHashMap<>(); // each source is one Path object
        for (PluginStatus status : loadedStatuses) {
            bySource.put(status.source(), status);
        }
        List<PluginStatus> others = new ArrayList<>();
        for (Prepared p : prepared) {
            if (bySource.containsKey(p.source())) {
                continue;
            }
            PluginStatus status;
            if (p.archive() == null) {
                status = new PluginStatus(Optional.ofNullable(p.failedId()), Optional.empty(), p.source(), PluginState.FAILED,
                        p.failure());
            } else {
                PluginManifest m = p.archive().manifest();
                DependencyResolver.Verdict v = resolution.rejected().get(m.id());
                status = new PluginStatus(Optional.of(m.id()), Optional.of(m.version()), p.source(),
                        v.failed() ? PluginState.FAILED : PluginState.DISABLED, v.reason());
                closeQuietly(p.archive());
            }
            Log.log(System.Logger.Level.WARNING, "plugin {0} {1}: {2}", status.name(),
                    status.state() == PluginState.FAILED ? "failed to load" : "is disabled", status.reason());
            others.add(status);
        }
        others.sort(BY_NAME_THEN_SOURCE);
        List<PluginStatus> all = loadedStatuses;
        all.addAll(others);
        return all;
    }

    static void closeQuietly(PluginArchive archive) {
        try {
            archive.close();
        } catch (IOException e) {
            Log.log(System.Logger.Level.WARNING, "could not close " + archive.source() + ": " + e.getMessage());
        }
    }

    static String name(Path source) {
        return String.valueOf(source.getFileName());
    }
}
