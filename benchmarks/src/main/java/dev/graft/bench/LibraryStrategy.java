package dev.graft.bench;

import dev.graft.loader.ArchiveLimits;
import dev.graft.loader.archive.ZipRoot;
import dev.graft.loader.cache.Budget;
import dev.graft.loader.cache.LibraryCache;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * How to read the jars in a plugin zip's {@code lib/}: extract them to Graft's content-addressed
 * cache (a miss: the cache is empty; a hit: it holds them) and open them as jars, or read them in
 * place into memory. Real jars from Maven Central; each run in a fresh JVM.
 */
public final class LibraryStrategy {

    enum Strategy {
        EXTRACT_MISS, EXTRACT_HIT, IN_MEMORY
    }

    private static final List<String> JARS = List.of("jackson-databind-", "jackson-core-", "classgraph-", "javapoet-");

    private LibraryStrategy() {
    }

    static Map<Strategy, List<Fork.Result>> run(int runs) throws Exception {
        Path work = Files.createDirectories(Workspace.home().resolve("workspace/libs"));
        Path zip = work.resolve("plugin.zip");
        Map<String, byte[]> entries = new HashMap<>();
        for (String prefix : JARS) {
            Path jar = Workspace.library(prefix);
            entries.put("lib/" + jar.getFileName(), Files.readAllBytes(jar));
        }
        Archives.write(zip, "", entries);
        Map<Strategy, List<Fork.Result>> results = new EnumMap<>(Strategy.class);
        Random random = new Random(3);
        for (int r = 0; r < runs; r++) {
            Path cache = work.resolve("cache-" + r);
            List<Strategy> order = new ArrayList<>(List.of(Strategy.EXTRACT_MISS, Strategy.IN_MEMORY));
            Collections.shuffle(order, random);
            order.add(order.indexOf(Strategy.EXTRACT_MISS) + 1, Strategy.EXTRACT_HIT);
            for (Strategy s : order) {
                Fork.Result result = Fork.run(LibraryStrategy.class.getName(), List.of(s.name(), zip.toString(),
                        cache.toString()));
                results.computeIfAbsent(s, x -> new ArrayList<>()).add(result);
            }
        }
        return results;
    }

    static String format(Map<Strategy, List<Fork.Result>> results, int runs) {
        StringBuilder out = new StringBuilder(String.format("Bundled jars (%s), fresh JVM, %d runs, median [min-max]%n%n"
                + "| strategy | time to make every entry readable | entries | heap retained |%n|---|---|---|---|%n",
                JARS, runs));
        results.forEach((s, list) -> out.append(String.format("| %s | %s | %.0f | %.1f MB |%n", s,
                Stats.of(list.stream().map(x -> x.number("ms")).toList()).format(" ms"), list.get(0).number("entries"),
                Stats.of(list.stream().map(x -> x.number("heap") / (1 << 20)).toList()).median())));
        return out.toString();
    }

    /**
     * The child: {@code LibraryStrategy <strategy> <zip> <cache>}.
     *
     * @param args strategy, plugin zip, cache folder
     * @throws Exception if reading fails
     */
    public static void main(String[] args) throws Exception {
        Strategy strategy = Strategy.valueOf(args[0]);
        Path zipPath = Path.of(args[1]);
        long heapBefore = heap();
        long start = System.nanoTime();
        List<Object> keep = new ArrayList<>();
        List<Path> extracted = new ArrayList<>();
        int entries = 0;
        try (ZipFile zip = new ZipFile(zipPath.toFile())) {
            LibraryCache cache = new LibraryCache(Path.of(args[2]), 1L << 30);
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (strategy == Strategy.IN_MEMORY) {
                    Map<String, byte[]> files = new HashMap<>();
                    try (InputStream raw = zip.getInputStream(e); ZipInputStream in = new ZipInputStream(raw)) {
                        for (ZipEntry inner = in.getNextEntry(); inner != null; inner = in.getNextEntry()) {
                            if (!inner.isDirectory()) {
                                files.put(inner.getName(), in.readAllBytes());
                            }
                        }
                    }
                    entries += files.size();
                    keep.add(files);
                } else {
                    Path jar = cache.extract(zip, e, e.getName(), new Budget(ArchiveLimits.DEFAULT, "p")).file();
                    keep.add(ZipRoot.openJar(jar, e.getName(), ArchiveLimits.DEFAULT));
                    extracted.add(jar);
                }
            }
        }
        double ms = (System.nanoTime() - start) / 1e6;
        long heap = heap() - heapBefore;
        for (Path jar : extracted) {
            entries += countEntries(jar);
        }
        Reference.reachabilityFence(keep);
        System.out.printf("RESULT strategy=%s ms=%.1f heap=%d entries=%d%n", strategy, ms, heap, entries);
    }

    private static int countEntries(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return (int) z.stream().filter(x -> !x.isDirectory()).count();
        }
    }

    private static long heap() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(10);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
