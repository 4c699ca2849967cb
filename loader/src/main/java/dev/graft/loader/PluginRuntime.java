package dev.graft.loader;

import dev.graft.format.PackagePattern;
import dev.graft.format.Version;
import dev.graft.loader.archive.ArchiveOpener;
import dev.graft.loader.cache.LibraryCache;
import dev.graft.loader.classloading.Linker;
import dev.graft.loader.classloading.PackageMatcher;
import dev.graft.loader.classloading.PluginClassLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads the plugins of one or more folders and finds their extensions.
 *
 * <pre>{@code
 * try (PluginRuntime runtime = PluginRuntime.builder()
 *         .pluginDirectory(Path.of("plugins"))
 *         .hostVersion("4.0.0")
 *         .sharedPackages("com.example.host.api")
 *         .build()) {
 *     for (PluginStatus status : runtime.plugins()) {
 *         System.out.println(status);
 *     }
 *     for (Command command : runtime.extensions(Command.class)) {
 *         command.run();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link Builder#build()} opens every plugin (in parallel, bounded), resolves dependencies, and
 * builds each plugin's pair of class loaders in dependency order, ties broken by id, so the same
 * plugins give the same order whatever order the file system lists them in. A plugin that fails,
 * and every plugin that requires it, does not load and is reported with the reason; the others
 * load. Extensions are ordered by ordinal, then plugin id, then class name.
 *
 * <p>Thread-safe. Lookups read an immutable snapshot and take no lock; {@link #load(Path...)},
 * {@link #unload(String)} and {@link #close()} publish a new snapshot only once every plugin they
 * add is completely prepared.
 *
 * <p>One unit, though long: it is the whole public entry point, the lookups, the loads, unloads and
 * reloads and their {@link Builder}, whose options and Javadoc are most of its lines; the work is
 * done elsewhere ({@code PluginLoading}, {@code Starts} and {@code Lifecycle}, {@code Snapshot},
 * {@code ExtensionEntry}, {@code Retention}).
 */
public final class PluginRuntime implements AutoCloseable {

    /** The package of Graft's plugin-side API ({@link dev.graft.PluginLifecycle}), always shared with plugins. */
    private static final String GRAFT_API = dev.graft.PluginLifecycle.class.getPackageName();

    private final PluginLoading.Settings settings;
    private final ExtensionFactory factory;
    private final Lifecycle lifecycle;
    private final boolean startPlugins;
    private final Retention retention;
    private final Object lock = new Object();
    private final Set<ExtensionEntry> reported = ConcurrentHashMap.newKeySet();
    private final TakenDown takenDown = new TakenDown();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile boolean closed;

    private PluginRuntime(PluginLoading.Settings settings, ExtensionFactory factory, Lifecycle lifecycle,
            boolean startPlugins, Retention retention) {
        this.settings = settings;
        this.factory = factory;
        this.lifecycle = lifecycle;
        this.startPlugins = startPlugins;
        this.retention = retention;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every plugin the runtime has seen, one row each, its current state: the loaded ones in load
     * order, then the others by name. A plugin loaded again after an unload, or a file that fails
     * where a plugin was, has its new row only.
     *
     * @return the statuses
     */
    public List<PluginStatus> plugins() {
        return snapshot.statuses();
    }

    /** @return the loaded plugins, in load order */
    public List<LoadedPlugin> loadedPlugins() {
        return snapshot.plugins();
    }

    /**
     * A loaded plugin.
     *
     * @param id the plugin id
     * @return the plugin, if it is loaded
     */
    public Optional<LoadedPlugin> plugin(String id) {
        return Optional.ofNullable(snapshot.plugin(id));
    }

    /**
     * The loaded plugin a class belongs to, for example to scope what an {@link ExtensionFactory}
     * injects.
     *
     * @param type a class
     * @return its plugin, if a plugin's loader defined it
     */
    public Optional<LoadedPlugin> pluginOf(Class<?> type) {
        if (type.getClassLoader() instanceof PluginClassLoader loader) {
            return plugin(loader.pluginId());
        }
        return Optional.empty();
    }

    /**
     * The extension points that loaded plugins list, sorted. For a pf4j plugin this reads the class
     * files of its extensions (without defining them).
     *
     * @return the binary names of the points
     */
    public Set<String> points() {
        Set<String> points = new TreeSet<>();
        for (LoadedPlugin p : snapshot.plugins()) {
            points.addAll(Snapshot.points(p));
        }
        return Collections.unmodifiableSet(points);
    }

    /**
     * The extensions of a point whose dependencies hold, as metadata, without loading any class.
     *
     * @param point the binary name of the point
     * @return the entries, ordered by ordinal, then plugin id, then class name
     */
    public List<ExtensionEntry> entries(String point) {
        checkOpen();
        List<ExtensionEntry> result = new ArrayList<>();
        for (Snapshot.Candidate c : snapshot.candidates(point)) {
            if (c.skipReason() == null) {
                result.add(c.entry());
            }
        }
        return result;
    }

    /**
     * The extensions of a point whose dependencies hold, as metadata, without loading any class:
     * {@link #entries(String)} of the point's binary name.
     *
     * @param point the extension point
     * @return the entries, ordered by ordinal, then plugin id, then class name
     */
    public List<ExtensionEntry> entries(Class<?> point) {
        return entries(point.getName());
    }

    /**
     * The instances of a point's active extensions. Only the classes of those extensions are
     * loaded; each is created once, by the runtime's {@link ExtensionFactory}, and shared. An
     * extension whose class cannot be loaded or whose constructor throws is logged once, with its
     * plugin and class, and left out; {@link #describe(Class)} shows it as failed.
     *
     * @param point the extension point
     * @param <T> the point type
     * @return the instances, ordered by ordinal, then plugin id, then class name; never containing null
     */
    public <T> List<T> extensions(Class<T> point) {
        return instances(point, false);
    }

    /**
     * The extensions of {@link #extensions(Class)}, each wrapped so that every call on it runs with
     * the thread context class loader set to its plugin's loader, as the runtime sets it while it
     * creates extensions: for a host that calls plugins later, on threads of its own, into
     * libraries that look up classes, services or JDBC drivers through the context loader. The
     * caller's context loader is restored after each call; exceptions pass through unchanged. Each
     * extension has one wrapper, returned on every call; it is not the instance
     * ({@code equals} is its identity), so a caller that needs the instance's class or identity
     * uses {@link #extensions(Class)}. A call costs a reflective invocation more than a direct one
     * (docs/BENCHMARKS.md has the figure).
     *
     * @param point a public interface point
     * @param <T> the point type
     * @return the wrapped instances, in extension order
     * @throws IllegalArgumentException if the point is not a public interface
     */
    public <T> List<T> contextualExtensions(Class<T> point) {
        ContextualCalls.checkPoint(point);
        return instances(point, true);
    }

    private <T> List<T> instances(Class<T> point, boolean contextual) {
        checkOpen();
        List<T> result = new ArrayList<>();
        for (Snapshot.Candidate c : snapshot.candidates(point.getName())) {
            if (c.skipReason() != null) {
                continue;
            }
            try {
                ExtensionEntry entry = c.entry();
                T instance = entry.instance(point, factory != null ? factory : ExtensionFactory.CONSTRUCTOR, c.plugin());
                result.add(contextual ? entry.contextual(point, instance) : instance);
            } catch (ExtensionException e) {
                if (reported.add(c.entry())) {
                    Log.log(System.Logger.Level.WARNING, e.getMessage(), e);
                }
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * Every extension of a point with its state: active, skipped (with the missing or out-of-range
     * plugin) or failed (with the error), in extension order.
     *
     * @param point the binary name of the point
     * @return the statuses
     */
    public List<ExtensionStatus> describe(String point) {
        checkOpen();
        List<ExtensionStatus> result = new ArrayList<>();
        for (Snapshot.Candidate c : snapshot.candidates(point)) {
            ExtensionEntry e = c.entry();
            ExtensionStatus.State state;
            String reason;
            if (c.skipReason() != null) {
                state = ExtensionStatus.State.SKIPPED;
                reason = c.skipReason();
            } else if (e.failure().isPresent()) {
                state = ExtensionStatus.State.FAILED;
                reason = e.failure().get().getMessage();
            } else {
                state = ExtensionStatus.State.ACTIVE;
                reason = "";
            }
            result.add(new ExtensionStatus(point, c.plugin().id(), e.className(), e.ordinal(), state, reason));
        }
        return result;
    }

    /**
     * Every extension of a point with its state: {@link #describe(String)} of the point's binary name.
     *
     * @param point the extension point
     * @return the statuses, in extension order
     */
    public List<ExtensionStatus> describe(Class<?> point) {
        return describe(point.getName());
    }

    /**
     * Loads more plugins, next to the loaded ones, and starts them. They may depend on loaded
     * plugins; loaded plugins do not see them (load plugins that integrate with each other
     * together). A plugin that an earlier {@link #unload(String)} took down with this one, because
     * it depends on it, is loaded again right after it, linked to the new copy.
     *
     * @param sources plugin files or directories
     * @return the status of each, then of each dependent brought back
     */
    public List<PluginStatus> load(Path... sources) {
        return load(Arrays.asList(sources), false);
    }

    private List<PluginStatus> load(List<Path> sources, boolean listed) {
        synchronized (lock) {
            checkOpen();
            lifecycle.checkNotInCallback("load");
            List<PluginStatus> statuses = new ArrayList<>();
            List<PluginStatus> batch = loadBatch(sources, listed);
            while (!batch.isEmpty()) {
                statuses.addAll(batch);
                List<Path> back = takenDown.bringBack(batch);
                batch = back.isEmpty() ? List.of() : loadBatch(back, false);
            }
            purgeCache();
            return statuses;
        }
    }

    /** Opens, links and starts one set of plugins, and publishes those that started. */
    private List<PluginStatus> loadBatch(List<Path> sources, boolean listed) {
        Snapshot current = snapshot;
        PluginLoading.Outcome outcome = Starts.start(current,
                PluginLoading.load(sources, listed, settings, current.plugins()), lifecycle, startPlugins, this::release);
        List<LoadedPlugin> plugins = new ArrayList<>(current.plugins());
        plugins.addAll(outcome.loaded());
        snapshot = new Snapshot(plugins, Snapshot.merge(current.statuses(), outcome.statuses()));
        return outcome.statuses();
    }

    /**
     * Unloads a plugin and loads its file again, with the plugins that depend on it: {@link #unload}
     * then {@link #load}, under one lock. A plugin that is not loaded but was (unloaded, or failed
     * where it was loaded before) is loaded from its file.
     *
     * @param id the plugin id
     * @return the status of the plugin and of each dependent brought back; empty if the runtime has
     *     never seen the plugin
     */
    public List<PluginStatus> reload(String id) {
        synchronized (lock) {
            checkOpen();
            lifecycle.checkNotInCallback("reload");
            LoadedPlugin loaded = snapshot.plugin(id);
            Path source = loaded != null ? loaded.source() : snapshot.statuses().stream()
                    .filter(s -> s.id().filter(id::equals).isPresent()).map(PluginStatus::source).findFirst()
                    .orElse(null);
            if (source == null) {
                return List.of();
            }
            unload(id);
            return load(List.of(source), false);
        }
    }

    /**
     * Unloads a plugin and, first, every loaded plugin that depends on it (required or optional):
     * each is stopped (its stop hooks run, dependents first), then its class loaders and archive
     * are closed. The dependents come back when the plugin is {@link #load loaded} again.
     *
     * @param id the plugin id
     * @return the ids unloaded, in unload order; empty if the plugin is not loaded
     */
    public List<String> unload(String id) {
        synchronized (lock) {
            checkOpen();
            lifecycle.checkNotInCallback("unload");
            Snapshot current = snapshot;
            List<LoadedPlugin> unloaded = current.unloadOrder(id);
            if (unloaded.isEmpty()) {
                return List.of();
            }
            Map<String, String> reasons = new HashMap<>();
            for (LoadedPlugin p : unloaded) {
                reasons.put(p.id(), p.id().equals(id) ? "unloaded by the host" : "depends on '" + id + "', which was unloaded");
            }
            snapshot = current.without(reasons);
            List<String> ids = new ArrayList<>();
            for (LoadedPlugin p : unloaded) {
                stop(p, reasons.get(p.id()));
                ids.add(p.id());
            }
            takenDown.record(id, unloaded.subList(0, unloaded.size() - 1));
            return ids;
        }
    }

    /**
     * The plugins {@link #unload(String) unload(id)} would unload, in the order it would unload
     * them: the loaded plugins that depend on it, directly or through others, dependents first, and
     * the plugin itself last. A host that must stop using plugins before their loaders close (a
     * Spring context destroying their beans) asks this first.
     *
     * @param id the plugin id
     * @return the ids, in unload order; empty if the plugin is not loaded
     */
    public List<String> unloadOrder(String id) {
        List<String> ids = new ArrayList<>();
        for (LoadedPlugin p : snapshot.unloadOrder(id)) {
            ids.add(p.id());
        }
        return ids;
    }

    /** Stops a plugin that is no longer published, closes it, and tells the listeners. */
    private void stop(LoadedPlugin p, String reason) {
        lifecycle.fire(Starts.row(p, PluginState.LOADED, ""), PluginEvent.Type.STOPPING);
        lifecycle.stop(p);
        release(p);
        lifecycle.fire(Starts.row(p, PluginState.UNLOADED, reason), PluginEvent.Type.UNLOADED);
    }

    /** Closes a plugin's class loaders and archive, cleaning what would keep the loaders alive. */
    private void release(LoadedPlugin p) {
        p.linkage().close();
        retention.unloaded(p, closed); // closed: close() is unloading everything
        PluginLoading.closeQuietly(p.archive());
        Log.log(System.Logger.Level.DEBUG, "unloaded plugin {0}", p);
    }

    /**
     * The unloaded plugins whose class loaders are still reachable, oldest unload first, each with
     * what Graft found holding it (a thread of the plugin still running, a JDBC driver it could
     * not deregister; ThreadLocals it could not check, naming the JVM flag that lets it). As of the
     * last garbage collection: a plugin unloaded since is listed until the collector has run, so a
     * host that checks for leaks calls {@link System#gc()} first. Also answered once the runtime is
     * closed, for the plugins {@link #close()} unloaded. What unloading cleans:
     * {@code docs/class-loading.md}, "Unloading and closing".
     *
     * @return the retained plugins; empty when every unloaded plugin's loaders were collected
     */
    public List<RetainedPlugin> retainedPlugins() {
        return retention.retained();
    }

    /**
     * Stops every plugin, in reverse load order, and unloads it, closing every class loader and
     * releasing every file handle.
     */
    @Override
    public void close() {
        synchronized (lock) {
            lifecycle.checkNotInCallback("close");
            if (closed) {
                return;
            }
            closed = true;
            List<LoadedPlugin> plugins = new ArrayList<>(snapshot.plugins());
            snapshot = Snapshot.EMPTY;
            Collections.reverse(plugins);
            for (LoadedPlugin p : plugins) {
                stop(p, "the runtime was closed");
            }
            reported.clear();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the plugin runtime is closed");
        }
    }

    /** Trims the library cache; the jars any plugin of this JVM uses are leased, so they stay. */
    private void purgeCache() {
        try {
            settings.cache().purge();
        } catch (IOException e) {
            Log.log(System.Logger.Level.WARNING, "could not purge the library cache " + settings.cache().directory()
                    + ": " + e.getMessage());
        }
    }

    /** Configures and builds a {@link PluginRuntime}. */
    public static final class Builder {
        private final List<Path> directories = new ArrayList<>();
        private final Set<String> shared = new LinkedHashSet<>();
        private final Set<String> disabled = new HashSet<>();
        private String hostVersion;
        private ClassLoader hostLoader;
        private boolean hostFallback = true;
        private ExtensionFactory factory; // null: ExtensionFactory.CONSTRUCTOR, looked up when first needed
        private int parallelism = Math.min(4, Runtime.getRuntime().availableProcessors());
        private Path cacheDirectory;
        private long cacheBytes = 1L << 30;
        private ArchiveLimits limits = ArchiveLimits.DEFAULT;
        private final List<PluginListener> listeners = new ArrayList<>();
        private final List<PluginStarter> starters = new ArrayList<>();
        private boolean startPlugins = true;
        private boolean stopPluginThreads;

        private Builder() {
        }

        /**
         * Adds a folder whose plugins are loaded: {@code .zip} and {@code .jar} files and plugin
         * directories. Hidden entries are ignored.
         *
         * @param directory the folder
         * @return this builder
         */
        public Builder pluginDirectory(Path directory) {
            directories.add(Objects.requireNonNull(directory, "directory"));
            return this;
        }

        /**
         * The host's version, checked against each plugin's {@code requires}. Required. Build-tool
         * versions such as {@code 4.1-SNAPSHOT} are accepted.
         *
         * @param version the version
         * @return this builder
         */
        public Builder hostVersion(String version) {
            this.hostVersion = version;
            return this;
        }

        /**
         * Packages plugins always take from the host, even when they bundle a copy: the host's API.
         * A name ending in {@code .*} also covers subpackages. Graft's own plugin API, the package
         * {@code dev.graft} ({@link dev.graft.PluginLifecycle}), is always shared.
         *
         * @param packages package names or patterns
         * @return this builder
         */
        public Builder sharedPackages(String... packages) {
            for (String p : packages) {
                shared.add(PackagePattern.check(p));
            }
            return this;
        }

        /**
         * The loader of the host's classes. Defaults to the thread context class loader when
         * {@link #build()} runs (or, if there is none, the loader of Graft itself).
         *
         * @param loader the host loader
         * @return this builder
         */
        public Builder hostClassLoader(ClassLoader loader) {
            this.hostLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Whether classes and resources that no plugin source provides are looked up in the host.
         * On by default; off, a plugin sees only the JDK, the shared packages, its own classes and
         * libraries, and its dependencies' exports.
         *
         * @param fallback whether to fall back to the host
         * @return this builder
         */
        public Builder hostFallback(boolean fallback) {
            this.hostFallback = fallback;
            return this;
        }

        /**
         * How extension instances are created; the factory is told each class and the plugin it
         * belongs to ({@link ExtensionFactory.Context}). The default calls the public no-argument
         * constructor.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder extensionFactory(ExtensionFactory factory) {
            this.factory = Objects.requireNonNull(factory, "factory");
            return this;
        }

        /**
         * How many archives are opened at once. Defaults to the number of processors, at most 4.
         *
         * @param threads at least 1
         * @return this builder
         */
        public Builder parallelism(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1");
            }
            this.parallelism = threads;
            return this;
        }

        /**
         * Where jars bundled in plugin zips are extracted, and how large that folder may grow.
         * Defaults to {@code .graft-cache} in the first plugin folder or, without one, the user's
         * own {@code $XDG_CACHE_HOME/graft} or {@code ~/.cache/graft}; 1 GiB. Graft creates it
         * writable by the host's user only and refuses a folder that another user owns or can write.
         *
         * @param directory the cache folder
         * @param maxBytes the size beyond which the least recently used jars are deleted
         * @return this builder
         */
        public Builder cache(Path directory, long maxBytes) {
            this.cacheDirectory = Objects.requireNonNull(directory, "directory");
            this.cacheBytes = maxBytes;
            return this;
        }

        /**
         * Bounds on what is read from each archive.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder archiveLimits(ArchiveLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Plugins not to load; they, and the plugins that require them, are reported as disabled.
         *
         * @param ids plugin ids
         * @return this builder
         */
        public Builder disable(String... ids) {
            disabled.addAll(Arrays.asList(ids));
            return this;
        }

        /**
         * Adds a listener told of every plugin's lifecycle changes, from the first load on.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(PluginListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a way to start plugins of a kind Graft does not start itself (a pf4j
         * {@code Plugin-Class}: {@code graft-pf4j}); starters run in the order added, after each
         * plugin's own {@link dev.graft.PluginLifecycle} hooks.
         *
         * @param starter the starter
         * @return this builder
         */
        public Builder starter(PluginStarter starter) {
            starters.add(Objects.requireNonNull(starter, "starter"));
            return this;
        }

        /**
         * Whether loading a plugin starts it (runs its {@link dev.graft.PluginLifecycle} hooks and
         * the starters). On by default; off for tools that inspect plugins without running their
         * code: loading then runs no plugin code at all.
         *
         * @param start whether to start plugins
         * @return this builder
         */
        public Builder startPlugins(boolean start) {
            this.startPlugins = start;
            return this;
        }

        /**
         * Whether unloading a plugin interrupts the threads it started that are still running, and
         * waits for them a short while (at most one second in all). Off by default: those threads
         * are then only reported, by name, in a {@code WARNING} and by {@link PluginRuntime#retainedPlugins()}.
         * What a plugin's thread is, and what else unloading cleans: {@code docs/class-loading.md},
         * "Unloading and closing".
         *
         * @param stop whether to stop them
         * @return this builder
         */
        public Builder stopPluginThreads(boolean stop) {
            this.stopPluginThreads = stop;
            return this;
        }

        /**
         * Loads every plugin of the configured folders.
         *
         * @return the runtime
         * @throws IllegalStateException if the host version is missing
         * @throws UncheckedIOException if a plugin folder cannot be listed
         */
        public PluginRuntime build() {
            if (hostVersion == null) {
                throw new IllegalStateException("hostVersion(...) is required: plugins declare the host versions"
                        + " they run on");
            }
            Version version = Version.normalize(hostVersion);
            ClassLoader host = hostLoader != null ? hostLoader
                    : Thread.currentThread().getContextClassLoader() != null
                            ? Thread.currentThread().getContextClassLoader()
                            : PluginRuntime.class.getClassLoader();
            Path cacheDir = cacheDirectory != null ? cacheDirectory
                    : LibraryCache.defaultDirectory(directories.isEmpty() ? null : directories.get(0));
            LibraryCache cache = new LibraryCache(cacheDir, cacheBytes);
            Set<String> sharedPackages = new LinkedHashSet<>(shared);
            sharedPackages.add(GRAFT_API); // one PluginLifecycle type for the runtime and every plugin
            PluginLoading.Settings settings = new PluginLoading.Settings(PluginLoading.Opener.of(new ArchiveOpener(cache, limits)), cache,
                    new Linker.Host(host, new PackageMatcher(sharedPackages), hostFallback), version, Set.copyOf(disabled),
                    parallelism, limits);
            PluginRuntime runtime = new PluginRuntime(settings, factory, new Lifecycle(listeners, starters),
                    startPlugins, new Retention(stopPluginThreads));
            runtime.load(list(directories), true);
            return runtime;
        }

        /**
         * The entries of each folder that are not hidden, sorted by file name (never by listing
         * order). Which of them are plugins is decided when they are opened, on the opening threads:
         * that takes a stat each ({@link ArchiveOpener#openIfPlugin}).
         */
        private static List<Path> list(List<Path> directories) {
            List<Path> result = new ArrayList<>();
            for (Path dir : directories) {
                // java.io lists a folder in one native call; a DirectoryStream makes one per entry
                String[] names = dir.toFile().list();
                if (names == null) {
                    throw cannotList(dir);
                }
                Arrays.sort(names);
                for (String name : names) {
                    if (!name.startsWith(".")) {
                        result.add(dir.resolve(name));
                    }
                }
            }
            return result;
        }

        /** Why a folder cannot be listed, as the file system says it. */
        private static UncheckedIOException cannotList(Path dir) {
            try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
                return new UncheckedIOException(new IOException("cannot list the plugin folder " + dir));
            } catch (IOException e) {
                return new UncheckedIOException("cannot list the plugin folder " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
