package dev.graft.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles in-memory sources with the JDK's javac, in process, optionally through processors. */
final class Javac {

    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    private Javac() {
    }

    /**
     * @param sources class name to source
     * @param classpath compile class path
     * @param out the class output directory
     * @param processors annotation processors to run (none: {@code -proc:none})
     * @param options further options, such as {@code -Agraft.version=1.0.0}
     */
    static void compile(Map<String, String> sources, List<Path> classpath, Path out, List<Processor> processors,
            List<String> options) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = JAVAC.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, code) -> units.add(new Source(name, code)));
            List<String> args = new ArrayList<>(List.of("-d", out.toString(), "--release", "17", "-implicit:none",
                    "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
            if (processors.isEmpty()) {
                args.add("-proc:none");
            }
            args.addAll(options);
            JavaCompiler.CompilationTask task = JAVAC.getTask(null, files, diagnostics, args, null, units);
            if (!processors.isEmpty()) {
                task.setProcessors(processors);
            }
            if (!task.call()) {
                StringBuilder message = new StringBuilder("compilation failed:");
                for (Diagnostic<?> d : diagnostics.getDiagnostics()) {
                    message.append('\n').append(d);
                }
                throw new IOException(message.toString());
            }
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
