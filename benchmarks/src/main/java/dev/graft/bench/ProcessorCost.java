package dev.graft.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * javac over one plugin of many {@code @Extension} classes (annotated for both Graft and pf4j),
 * each run in a fresh javac process: with Graft's processor, with pf4j's, and with none.
 */
final class ProcessorCost {

    enum Setup {
        NONE, GRAFT, PF4J
    }

    private ProcessorCost() {
    }

    static Map<Setup, Stats> run(int classes, int runs) throws Exception {
        Path work = Workspace.home().resolve("workspace/processor-" + classes);
        Path src = work.resolve("src");
        if (!Files.isDirectory(src)) {
            Map<String, String> sources = Sources.plugin(0, classes, Workspace.POINTS);
            sources.remove(Sources.pluginId(0) + ".GraftFactory");
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(f.getParent());
                Files.writeString(f, e.getValue());
            }
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        Path argFile = work.resolve("sources.txt");
        Files.write(argFile, files, StandardCharsets.UTF_8);
        Map<Setup, List<Double>> times = new EnumMap<>(Setup.class);
        Random random = new Random(7);
        for (int r = 0; r < runs; r++) {
            List<Setup> order = new ArrayList<>(List.of(Setup.values()));
            Collections.shuffle(order, random);
            for (Setup setup : order) {
                Path out = Files.createTempDirectory(work, "out");
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                        "--release", "17", "-d", out.toString(), "-cp", path(Workspace.apiJar(),
                                Workspace.library("pf4j-"), Workspace.library("graft-annotations-"))));
                command.addAll(switch (setup) {
                    case NONE -> List.of("-proc:none");
                    case GRAFT -> List.of("-processorpath", path(Workspace.library("graft-processor-"),
                            Workspace.library("graft-loader-"), Workspace.library("graft-annotations-")),
                            "-processor", "dev.graft.processor.GraftProcessor",
                            "-Agraft.version=1.0.0");
                    case PF4J -> List.of("-processorpath", path(Workspace.library("pf4j-")), "-processor",
                            "org.pf4j.processor.ExtensionAnnotationProcessor");
                });
                command.add("@" + argFile);
                long start = System.nanoTime();
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    throw new IllegalStateException("javac with " + setup + " failed:\n" + output);
                }
                double ms = (System.nanoTime() - start) / 1e6;
                check(setup, out, classes);
                times.computeIfAbsent(setup, s -> new ArrayList<>()).add(ms);
                System.err.printf("  processor run %d %-5s %8.0f ms%n", r + 1, setup, ms);
            }
        }
        Map<Setup, Stats> stats = new EnumMap<>(Setup.class);
        times.forEach((s, list) -> stats.put(s, Stats.of(list)));
        return stats;
    }

    /** Each processor must really have indexed every class. */
    private static void check(Setup setup, Path out, int classes) throws Exception {
        if (setup == Setup.GRAFT) {
            long entries = Files.readAllLines(out.resolve("META-INF/graft/extensions.idx")).stream()
                    .filter(l -> l.trim().startsWith("extension ")).count();
            if (entries != classes) {
                throw new IllegalStateException("Graft indexed " + entries + " of " + classes);
            }
        } else if (setup == Setup.PF4J) {
            long entries = Files.readAllLines(out.resolve("META-INF/extensions.idx")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            if (entries != classes) {
                throw new IllegalStateException("pf4j indexed " + entries + " of " + classes);
            }
        }
    }

    private static String path(Path... entries) {
        return String.join(File.pathSeparator, java.util.Arrays.stream(entries).map(Path::toString).toList());
    }

    static String format(Map<Setup, Stats> stats, int classes, int runs) {
        StringBuilder out = new StringBuilder(String.format("javac over one plugin of %d @Extension classes, fresh"
                + " process each, %d runs, median [min-max]%n%n| processor | time | vs pf4j |%n|---|---|---|%n", classes,
                runs));
        double pf4j = stats.get(Setup.PF4J).median();
        stats.forEach((s, st) -> out.append(String.format("| %s | %s | %.2fx |%n", s, st.format(" ms"), st.median() / pf4j)));
        double ratio = stats.get(Setup.GRAFT).median() / pf4j;
        out.append(String.format("%n%s  Graft's processor = %.2fx pf4j's compile time (target <= 1.2x)%n",
                ratio <= 1.2 ? "MET    " : "MISSED ", ratio));
        return out.toString();
    }
}
