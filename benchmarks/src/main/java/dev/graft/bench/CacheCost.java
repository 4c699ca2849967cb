package dev.graft.bench;

import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import dev.graft.loader.PluginRuntime;
import dev.graft.loader.PluginState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What the library cache costs a host at start-up: {@code n} plugin zips, each bundling a jar of its
 * own and one jar that every plugin bundles, loaded by {@code PluginRuntime.Builder.build()} in a
 * fresh JVM with an empty cache folder (a miss: every jar is written) and again with the folder
 * that run left (a hit). Run against two builds of the loader for an A/B of the cache's design.
 */
public final class CacheCost {

    enum Case {
        MISS, HIT
    }

    private static final int JAR_BYTES = 8 << 10;

    private CacheCost() {
    }

    static Map<Case, List<Fork.Result>> run(int n, int runs) throws Exception {
        Path work = Workspace.home().resolve("workspace/cache-n" + n);
        Path plugins = work.resolve("plugins");
        if (!Files.isRegularFile(work.resolve(".complete"))) {
            generate(plugins, n);
            Files.writeString(work.resolve(".complete"), "generated\n");
        }
        Map<Case, List<Fork.Result>> results = new EnumMap<>(Case.class);
        for (int r = 0; r < runs; r++) {
            Path cache = work.resolve("cache-" + r);
            deleteTree(cache);
            for (Case c : Case.values()) {
                results.computeIfAbsent(c, x -> new ArrayList<>()).add(
                        Fork.run(CacheCost.class.getName(), List.of(plugins.toString(), cache.toString())));
            }
            deleteTree(cache);
        }
        return results;
    }

    static String format(Map<Case, List<Fork.Result>> results, int n, int runs) {
        StringBuilder out = new StringBuilder(String.format("Library cache, %d plugin zips with 2 bundled jars each"
                + " (one shared by all), build() in a fresh JVM, %d runs, median [min-max]%n%n"
                + "| case | build() | plugins loaded |%n|---|---|---|%n", n, runs));
        results.forEach((c, list) -> out.append(String.format("| %s | %s | %.0f |%n", c,
                Stats.of(list.stream().map(x -> x.number("ms")).toList()).format(" ms"), list.get(0).number("loaded"))));
        return out.toString();
    }

    private static void generate(Path plugins, int n) throws IOException {
        Files.createDirectories(plugins);
        byte[] common = jar("common", new Random(0));
        for (int i = 0; i < n; i++) {
            String id = String.format("p%04d", i);
            Map<String, byte[]> entries = new TreeMap<>();
            entries.put("classes/" + ManifestFormat.PATH, Archives.text(ManifestFormat.write(new PluginManifest(id,
                    Version.parse("1.0.0"), VersionRange.parse("*"), List.of(), List.of()))));
            entries.put("lib/own.jar", jar(id, new Random(i + 1)));
            entries.put("lib/common.jar", common);
            Archives.write(plugins.resolve(id + ".zip"), "", entries);
        }
    }

    private static byte[] jar(String name, Random random) throws IOException {
        byte[] data = new byte[JAR_BYTES];
        random.nextBytes(data);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name + "/data.bin"));
            zip.write(data);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * The child: {@code CacheCost <plugin folder> <cache folder>}.
     *
     * @param args plugin folder, cache folder
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        try (PluginRuntime runtime = PluginRuntime.builder().pluginDirectory(Path.of(args[0])).hostVersion("1.0.0")
                .cache(Path.of(args[1]), 1L << 30).build()) {
            double ms = (System.nanoTime() - start) / 1e6;
            long loaded = runtime.plugins().stream().filter(s -> s.state() == PluginState.LOADED).count();
            System.out.printf("RESULT ms=%.1f loaded=%d%n", ms, loaded);
        }
    }
}
