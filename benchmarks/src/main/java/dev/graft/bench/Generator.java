package dev.graft.bench;

import dev.graft.processor.GraftProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pf4j.processor.ExtensionAnnotationProcessor;

/**
 * Generates a {@link Workspace}: compiles each synthetic plugin once, through Graft's processor and
 * pf4j's together (each writes its own index), then packages the classes in every peer's format:
 * <ul>
 *   <li>{@code graft/p00042.zip}: {@code classes/} with Graft's manifest and index;
 *   <li>{@code graft-factory/p00042.zip}: the same plus the generated factory class;
 *   <li>{@code pf4j/p00042.jar}: the classes, pf4j's {@code META-INF/extensions.idx}, and a
 *       manifest with {@code Plugin-Id} and {@code Plugin-Version};
 *   <li>{@code services/p00042.jar}: the classes and {@code META-INF/services/bench.api.PointX};
 *   <li>{@code plain/p00042.jar}: the classes only, for a class-path scan.
 * </ul>
 */
final class Generator {

    private Generator() {
    }

    static Workspace ensure(int n, int m, int k) throws Exception {
        Workspace ws = Workspace.of(n, m, k);
        if (ws.isComplete()) {
            return ws;
        }
        long start = System.nanoTime();
        System.err.printf("generating %d plugins x %d extensions over %d points in %s%n", n, m, k, ws.root());
        if (k > Workspace.POINTS) {
            throw new IllegalArgumentException("the benchmark API has " + Workspace.POINTS + " points, not " + k);
        }
        Files.createDirectories(ws.root());
        List<Path> classpath = List.of(Workspace.apiJar(), Workspace.library("pf4j-"),
                Workspace.library("graft-annotations-"));
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int plugin = i;
                jobs.add(pool.submit(() -> {
                    plugin(ws, plugin, classpath);
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        Files.writeString(ws.root().resolve(".complete"), Workspace.LAYOUT);
        System.err.printf("generated in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return ws;
    }

    private static void plugin(Workspace ws, int i, List<Path> classpath) {
        String id = Sources.pluginId(i);
        try {
            Path classes = Files.createDirectories(ws.root().resolve("build/" + id));
            Javac.compile(Sources.plugin(i, ws.m(), ws.k()), classpath, classes,
                    List.of(new GraftProcessor(), new ExtensionAnnotationProcessor()), List.of("-Agraft.version=1.0.0"));
            Map<String, byte[]> extensions = Archives.files(classes,
                    name -> name.matches(id + "/E\\d+\\.class"));
            Map<String, byte[]> graft = new TreeMap<>(extensions);
            graft.putAll(Archives.files(classes, name -> name.startsWith("META-INF/graft/") || name.endsWith("package-info.class")));
            Archives.graftZip(ws.folder(Workspace.GRAFT).resolve(id + ".zip"), graft);
            graft.putAll(Archives.files(classes, name -> name.endsWith("GraftFactory.class")));
            Archives.graftZip(ws.folder(Workspace.GRAFT_FACTORY).resolve(id + ".zip"), graft);

            Map<String, byte[]> pf4j = new TreeMap<>(extensions);
            pf4j.putAll(Archives.files(classes, name -> name.equals("META-INF/extensions.idx")));
            pf4j.put("META-INF/MANIFEST.MF", Archives.text("Manifest-Version: 1.0\nPlugin-Id: " + id
                    + "\nPlugin-Version: 1.0.0\n"));
            Archives.write(ws.folder(Workspace.PF4J).resolve(id + ".jar"), "", pf4j);

            Map<String, byte[]> services = new TreeMap<>(extensions);
            Map<Integer, StringBuilder> providers = new HashMap<>();
            for (int j = 0; j < ws.m(); j++) {
                providers.computeIfAbsent(j % ws.k(), p -> new StringBuilder()).append(id).append(".E").append(j)
                        .append('\n');
            }
            providers.forEach((p, list) -> services.put("META-INF/services/" + Sources.API_PACKAGE + ".Point" + p,
                    Archives.text(list.toString())));
            Archives.write(ws.folder(Workspace.SERVICES).resolve(id + ".jar"), "", services);
            Archives.write(ws.folder(Workspace.PLAIN).resolve(id + ".jar"), "", extensions);
        } catch (IOException e) {
            throw new UncheckedIOException("plugin " + id + ": " + e.getMessage(), e);
        }
    }
}
