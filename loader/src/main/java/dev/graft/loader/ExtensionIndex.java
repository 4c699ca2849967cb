package dev.graft.loader;

import dev.graft.loader.format.FormatException;
import dev.graft.loader.format.IndexFormat;
import dev.graft.loader.internal.ClassHeader;
import dev.graft.loader.internal.Pf4jIndex;
import dev.graft.loader.internal.PluginClassLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * the first lookup.
 */
public final class ExtensionIndex {

    /** By ordinal, then class name; built on the first index found out of order. */
    private static final class Order {
        static final Comparator<ExtensionEntry> ORDER = new Comparator<>() {
            @Override
            public int compare(ExtensionEntry a, ExtensionEntry b) {
                int c = Integer.compare(a.ordinal(), b.ordinal());
                return c != 0 ? c : a.className().compareTo(b.className());
            }
        };
    }
    private static final String PF4J_EXTENSION = "Lorg/pf4j/Extension;";

    private final String pluginId;
    private final Supplier<ClassLoader> loader;
    private final List<ExtensionDescriptor> descriptors;
    private final List<String> flatClassNames;
    private final IndexFormat.Parsed parsed;
    private volatile Map<String, List<ExtensionDescriptor>> byPoint;
    private final Map<String, List<ExtensionEntry>> entriesByPoint = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, ExtensionEntry.Instance> instances = new java.util.concurrent.ConcurrentHashMap<>();

    private ExtensionIndex(String pluginId, Supplier<ClassLoader> loader, List<ExtensionDescriptor> descriptors,
            List<String> flatClassNames, IndexFormat.Parsed parsed) {
        this.pluginId = pluginId;
        this.loader = loader;
        this.descriptors = List.copyOf(descriptors);
        this.flatClassNames = List.copyOf(flatClassNames);
        this.parsed = parsed;
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
                return flat(pluginId, pluginLoader, Pf4jIndex.read(text(pf4j), pf4j.toExternalForm()));
            }
            return of(pluginId, pluginLoader, List.of());
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
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static ExtensionIndex of(String pluginId, ClassLoader loader, List<ExtensionDescriptor> descriptors) {
        return of(pluginId, new Fixed(loader), descriptors);
    }

    static ExtensionIndex flat(String pluginId, ClassLoader loader, List<String> classNames) {
        return flat(pluginId, new Fixed(loader), classNames);
    }

