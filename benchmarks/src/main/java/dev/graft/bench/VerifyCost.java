package dev.graft.bench;

import dev.graft.cli.FolderRuntime;
import dev.graft.cli.HostOptions;
import dev.graft.cli.VerifyCommand;
import dev.graft.cli.verify.Report;
import dev.graft.format.IndexFormat;
import dev.graft.format.ManifestFormat;
import dev.graft.format.PluginManifest;
import dev.graft.format.Version;
import dev.graft.format.VersionRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cost of {@code graft verify} on a plugin whose own classes call kotlin-stdlib, which it
 * bundles whole in {@code lib/} (the real jar): building the runtime (extracting the jar to a
 * temporary cache), then reading every own class and resolving each reference through the
 * plugin's routes, reading the class files of kotlin-stdlib and the JDK it reaches. Each run is a
 * fresh verify in this JVM; the first is reported apart (ASM and the verifier's code cold).
 */
final class VerifyCost {

    /**
     * @param classes the plugin's own classes
     * @param references the references they make
     * @param classFilesRead the class files read to resolve them (the plugin's, kotlin-stdlib's, the JDK's)
     * @param problems unresolved references (0 expected)
     * @param first the first verify, ms
     * @param verify the later ones, ms
     * @param runtimeOnly building and closing the runtime alone, ms
     */
    record Result(int classes, int references, int classFilesRead, int problems, double first, Stats verify, Stats runtimeOnly) {
    }

    private VerifyCost() {
    }

    static Result run(int classes, int runs) throws Exception {
        Path work = Files.createTempDirectory("graft-verify-bench");
        Path kotlin = SpringClassPath.all().stream().filter(p -> p.getFileName().toString().startsWith("kotlin-stdlib-"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no kotlin-stdlib in target/spring-lib"));
        Path zip = plugin(work, kotlin, classes);
        HostOptions host = HostOptions.of("1.0.0", List.of(), List.of());
        long start = System.nanoTime();
        Report report = VerifyCommand.verify(zip, null, host);
        double first = (System.nanoTime() - start) / 1e6;
        List<Double> verify = new ArrayList<>();
        List<Double> runtime = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            start = System.nanoTime();
            report = VerifyCommand.verify(zip, null, host);
            verify.add((System.nanoTime() - start) / 1e6);
            start = System.nanoTime();
            try (FolderRuntime open = FolderRuntime.open(List.of(), List.of(zip), host)) {
                open.runtime().plugins();
            }
            runtime.add((System.nanoTime() - start) / 1e6);
        }
        return new Result(report.classes(), report.references(), report.classFilesRead(), report.problems().size(), first, Stats.of(verify),
                Stats.of(runtime));
    }

    /** A Graft zip: {@code classes} classes that call kotlin-stdlib and implement its function type, and lib/kotlin-stdlib. */
    private static Path plugin(Path work, Path kotlin, int classes) throws Exception {
        Map<String, String> sources = new TreeMap<>();
        for (int i = 0; i < classes; i++) {
            sources.put("kt.user.C" + i, "package kt.user; public class C" + i + " {"
                    + " public java.util.List<String> run(String s) {"
                    + "   kotlin.jvm.internal.Intrinsics.checkNotNullParameter(s, \"s\");"
                    + "   kotlin.jvm.functions.Function1<String, Integer> f = new kotlin.jvm.functions.Function1<>() {"
                    + "     public Integer invoke(String x) { return x.length(); } };"
                    + "   kotlin.Pair<String, Integer> p = new kotlin.Pair<>(s, f.invoke(s));"
                    + "   return kotlin.collections.CollectionsKt.listOf(kotlin.text.StringsKt.trim((CharSequence) s).toString(),"
                    + "       kotlin.text.StringsKt.repeat(s, " + i % 5 + "), p.getFirst()"
                    + (i > 0 ? ", new C" + (i - 1) + "().run(s).get(0)" : "") + "); } }");
        }
        Path out = Files.createDirectories(work.resolve("classes"));
        Javac.compile(sources, List.of(kotlin), out, List.of(), List.of());
        Map<String, byte[]> entries = new TreeMap<>();
        Archives.files(out, name -> name.endsWith(".class")).forEach((name, bytes) -> entries.put("classes/" + name, bytes));
        entries.put("classes/" + ManifestFormat.PATH, Archives.text(ManifestFormat.write(new PluginManifest("kt",
                Version.parse("1.0.0"), VersionRange.parse("*"), List.of(), List.of()))));
        entries.put("classes/" + IndexFormat.PATH, Archives.text(IndexFormat.write(List.of())));
        entries.put("lib/" + kotlin.getFileName(), Files.readAllBytes(kotlin));
        Path zip = work.resolve("kt.zip");
        Archives.write(zip, entries, Archives.GRAFT_STORED);
        return zip;
    }

    static String format(Result r, int runs) {
        return String.format("graft verify, a plugin of %d classes (%d references, %d class files read to resolve them, %d unresolved)"
                + " bundling kotlin-stdlib:%n"
                + "  first verify in the JVM      %.0f ms%n"
                + "  verify, median [min-max]     %s (%d runs)%n"
                + "  of which the runtime alone   %s (opening the zip, extracting kotlin-stdlib to the temporary cache)%n",
                r.classes(), r.references(), r.classFilesRead(), r.problems(), r.first(), r.verify().format(" ms"), runs,
                r.runtimeOnly().format(" ms"));
    }
}
