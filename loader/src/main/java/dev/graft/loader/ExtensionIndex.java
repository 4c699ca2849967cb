package dev.graft.loader;

import dev.graft.format.ExtensionDescriptor;
import dev.graft.format.FormatException;
import dev.graft.format.IndexFormat;
import dev.graft.loader.archive.BoundedReader;
import dev.graft.loader.classloading.PluginClassLoader;
import dev.graft.loader.pf4j.Pf4jExtensions;
import dev.graft.loader.pf4j.Pf4jIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * One plugin's extension index: the extensions of each extension point, as metadata, read without
 * loading any extension class. An entry creates its instance on request.
 *
 * <pre>{@code
 * ExtensionIndex index = ExtensionIndex.read(pluginLoader);
 * for (ExtensionEntry e : index.entries(Command.class)) {
 *     System.out.println(e.className() + " ordinal " + e.ordinal() + " needs " + e.dependencies());
 *     Command command = e.instance(Command.class);
 * }
 * }</pre>
 *
 * <p>Entries of a point are ordered by ordinal, then class name. A pf4j plugin's flat
 * {@code META-INF/extensions.idx} lists classes without points; for it, the points of each class are
 * found by reading the class files of the class and its supertypes (never defining them), once, on
 * the first lookup. Those class files and the index files are read with a byte limit,
 * {@link ArchiveLimits#maxEntryBytes()}: a class that inflates beyond it is skipped and logged, not
 * read whole.
 */
public final class ExtensionIndex {

    /** By ordinal, then class name. */
    private static final Comparator<ExtensionEntry> ORDER = Comparator
            .comparingInt(ExtensionEntry::ordinal)
            .thenComparing(ExtensionEntry::className);

    private final String pluginId;
    private final Supplier<ClassLoader> loader;
    private final IndexFormat.Parsed parsed; // a Graft index; null for a pf4j one
    private final List<String> flatClassNames;
    private final long maxClassBytes; // the most bytes read of one pf4j class file
    // A Graft index's entries by the point's position in parsed.points(), each made on its first
    // lookup: an array, not a map by name, kept 0.12 KB less a plugin at N=1000 (measured). Null for pf4j.
    private final AtomicReferenceArray<List<ExtensionEntry>> entriesByPosition;
    private volatile Map<String, List<ExtensionEntry>> flatEntries; // pf4j's, by point, once read
    // The instance holders of the classes listed under several points, one per class; null when
    // none is (nearly always), each entry then making its own: 0.21 KB less a plugin at N=1000 (measured).
    private final Map<String, ExtensionEntry.Instance> shared;

    private ExtensionIndex(String pluginId, Supplier<ClassLoader> loader, IndexFormat.Parsed parsed,
            List<String> flatClassNames, long maxClassBytes) {
        this.pluginId = pluginId;
        this.loader = loader;
        this.parsed = parsed;
        this.entriesByPosition = parsed == null ? null : new AtomicReferenceArray<>(parsed.points().size());
        this.shared = parsed == null || parsed.hasClassUnderSeveralPoints() ? new ConcurrentHashMap<>() : null;
        this.flatClassNames = List.copyOf(flatClassNames);
        this.maxClassBytes = maxClassBytes;
    }

    /**
     * Reads the extension index of the plugin whose classes {@code pluginLoader} loads: only that
     * loader's own index, never one inherited from a parent loader or found in a library jar. For a
     * loader created by {@link PluginRuntime} this is the runtime's index of that plugin, so
     * instances are shared with it. For any other loader, the own index is the one
     * {@code pluginLoader} finds that its parent does not; a pf4j {@code META-INF/extensions.idx}
     * is read when there is no Graft index.
     *
     * @param pluginLoader the plugin's class loader
     * @return the index; empty if the plugin has none
     * @throws FormatException if the index is malformed, naming the file and line
     * @throws UncheckedIOException if it cannot be read, or the loader has more than one index of its own
     */
    public static ExtensionIndex read(ClassLoader pluginLoader) {
        if (pluginLoader instanceof PluginClassLoader p && p.attachment() instanceof ExtensionIndex index) {
            return index;
        }
        String pluginId = pluginLoader instanceof PluginClassLoader p ? p.pluginId() : null;
        try {
            URL graft = ownResource(pluginLoader, IndexFormat.PATH);
            if (graft != null) {
                return parsed(pluginId, new Fixed(pluginLoader),
                        IndexFormat.parse(text(graft), graft.toExternalForm()));
            }
            URL pf4j = ownResource(pluginLoader, Pf4jIndex.PATH);
            if (pf4j != null) {
                return flat(pluginId, new Fixed(pluginLoader), Pf4jIndex.read(text(pf4j), pf4j.toExternalForm()));
            }
            return parsed(pluginId, new Fixed(pluginLoader), IndexFormat.Parsed.EMPTY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the extension index of " + pluginLoader + ": " + e.getMessage(), e);
        }
    }

    private static URL ownResource(ClassLoader loader, String path) throws IOException {
        if (loader instanceof PluginClassLoader p) {
            return p.findResource(path);
        }
        Set<URL> own = new LinkedHashSet<>(Collections.list(loader.getResources(path)));
        ClassLoader parent = loader.getParent();
        if (parent != null) {
            own.removeAll(Collections.list(parent.getResources(path)));
        } else {
            own.removeAll(Collections.list(ClassLoader.getSystemClassLoader().getResources(path)));
        }
        if (own.size() > 1) {
            throw new IOException(loader + " has " + own.size() + " " + path + " files of its own (" + own
                    + "); a plugin has one");
        }
        return own.isEmpty() ? null : own.iterator().next();
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(BoundedReader.readAll(in, -1, ArchiveLimits.DEFAULT.maxEntryBytes(), url.toExternalForm()),
                    StandardCharsets.UTF_8);
        }
    }

    /**
     * The index of a plugin whose loader may not exist yet, read by {@link IndexFormat#parse}: the
     * descriptors of a point are made when that point is first looked up.
     *
     * @param pluginId the plugin
     * @param loader gives the plugin's classes loader, creating it on first call
     * @param parsed its checked index
     * @return the index
     */
    static ExtensionIndex parsed(String pluginId, Supplier<ClassLoader> loader, IndexFormat.Parsed parsed) {
        return new ExtensionIndex(pluginId, loader, parsed, List.of(), ArchiveLimits.DEFAULT.maxEntryBytes());
    }

    /**
     * The index of a pf4j plugin whose loader may not exist yet.
     *
     * @param pluginId the plugin
     * @param loader gives the plugin's classes loader, creating it on first call
     * @param classNames the classes of its flat index
     * @return the index
     */
    static ExtensionIndex flat(String pluginId, Supplier<ClassLoader> loader, List<String> classNames) {
        return flat(pluginId, loader, classNames, ArchiveLimits.DEFAULT);
    }

    /**
     * The index of a pf4j plugin whose loader may not exist yet, reading its class files within
     * {@code limits}.
     *
     * @param pluginId the plugin
     * @param loader gives the plugin's classes loader, creating it on first call
     * @param classNames the classes of its flat index
     * @param limits bounds the bytes read of each class file ({@link ArchiveLimits#maxEntryBytes()})
     * @return the index
     */
    static ExtensionIndex flat(String pluginId, Supplier<ClassLoader> loader, List<String> classNames,
            ArchiveLimits limits) {
        return new ExtensionIndex(pluginId, loader, null, classNames, limits.maxEntryBytes());
    }

    /** A loader that already exists. */
    private static final class Fixed implements Supplier<ClassLoader> {
        private final ClassLoader loader;

        Fixed(ClassLoader loader) {
            this.loader = loader;
        }

        @Override
        public ClassLoader get() {
            return loader;
        }
    }

    /** @return the plugin this index belongs to; empty for an index read from a loader no runtime created */
    public Optional<String> pluginId() {
        return Optional.ofNullable(pluginId);
    }

    /**
     * The extension points this index lists, sorted by name.
     *
     * @return the binary names of the points
     */
    public Set<String> points() {
        return Collections.unmodifiableSet(new TreeSet<>(parsed != null ? parsed.points() : flatEntries().keySet()));
    }

    /**
     * The extensions of a point, ordered by ordinal and then class name. The entries of a point are
     * created on its first lookup, so finding one point costs nothing for the others.
     *
     * @param point the binary name of the extension point
     * @return the entries; empty if this plugin has none for the point
     */
    public List<ExtensionEntry> entries(String point) {
        if (parsed == null) {
            return flatEntries().getOrDefault(point, List.of());
        }
        int position = parsed.points().indexOf(point);
        if (position < 0) {
            return List.of();
        }
        List<ExtensionEntry> entries = entriesByPosition.get(position);
        if (entries == null) {
            entries = sortedEntries(parsed.extensions(position));
            if (!entriesByPosition.compareAndSet(position, null, entries)) {
                entries = entriesByPosition.get(position); // another thread's, made at the same time
            }
        }
        return entries;
    }

    /** The entries of descriptors of one point, ordered by ordinal and then class name. */
    private List<ExtensionEntry> sortedEntries(List<ExtensionDescriptor> descriptors) {
        List<ExtensionEntry> created = new ArrayList<>(descriptors.size());
        for (ExtensionDescriptor d : descriptors) {
            created.add(new ExtensionEntry(d, this));
        }
        created.sort(ORDER);
        return List.copyOf(created); // kept for as long as the plugin: sized to fit, with no wrapper
    }

    /**
     * The extensions of a point, ordered by ordinal and then class name.
     *
     * @param point the extension point
     * @return the entries; empty if this plugin has none for the point
     */
    public List<ExtensionEntry> entries(Class<?> point) {
        return entries(point.getName());
    }

    /** @return every entry, ordered by point, then ordinal, then class name */
    public List<ExtensionEntry> all() {
        List<ExtensionEntry> all = new ArrayList<>();
        for (String point : points()) {
            all.addAll(entries(point));
        }
        return all;
    }

    /** @return the loader of the plugin's classes, for its entries; created on the first call */
    ClassLoader classLoader() {
        return loader.get();
    }

    /** @return whether this index came from a pf4j plugin's flat index */
    public boolean isFlat() {
        return !flatClassNames.isEmpty();
    }

    /**
     * The one instance holder of an extension class, whatever point it is found under: a new one
     * when the class is listed under one point only, since the entry that asks keeps it.
     */
    ExtensionEntry.Instance instance(String className) {
        if (shared == null) {
            return new ExtensionEntry.Instance();
        }
        ExtensionEntry.Instance instance = shared.get(className);
        if (instance == null) {
            instance = new ExtensionEntry.Instance();
            ExtensionEntry.Instance raced = shared.putIfAbsent(className, instance);
            if (raced != null) {
                instance = raced;
            }
        }
        return instance;
    }

    /**
     * A pf4j index's entries by point, made once, on the first lookup, by reading the class files
     * ({@link Pf4jExtensions}); the classes that cannot be read are logged and left out.
     */
    private Map<String, List<ExtensionEntry>> flatEntries() {
        Map<String, List<ExtensionEntry>> map = flatEntries;
        if (map == null) {
            synchronized (this) {
                map = flatEntries;
                if (map == null) {
                    Pf4jExtensions.Scan scan = Pf4jExtensions.scan(flatClassNames, loader.get(), maxClassBytes);
                    for (Pf4jExtensions.Skipped s : scan.skipped()) {
                        Log.log(System.Logger.Level.WARNING,
                                "pf4j extension {0} of plugin ''{1}'' is skipped: its class file cannot be read: {2}",
                                s.className(), pluginId, s.reason());
                    }
                    map = new HashMap<>();
                    for (Map.Entry<String, List<ExtensionDescriptor>> e : scan.byPoint().entrySet()) {
                        map.put(e.getKey(), sortedEntries(e.getValue()));
                    }
                    map = Collections.unmodifiableMap(map);
                    flatEntries = map;
                }
            }
        }
        return map;
    }
}
