package dev.graft.bench;

import bench.api.Point0;
import dev.graft.loader.ExtensionFactory;
import dev.graft.loader.PluginRuntime;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

/**
 * The ways of loading N plugins and finding the extensions of {@code Point0}, each as a host would
 * write it. Each returns what it found and keeps it reachable until the measurement ends.
 */
enum Peer {

    /** Graft: a PluginRuntime over the plugin zips; the instances of Point0. */
    GRAFT(Workspace.GRAFT) {
        @Override
        Outcome run(Path folder) {
            PluginRuntime runtime = graft(folder).build();
            List<Point0> found = runtime.extensions(Point0.class);
            return new Outcome(found.size(), sum(found), List.of(runtime, found));
        }
    },

    /** Graft, listing the entries of Point0 without loading or instantiating any extension. */
    GRAFT_LIST(Workspace.GRAFT) {
        @Override
        Outcome run(Path folder) {
            PluginRuntime runtime = graft(folder).build();
            int entries = runtime.entries(Point0.class).size();
            return new Outcome(entries, entries, List.of(runtime));
        }
    },

    /** Graft, creating instances through a generated per-plugin factory instead of reflection. */
    GRAFT_FACTORY(Workspace.GRAFT_FACTORY) {
        @Override
        @SuppressWarnings("unchecked")
        Outcome run(Path folder) {
            Map<ClassLoader, Function<String, Object>> factories = new ConcurrentHashMap<>();
            ExtensionFactory factory = context -> factories.computeIfAbsent(context.plugin().classLoader(), loader -> {
                try {
                    return (Function<String, Object>) loader.loadClass(context.type().getPackageName() + ".GraftFactory")
                            .getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }).apply(context.type().getName());
            PluginRuntime runtime = graft(folder).extensionFactory(factory).build();
            List<Point0> found = runtime.extensions(Point0.class);
            return new Outcome(found.size(), sum(found), List.of(runtime, found));
        }
    },

    /** pf4j 3.15.0: JarPluginManager, then getExtensions. */
    PF4J(Workspace.PF4J) {
        @Override
        Outcome run(Path folder) {
            PluginManager manager = new JarPluginManager(folder);
            manager.loadPlugins();
            manager.startPlugins();
            List<Point0> found = manager.getExtensions(Point0.class);
            return new Outcome(found.size(), sum(found), List.of(manager, found));
        }
    },

    /** ServiceLoader with one URLClassLoader per plugin jar. */
    SERVICE_LOADER(Workspace.SERVICES) {
        @Override
        Outcome run(Path folder) throws IOException {
            List<Point0> found = new ArrayList<>();
            List<URLClassLoader> loaders = new ArrayList<>();
            for (Path jar : archives(folder)) {
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, Peer.class.getClassLoader());
                loaders.add(loader);
                for (Point0 p : ServiceLoader.load(Point0.class, loader)) {
                    found.add(p);
                }
            }
            return new Outcome(found.size(), sum(found), List.of(loaders, found));
        }
    },

    /** ClassGraph: scan the plugin jars for implementations of Point0, then load and create them. */
    CLASSGRAPH(Workspace.PLAIN) {
        @Override
        Outcome run(Path folder) throws IOException {
            List<Point0> found = new ArrayList<>();
            try (ScanResult scan = new ClassGraph().enableClassInfo().overrideClasspath(archives(folder)).scan()) {
                for (Class<?> type : scan.getClassesImplementing(Point0.class.getName()).loadClasses()) {
                    try {
                        found.add((Point0) type.getConstructor().newInstance());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return new Outcome(found.size(), sum(found), List.of(found));
        }
    },

    /** The I/O floor: open each plugin zip and read its index entry; nothing else. */
    FLOOR(Workspace.GRAFT) {
        @Override
        Outcome run(Path folder) throws IOException {
            int read = 0;
            long bytes = 0;
            for (Path zip : archives(folder)) {
                try (ZipFile z = new ZipFile(zip.toFile());
                        InputStream in = z.getInputStream(z.getEntry("classes/META-INF/graft/extensions.idx"))) {
                    bytes += in.readAllBytes().length;
                    read++;
                }
            }
            return new Outcome(read, bytes, List.of());
        }
    };

    private final String format;

    Peer(String format) {
        this.format = format;
    }

    /** @return the workspace folder this peer loads */
    String format() {
        return format;
    }

    abstract Outcome run(Path folder) throws IOException;

    /**
     * What a run found.
     *
     * @param count extensions (or entries, or index files) found
     * @param checksum a value computed from them, so that the work cannot be skipped
     * @param keep everything that must stay reachable while heap is measured
     */
    record Outcome(int count, long checksum, List<Object> keep) {
    }

    /** How many a correct run finds in a workspace. */
    int expected(Workspace ws) {
        return this == FLOOR ? ws.n() : ws.point0Extensions();
    }

    private static PluginRuntime.Builder graft(Path folder) {
        // String.concat, not '+': in a fresh JVM the first '+' bootstraps java.lang.invoke (6-9 ms),
        // which a host pays once at its own start-up, not when it loads plugins
        return PluginRuntime.builder().pluginDirectory(folder).hostVersion("1.0.0").sharedPackages("bench.api")
                .cache(folder.resolveSibling(".graft-cache-".concat(folder.getFileName().toString())), 1L << 30);
    }

    private static long sum(List<Point0> points) {
        long sum = 0;
        for (Point0 p : points) {
            sum += p.id();
        }
        return sum;
    }

    static List<Path> archives(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return files;
    }
}