    /**
     * The index of a plugin whose loader may not exist yet.
     *
     * @param pluginId the plugin
     * @param loader gives the plugin's classes loader, creating it on first call
     * @param descriptors the entries of its index
     * @return the index
     */
    static ExtensionIndex of(String pluginId, Supplier<ClassLoader> loader, List<ExtensionDescriptor> descriptors) {
        return new ExtensionIndex(pluginId, loader, descriptors, List.of(), null);
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
        return new ExtensionIndex(pluginId, loader, List.of(), List.of(), parsed);
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
        return new ExtensionIndex(pluginId, loader, List.of(), classNames, null);
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

    private static boolean ordered(List<ExtensionEntry> entries) {
        for (int i = 1; i < entries.size(); i++) {
            ExtensionEntry a = entries.get(i - 1);
            ExtensionEntry b = entries.get(i);
            if (a.ordinal() > b.ordinal() || a.ordinal() == b.ordinal() && a.className().compareTo(b.className()) > 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the plugin this index belongs to, or {@code null} for an index read from a plain loader */
    public String pluginId() {
        return pluginId;
    }

    /**
     * The extension points this index lists, sorted by name.
     *
     * @return the binary names of the points
     */
    public Set<String> points() {
        return Collections.unmodifiableSet(new TreeSet<>(parsed != null ? parsed.points() : grouped().keySet()));
    }

    /**
     * The extensions of a point, ordered by ordinal and then class name. The entries of a point are
     * created on its first lookup, so finding one point costs nothing for the others.
     *
     * @param point the binary name of the extension point
     * @return the entries; empty if this plugin has none for the point
     */
    public List<ExtensionEntry> entries(String point) {
        List<ExtensionEntry> entries = entriesByPoint.get(point);
        if (entries != null) {
            return entries;
        }
        List<ExtensionDescriptor> descriptors = parsed != null ? parsed.extensions(point) : grouped().get(point);
        if (descriptors == null || descriptors.isEmpty()) {
            return List.of();
        }
        List<ExtensionEntry> created = new ArrayList<>(descriptors.size());
        for (ExtensionDescriptor d : descriptors) {
            created.add(new ExtensionEntry(pluginId, d, loader, this));
        }
        if (!ordered(created)) { // the processor writes them in order
            created.sort(Order.ORDER);
        }
        entries = Collections.unmodifiableList(created);
        List<ExtensionEntry> raced = entriesByPoint.putIfAbsent(point, entries);
        return raced != null ? raced : entries;
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

    /** @return whether this index came from a pf4j plugin's flat index */
    public boolean isFlat() {
        return !flatClassNames.isEmpty();
    }

    /** The one shared instance holder of an extension class, whatever point it is found under. */
    ExtensionEntry.Instance instance(String className) {
        ExtensionEntry.Instance instance = instances.get(className);
        if (instance == null) {
            instance = new ExtensionEntry.Instance();
            ExtensionEntry.Instance raced = instances.putIfAbsent(className, instance);
            if (raced != null) {
                instance = raced;
            }
        }
        return instance;
    }

    /**
     * Groups descriptors by point, keeping their order. An index lists each point once, so a
     * point's descriptors are one run of the list and are kept as a view of it.
     *
     * @param descriptors the descriptors, in index order
     * @return point to its descriptors
     */
    static Map<String, List<ExtensionDescriptor>> group(List<ExtensionDescriptor> descriptors) {
        Map<String, List<ExtensionDescriptor>> map = new HashMap<>();
        int start = 0;
        for (int i = 1; i <= descriptors.size(); i++) {
            String point = descriptors.get(start).point();
            if (i < descriptors.size() && descriptors.get(i).point().equals(point)) {
                continue;
            }
            List<ExtensionDescriptor> run = descriptors.subList(start, i);
            List<ExtensionDescriptor> earlier = map.putIfAbsent(point, run);
            if (earlier != null) {
                List<ExtensionDescriptor> merged = new ArrayList<>(earlier);
                merged.addAll(run);
                map.put(point, merged);
            }
            start = i;
        }
        return map;
    }

    /** The descriptors by point, grouped once; for pf4j, after reading the class files. */
    private Map<String, List<ExtensionDescriptor>> grouped() {
        Map<String, List<ExtensionDescriptor>> map = byPoint;
        if (map == null) {
            synchronized (this) {
                map = byPoint;
                if (map == null) {
                    map = group(flatClassNames.isEmpty() ? descriptors : flatDescriptors());
                    byPoint = map;
                }
            }
        }
        return map;
    }

    /**
     * The points of pf4j extensions: every supertype of each listed class, found by reading class
     * files through the plugin's loader. Classes that cannot be read are left out and logged.
     */
    private List<ExtensionDescriptor> flatDescriptors() {
        List<ExtensionDescriptor> result = new ArrayList<>();
        Map<String, ClassHeader> headers = new HashMap<>();
        for (String className : flatClassNames) {
            try {
                ClassHeader header = header(className.replace('.', '/'), headers);
                int ordinal = header.annotationInts().getOrDefault(PF4J_EXTENSION, Map.of()).getOrDefault("ordinal", 0);
                for (String point : supertypes(header, headers)) {
                    result.add(new ExtensionDescriptor(point, className, ordinal, List.of()));
                }
            } catch (IOException e) {
                Log.log(System.Logger.Level.WARNING,
                        "pf4j extension {0} of plugin ''{1}'' is skipped: its class file cannot be read: {2}",
                        className, pluginId, e.getMessage());
            }
        }
        return result;
    }

    private Set<String> supertypes(ClassHeader start, Map<String, ClassHeader> headers) throws IOException {
        Set<String> result = new LinkedHashSet<>();
        Deque<ClassHeader> todo = new ArrayDeque<>();
        todo.add(start);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            ClassHeader h = todo.poll();
            List<String> parents = new ArrayList<>(h.interfaces());
            if (h.superName() != null) {
                parents.add(h.superName());
            }
            for (String parent : parents) {
                if (!seen.add(parent)) {
                    continue;
                }
                result.add(parent.replace('/', '.'));
                if (!parent.startsWith("java/")) {
                    try {
                        todo.add(header(parent, headers));
                    } catch (IOException e) {
                        // the supertype still counts as a point; its own supertypes stay unknown
                    }
                }
            }
        }
        return result;
    }

    private ClassHeader header(String internalName, Map<String, ClassHeader> headers) throws IOException {
        ClassHeader h = headers.get(internalName);
        if (h == null) {
            try (InputStream in = loader.get().getResourceAsStream(internalName + ".class")) {
                if (in == null) {
                    throw new IOException("class file " + internalName + ".class not found");
                }
                h = ClassHeader.parse(in.readAllBytes());
            }
            headers.put(internalName, h);
        }
        return h;
    }
}
