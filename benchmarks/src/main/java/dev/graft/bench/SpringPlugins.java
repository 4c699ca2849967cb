package dev.graft.bench;

import dev.graft.processor.GraftProcessor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Generates the Spring start-up benchmark's workspace, {@code benchmarks/target/workspace/spring-n<N>/}:
 * <ul>
 *   <li>{@code host.jar}: the host's classes ({@link SpringChild} and the point {@code bench.spring.Greeter}),
 *       copied from this module's jar (again at every run, so that it is always this build's);
 *   <li>N plugins ({@link SpringSources}), each compiled once through graft-processor;
 *   <li>{@code graft/p000.zip}: {@code classes/} (with the processor's index and manifest) and
 *       {@code lib/} holding kotlin-stdlib and Jackson, stored as {@code graft:package} stores them;
 *   <li>{@code pf4j/p000.zip}: the same classes and {@code lib/}, {@code plugin.properties} and pf4j's
 *       {@code classes/META-INF/extensions.idx} naming the three beans (pf4j's own processor refuses
 *       classes that do not implement its {@code ExtensionPoint});
 *   <li>{@code flat/p000.jar}: the classes and their folders, for the host's class path.
 * </ul>
 * Deterministic: fixed sources, sorted entries, fixed entry times. Generated once; a marker file
 * says the generation finished.
 */
final class SpringPlugins {

    private SpringPlugins() {
    }

    /** @return the workspace folder for {@code n} plugins, generated if it is not yet complete */
    static Path ensure(int n) throws IOException {
        Path root = Workspace.home().resolve("workspace/spring-n" + n);
        // every time: the host is this build's, whatever build generated the plugins
        Archives.write(root.resolve("host.jar"), "", hostClasses());
        if (Workspace.isComplete(root)) {
            return root;
        }
        long start = System.nanoTime();
        System.err.printf("generating %d Spring plugins in %s%n", n, root);
        List<Path> classpath = new ArrayList<>(SpringClassPath.all());
        classpath.add(root.resolve("host.jar"));
        Map<String, byte[]> libraries = new TreeMap<>();
        for (Path jar : SpringClassPath.bundled()) {
            libraries.put("lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        for (int i = 0; i < n; i++) {
            plugin(root, SpringChild.pluginId(i), classpath, libraries);
        }
        Files.writeString(root.resolve(".complete"), Workspace.LAYOUT);
        System.err.printf("generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return root;
    }

    /** Deletes Graft's library caches (GRAFT's, GRAFT_SHARED's) and the folders pf4j unpacks its zips into. */
    static void emptyCaches(Path root) throws IOException {
        List<Path> caches = new ArrayList<>(List.of(root.resolve("graft/.graft-cache"), root.resolve("graft-shared-cache")));
        try (Stream<Path> pf4j = Files.list(root.resolve("pf4j"))) {
            pf4j.filter(Files::isDirectory).forEach(caches::add);
        }
        for (Path cache : caches) {
            if (Files.exists(cache)) {
                try (Stream<Path> walk = Files.walk(cache)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    private static void plugin(Path root, String id, List<Path> classpath, Map<String, byte[]> libraries)
            throws IOException {
        Path build = Files.createDirectories(root.resolve("build/" + id));
        Javac.compile(SpringSources.plugin(id), classpath, build, List.of(new GraftProcessor()), List.of("-Agraft.version=1.0.0"));
        Map<String, byte[]> classes = Archives.files(build, name -> true);

        Map<String, byte[]> graft = new TreeMap<>(libraries);
        classes.forEach((name, bytes) -> graft.put("classes/" + name, bytes));
        Archives.write(root.resolve("graft/" + id + ".zip"), graft, Archives.GRAFT_STORED);

        Map<String, byte[]> pf4j = new TreeMap<>(libraries);
        classes.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                pf4j.put("classes/" + name, bytes);
            }
        });
        String pkg = SpringChild.PLUGIN_PACKAGE + id + ".";
        String prefix = pkg + Character.toUpperCase(id.charAt(0)) + id.substring(1);
        pf4j.put("classes/META-INF/extensions.idx", Archives.text("# the pf4j index of the three beans\n"
                + prefix + "Component\n" + prefix + "Controller\n" + prefix + "Greeter\n"));
        pf4j.put("plugin.properties", Archives.text("plugin.id=" + id + "\nplugin.version=1.0.0\n"));
        Archives.write(root.resolve("pf4j/" + id + ".zip"), pf4j, name -> name.startsWith("lib/"));

        Map<String, byte[]> flat = new TreeMap<>();
        classes.forEach((name, bytes) -> {
            if (name.endsWith(".class")) {
                flat.put(name, bytes);
                // the folders too, as Maven and Gradle write them: Spring's package scan lists them
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    flat.put(name.substring(0, slash + 1), new byte[0]);
                }
            }
        });
        Archives.write(root.resolve("flat/" + id + ".jar"), "", flat);
    }

    /** The host's classes from this module's jar (or class folder): {@code bench/spring/} and SpringChild. */
    private static Map<String, byte[]> hostClasses() throws IOException {
        Path code = Workspace.apiJar();
        java.util.function.Predicate<String> host = name -> name.startsWith("bench/spring/")
                || name.startsWith("dev/graft/bench/SpringChild");
        if (Files.isDirectory(code)) {
            return Archives.files(code, host);
        }
        Map<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = new JarFile(code.toFile())) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.isDirectory() && host.test(e.getName())) {
                    classes.put(e.getName(), jar.getInputStream(e).readAllBytes());
                }
            }
        }
        return classes;
    }
}
