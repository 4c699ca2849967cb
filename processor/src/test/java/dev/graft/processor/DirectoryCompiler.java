package dev.graft.processor;

import dev.graft.Extension;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles through the Graft processor into a real directory, as a build tool does, for the tests
 * that need output on disk: no output after errors, a second compilation against the first one's
 * classes, a rebuild into the same directory.
 */
final class DirectoryCompiler {

    /**
     * The outcome of a compilation.
     *
     * @param success whether javac succeeded
     * @param diagnostics what it reported
     */
    record Result(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics) {
    }

    private DirectoryCompiler() {
    }

    /** @return where the Graft annotations were loaded from, to put on a compilation's class path */
    static File annotationsLocation() {
        try {
            return new File(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Compiles, and fails the test when the compilation fails.
     *
     * @param output the class output directory, created when missing
     * @param classpath more class path entries besides the Graft annotations
     * @param sources the sources
     */
    static void compile(Path output, List<File> classpath, JavaFileObject... sources) {
        Result result = run(output, List.of("-Agraft.version=1.0.0"), classpath, sources);
        if (!result.success()) {
            throw new AssertionError("compilation failed: " + result.diagnostics());
        }
    }

    /**
     * Compiles.
     *
     * @param output the class output directory, created when missing; generated sources go beside it
     * @param options the javac options
     * @param classpath more class path entries besides the Graft annotations
     * @param sources the sources
     * @return the outcome
     */
    static Result run(Path output, List<String> options, List<File> classpath, JavaFileObject... sources) {
        return run(output, options, classpath, List.of(new GraftProcessor()), sources);
    }

    /**
     * Compiles through the given processors.
     *
     * @param output the class output directory, created when missing; generated sources go beside it
     * @param options the javac options
     * @param classpath more class path entries besides the Graft annotations
     * @param processors the processors, in the order javac runs them
     * @param sources the sources
     * @return the outcome
     */
    static Result run(Path output, List<String> options, List<File> classpath, List<Processor> processors,
            JavaFileObject... sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Files.createDirectories(output);
            Path generated = Files.createDirectories(output.resolveSibling(output.getFileName() + "-generated"));
            List<File> path = new ArrayList<>(classpath);
            path.add(annotationsLocation());
            files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
            files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
            files.setLocation(StandardLocation.CLASS_PATH, path);
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, List.of(sources));
            task.setProcessors(processors);
            return new Result(task.call(), diagnostics.getDiagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
